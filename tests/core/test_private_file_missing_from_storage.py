"""A row whose private file has gone from storage (deleted by hand, a bucket restored from an older copy): its download
answers "not found" and the operators find the missing name in the error log, never a server error; and the daily
sweep on one server does not fail when another server deleted a file it had just listed."""

import io
import logging

import pytest
from django.core.management import call_command
from django.urls import reverse

from conditions.models import EvidenceFile
from core import storage
from core.models import DownloadRecord
from tests.factories import condition_set, member_of, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(vnpt):
    submit(vnpt, condition_set("PL-01").conditions.get())
    return EvidenceFile.objects.get()


def _download(login, user, item):
    return login(user).get(reverse("conditions:download", args=[item.pk]))


def test_the_file_downloads_while_it_is_in_storage(login, vnpt, item):
    response = _download(login, member_of(vnpt), item)
    assert response.status_code == 200
    assert DownloadRecord.objects.count() == 1


def test_a_file_gone_from_storage_answers_not_found_and_logs_which_file(login, vnpt, item, caplog):
    storage.private_storage.delete(item.file.name)
    with caplog.at_level(logging.ERROR, logger="core.downloads"):
        response = _download(login, member_of(vnpt), item)
    assert response.status_code == 404
    assert [record.getMessage() for record in caplog.records if record.name == "core.downloads"] == [
        f"private file missing from storage: {item.file.name} (evidence_file #{item.pk})"]
    assert not DownloadRecord.objects.exists()


def test_the_sweep_skips_a_file_another_server_deleted_after_listing_it(item, monkeypatch):
    orphan = storage.private_storage.save("evidence/left-behind.pdf", io.BytesIO(b"%PDF-1.4"))
    listed = [item.file.name, orphan]  # what this server's listing found
    storage.private_storage.delete(orphan)  # the other server's sweep, between this one's listing and its reading
    monkeypatch.setattr(storage, "walk", lambda folder="": iter(listed))
    out = io.StringIO()
    call_command("sweep_private_files", "--min-age", "0", stdout=out)
    assert out.getvalue().startswith("deleted 0 ")
    assert storage.private_storage.exists(item.file.name)
