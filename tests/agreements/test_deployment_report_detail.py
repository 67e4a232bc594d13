"""A deployment report's page and its files: read by the Ministry and the receiving party, downloads checked and
logged; to anyone else they do not exist."""

import pytest
from django.urls import reverse

from core.models import DownloadRecord
from tests.agreements.deployment_reporting import SECOND, file_report
from tests.samples import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(deployed, vnpt_user):
    return file_report(deployed, by=vnpt_user, uploads=[upload("bien-ban.pdf")])


def download(report):
    return reverse("agreements:deployment_report_file",
                   args=[report.agreement_id, report.pk, report.files.get().pk])


@pytest.mark.parametrize("persona", ["auditor", "vnpt_user"])
def test_the_ministry_and_the_receiving_party_read_the_report_and_its_files(login, report, persona, request):
    client = login(request.getfixturevalue(persona))
    response = client.get(report.get_absolute_url())
    assert response.status_code == 200 and [f.original_name for f in response.context["report"].files.all()] == [
        "bien-ban.pdf"]
    assert client.get(download(report)).status_code == 200


@pytest.mark.parametrize("persona", ["vietsens_user", "reviewer"])
def test_anyone_else_gets_404_for_the_report_and_its_files(login, report, persona, request):
    client = login(request.getfixturevalue(persona))
    assert client.get(report.get_absolute_url()).status_code == 404
    assert client.get(download(report)).status_code == 404
    assert not DownloadRecord.objects.exists()


def test_a_download_is_logged_with_who_took_which_file(login, report, drafter):
    response = login(drafter).get(download(report))
    assert response["Content-Disposition"].startswith("attachment")
    record = DownloadRecord.objects.get()
    assert (record.user, record.what, record.filename) == (drafter, "deployment_report_file", "bien-ban.pdf")


def test_a_file_is_reached_only_through_its_own_report(login, report, deployed, vnpt_user, drafter):
    other = file_report(deployed, by=vnpt_user, period_start=SECOND)
    wrong = reverse("agreements:deployment_report_file", args=[deployed.pk, other.pk, report.files.get().pk])
    assert login(drafter).get(wrong).status_code == 404


def test_the_report_lists_the_earlier_reports_of_its_province(login, report, deployed, vnpt_user, drafter):
    later = file_report(deployed, by=vnpt_user, period_start=SECOND)
    assert list(login(drafter).get(later.get_absolute_url()).context["others"]) == [report]
