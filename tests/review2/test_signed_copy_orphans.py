"""The signed copy is written to disk inside the signing transaction; a rollback must not leave it behind."""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from agreements.models import SignedCopy
from tests.factories import make_signed

pytestmark = pytest.mark.django_db


def _signed_files():
    root = Path(settings.PRIVATE_MEDIA_ROOT) / "signed"
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def test_a_signing_rolled_back_after_rendering_leaves_no_pdf_on_disk(drafter, vnpt):
    before = _signed_files()
    with pytest.raises(RuntimeError), transaction.atomic():
        make_signed(by=drafter, partner=vnpt)
        raise RuntimeError("anything later in the same transaction fails (or the commit itself)")
    assert not SignedCopy.objects.exists()
    assert _signed_files() == before, "an orphaned signed PDF stays in private storage"


def test_the_sweep_removes_the_file_of_an_evidence_submission_rolled_back(vnpt, vnpt_user, codes):
    """A file system has no rollback: the daily sweep deletes what a failed commit left."""
    from django.core.management import call_command

    from tests.eligibility.conftest import stored_files, submit

    before = stored_files()
    with pytest.raises(RuntimeError), transaction.atomic():
        submit(vnpt, codes["PL-01"], vnpt_user)
        raise RuntimeError("the commit fails")
    call_command("sweep_private_files", "--min-age", "0", stdout=open("/dev/null", "w"))
    assert stored_files() <= before, "an orphaned evidence file stays in private storage"


def test_the_sweep_keeps_every_file_a_row_refers_to(vnpt, vnpt_user, codes):
    from django.core.management import call_command

    from conditions.models import EvidenceFile
    from tests.eligibility.conftest import submit

    submit(vnpt, codes["PL-01"], vnpt_user)
    call_command("sweep_private_files", "--min-age", "0", stdout=open("/dev/null", "w"))
    item = EvidenceFile.objects.get()
    assert item.file.storage.exists(item.file.name)
