"""Filing a deployment report (agreements.services.report_file): who may, under which minutes, for which
province and period, once per period, with files checked as evidence files are; who filed is in the history
and the drafter is told."""

import pytest
from django.urls import reverse

from agreements.models import DeploymentReport, DeploymentReportFile
from core.exceptions import NotPermitted, Refused
from core.models import Notification
from tests.agreements.deployment_reporting import FIRST, SECOND, THIRD, file_report
from tests.factories import current_province, draft, terminated
from tests.samples import PDF, stored_files, upload

pytestmark = pytest.mark.django_db


def test_a_member_of_the_receiving_party_files_a_report_for_a_period_begun(deployed, vnpt_user):
    report = file_report(deployed, by=vnpt_user, period_start=SECOND, uploads=[upload("bao-cao.pdf")])
    assert (report.province, report.period_start, report.period_end) == (current_province("01"), SECOND,
                                                                         SECOND.replace(month=6, day=30))
    assert (report.facilities_live, report.records_created, report.filed_by) == (12, 3400, vnpt_user)
    assert [f.original_name for f in report.files.all()] == ["bao-cao.pdf"]


def test_a_user_of_another_unit_may_not_file(deployed, vietsens_user):
    with pytest.raises(NotPermitted):
        file_report(deployed, by=vietsens_user)
    assert not DeploymentReport.objects.exists()


@pytest.mark.parametrize("persona", ["drafter", "signer", "auditor"])
def test_the_ministry_reads_reports_but_does_not_file_them(deployed, persona, request):
    with pytest.raises(NotPermitted, match="Only a user of the receiving party"):
        file_report(deployed, by=request.getfixturevalue(persona))


def test_a_draft_is_not_reported_on(drafter, vnpt, vnpt_user):
    agreement = draft(by=drafter, partner=vnpt)
    with pytest.raises(Refused, match="only under signed minutes in force; these minutes are draft"):
        file_report(agreement, by=vnpt_user)


def test_terminated_minutes_are_not_reported_on(drafter, vnpt, vnpt_user):
    agreement = terminated(by=drafter, partner=vnpt, terminated_on=FIRST.replace(month=3))
    with pytest.raises(Refused, match="these minutes are terminated"):
        file_report(agreement, by=vnpt_user)


def test_a_province_out_of_scope_is_refused(deployed, vnpt_user):
    with pytest.raises(Refused, match="Huế is not in the scope of these minutes"):
        file_report(deployed, by=vnpt_user, province=current_province("46"))
    file_report(deployed, by=vnpt_user, province=current_province("04"))  # Cao Bằng is in scope


def test_a_period_not_yet_begun_is_refused(deployed, vnpt_user):
    with pytest.raises(Refused, match="The period 01/07/2026 – 30/09/2026 has not begun: its report can be filed "
                                      "from 01/07/2026"):
        file_report(deployed, by=vnpt_user, period_start=THIRD)
    file_report(deployed, by=vnpt_user, period_start=THIRD, day=THIRD)  # from its first day it may


def test_a_day_that_starts_no_period_is_refused(deployed, vnpt_user):
    with pytest.raises(Refused, match="No reporting period of these minutes starts on 15/01/2026"):
        file_report(deployed, by=vnpt_user, period_start=FIRST.replace(day=15))


def test_a_period_is_reported_once_per_province(deployed, vnpt_user):
    file_report(deployed, by=vnpt_user)
    with pytest.raises(Refused, match=r"A report for Hà Nội for the period 01/01/2026 – 31/03/2026 was already filed "
                                      r"on \d\d/\d\d/2026 by vnpt"):
        file_report(deployed, by=vnpt_user, facilities_live=13)
    file_report(deployed, by=vnpt_user, province=current_province("04"))  # another province, the same period
    assert DeploymentReport.objects.count() == 2


def test_negative_figures_are_refused(deployed, vnpt_user):
    with pytest.raises(Refused):
        file_report(deployed, by=vnpt_user, incidents=-1)
    assert not DeploymentReport.objects.exists()


def test_a_file_that_is_not_what_it_claims_is_refused_and_nothing_is_saved(deployed, vnpt_user):
    before = stored_files()
    with pytest.raises(Refused, match="gia.pdf: Only PDF, PNG or JPEG"):
        file_report(deployed, by=vnpt_user, uploads=[upload("that.pdf"), upload("gia.pdf", b"MZ\x90\x00" + PDF)])
    assert not DeploymentReport.objects.exists() and not DeploymentReportFile.objects.exists()
    assert stored_files() == before


def test_more_files_than_one_submission_takes_are_refused(deployed, vnpt_user):
    with pytest.raises(Refused, match="At most 20 files in one submission: 21 were chosen"):
        file_report(deployed, by=vnpt_user, uploads=[upload(f"{i}.pdf") for i in range(21)])
    assert not DeploymentReport.objects.exists()


def test_the_history_records_who_filed_the_report_and_its_files(deployed, vnpt_user):
    report = file_report(deployed, by=vnpt_user, uploads=[upload()])
    entry = report.history.get()
    assert (entry.history_user, entry.history_change_reason) == (vnpt_user, "Deployment report filed")
    assert report.files.get().history.get().history_user == vnpt_user


def test_the_drafter_is_told_in_the_app_and_by_mail(deployed, drafter, vnpt_user, django_capture_on_commit_callbacks,
                                                   mailoutbox):
    drafter.email = "drafter@moh.gov.vn"
    drafter.save()
    with django_capture_on_commit_callbacks(execute=True):
        report = file_report(deployed, by=vnpt_user)
    notice = Notification.objects.get(kind="deployment_report_filed")
    assert (notice.user, notice.url) == (drafter, report.get_absolute_url())
    assert [m.to[0] for m in mailoutbox] == [drafter.email]
    assert not Notification.objects.filter(user=vnpt_user).exists()



def test_the_agreements_history_page_shows_who_filed_each_report(login, deployed, drafter, vnpt_user):
    file_report(deployed, by=vnpt_user, uploads=[upload("bao-cao.pdf")])
    entries = login(drafter).get(reverse("agreements:history", args=[deployed.pk])).context["entries"]
    filed = {(str(e["model"]), e["user"]) for e in entries if e["reason"] == "Deployment report filed"}
    assert filed == {("deployment report", vnpt_user), ("deployment report file", vnpt_user)}
