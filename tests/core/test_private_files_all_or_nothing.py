"""Files are written before their transaction commits, and no storage rolls back with it: when one file of a
submission fails to be recorded, the files of that submission already written are deleted again
(core.uploads.store_private_files, used by evidence, deployment reports and refusal requests)."""

import pytest

from conditions.models import Evidence
from core import uploads
from tests.factories import condition_set, submit
from tests.samples import stored_files, upload

pytestmark = pytest.mark.django_db


def _failing_on(call, monkeypatch):
    """Recording a file fails on its `call`-th time, as a lost database connection would."""
    real, calls = uploads.tracked_save, []

    def tracked_save(obj, **kwargs):
        calls.append(obj)
        if len(calls) == call:
            raise ConnectionError("the database went away")
        return real(obj, **kwargs)

    monkeypatch.setattr(uploads, "tracked_save", tracked_save)


def test_two_files_are_both_kept_when_both_are_recorded(vnpt):
    before = stored_files()
    submit(vnpt, condition_set("PL-01").conditions.get(), uploads=[upload("a.pdf"), upload("b.pdf")])
    assert len(stored_files() - before) == 2


def test_the_file_written_first_is_deleted_when_the_second_cannot_be_recorded(vnpt, monkeypatch):
    condition = condition_set("PL-01").conditions.get()
    before = stored_files()
    _failing_on(2, monkeypatch)
    with pytest.raises(ConnectionError):
        submit(vnpt, condition, uploads=[upload("a.pdf"), upload("b.pdf")])
    assert stored_files() == before
    assert not Evidence.objects.exists()
