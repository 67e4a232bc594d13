"""The daily sweep (manage.py sweep_private_files) deletes the private files no row refers to, once
they are older than --min-age minutes, and keeps every file a row refers to.

Uploads are written before their transaction commits (a file system has no rollback), so a failed
submission leaves its file behind: that is what the sweep is for."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from agreements import services as agreement_services
from agreements.models import DeploymentReportFile, Opinion, RefusalRequestFile
from conditions.models import EvidenceFile
from tests.agreements.pdf_reading import download, stored
from tests.agreements.refusing import file_request, signed_minutes
from tests.factories import AuthorityDocumentFactory, agreed, condition_set, in_review, member_of, signed, submit
from tests.samples import PDF, stored_files, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def condition(db):
    return condition_set("PL-01").conditions.get()


@pytest.fixture
def later(time_machine):
    """later(minutes): the clock moved on by that many minutes from now."""
    return lambda minutes: time_machine.move_to(timezone.now() + datetime.timedelta(minutes=minutes))


def _sweep(*options):
    out = io.StringIO()
    call_command("sweep_private_files", *options, stdout=out)
    return out.getvalue()


def _left_behind(write):
    """The one file `write` stores before its transaction rolls back."""
    before = stored_files()
    with pytest.raises(RuntimeError), transaction.atomic():
        write()
        raise RuntimeError("the commit fails")
    (orphan,) = stored_files() - before
    return orphan


@pytest.fixture
def orphan(vnpt, condition):
    return _left_behind(lambda: submit(vnpt, condition))


def test_the_file_of_a_failed_evidence_submission_is_deleted_after_an_hour(orphan, later):
    later(61)
    output = _sweep()
    assert not orphan.exists()
    assert output.startswith("deleted ")
    assert output.rstrip().endswith(f"unreferenced file(s) under {settings.PRIVATE_MEDIA_ROOT}")


def test_the_file_of_a_failed_authority_document_upload_is_deleted_too(vnpt, later):
    orphan = _left_behind(lambda: AuthorityDocumentFactory(partner=vnpt, upload=upload("dieu-le.pdf")))
    later(61)
    _sweep()
    assert not orphan.exists()


@pytest.mark.parametrize("minutes_later, options, kept", [
    (59, [], True),
    (61, [], False),
    (15, ["--min-age", "30"], True),
    (45, ["--min-age", "30"], False),
    (0, ["--min-age", "0"], False),
])
def test_an_unreferenced_file_is_spared_until_it_is_older_than_min_age(orphan, later, minutes_later, options, kept):
    later(minutes_later)
    _sweep(*options)
    assert orphan.exists() is kept


def test_a_dry_run_deletes_nothing_and_says_what_it_would_delete(orphan, later):
    later(61)
    assert _sweep("--dry-run").startswith("would delete ")
    assert orphan.exists()


def test_the_files_of_submitted_evidence_are_kept_however_old(vnpt, condition, later):
    submit(vnpt, condition)
    later(60 * 24 * 365)
    _sweep()
    item = EvidenceFile.objects.get()
    with item.file.open("rb") as kept:
        assert kept.read() == PDF


def test_the_file_of_an_authority_document_is_kept_however_old(vnpt, later):
    document = AuthorityDocumentFactory(partner=vnpt, upload=upload("dieu-le.pdf"))
    later(60 * 24 * 365)
    _sweep()
    with document.file.open("rb") as kept:
        assert kept.read() == PDF


def test_the_scanned_letter_of_a_recorded_opinion_is_kept_however_old(later):
    (opinion,) = Opinion.objects.filter(request__agreement=agreed(in_review()))
    later(60 * 24 * 365)
    _sweep()
    with opinion.letter.open("rb") as kept:
        assert kept.read() == PDF


def test_signed_minutes_still_download_unchanged_after_a_sweep(login, drafter, vnpt, later):
    agreement = signed(by=drafter, partner=vnpt)
    before = stored(agreement)
    later(60 * 24 * 365)
    _sweep()
    response = download(login(drafter), agreement)
    assert (response.status_code, response.content) == (200, before)


def test_the_files_of_deployment_reports_and_refusal_requests_are_kept_however_old(vnpt, later):
    agreement = signed_minutes(partner=vnpt)
    file_request(agreement, member_of(vnpt))
    agreement_services.report_file(agreement=agreement, province=agreement.provinces.order_by("code").first(),
                         period_start=agreement.term_start, by=member_of(vnpt), uploads=[upload("bao-cao.pdf")],
                         figures={"facilities_live": 3, "records_created": 120, "incidents": 0, "problems": "",
                                  "next_steps": ""})
    later(60 * 24 * 365)
    _sweep()
    for item in (DeploymentReportFile.objects.get(), RefusalRequestFile.objects.get()):
        with item.file.open("rb") as kept:
            assert kept.read() == PDF
