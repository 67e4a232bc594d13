"""The partner's "File a report" form: only its provinces and the periods begun are offered, errors show
beside their fields and nothing is half saved; the Ministry gets 403, another unit 404."""

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import DeploymentReport, DeploymentReportFile
from tests.agreements.deployment_reporting import FIGURES, FIRST, SECOND, TODAY, file_report
from tests.agreements.deployment_reporting import deployed as signed_for
from tests.factories import current_province, on_day
from tests.pages import field_errors, form_errors
from tests.samples import PDF, stored_files, upload

pytestmark = pytest.mark.django_db


def form_page(agreement):
    return reverse("agreements:deployment_file", args=[agreement.pk])


def post(client, agreement, **values):
    data = {**FIGURES, "province": current_province("01").pk, "period_start": FIRST.isoformat(), **values}
    with on_day(TODAY):
        return client.post(form_page(agreement), data)


def test_only_the_provinces_in_scope_and_the_periods_begun_are_offered(login, deployed, vnpt_user):
    with on_day(TODAY):
        form = login(vnpt_user).get(form_page(deployed)).context["form"]
    assert [label for _value, label in form.fields["province"].choices][1:] == ["Cao Bằng", "Hà Nội"]
    assert [value for value, _label in form.fields["period_start"].choices][1:] == ["2026-04-01", "2026-01-01"]


def test_a_partner_user_files_a_report_with_its_files(login, deployed, vnpt_user):
    response = post(login(vnpt_user), deployed, files=[upload("bien-ban.pdf"), upload("anh.pdf")])
    report = DeploymentReport.objects.get()
    assert response.status_code == 302 and response.url == report.get_absolute_url()
    assert sorted(report.files.values_list("original_name", flat=True)) == ["anh.pdf", "bien-ban.pdf"]


def test_the_ministry_gets_403(login, deployed, drafter):
    assert login(drafter).get(form_page(deployed)).status_code == 403
    assert post(login(drafter), deployed).status_code == 403


def test_another_unit_gets_404(login, deployed, vietsens_user):
    assert post(login(vietsens_user), deployed).status_code == 404
    assert not DeploymentReport.objects.exists()


def test_a_province_out_of_scope_cannot_be_chosen(login, deployed, vnpt_user):
    response = post(login(vnpt_user), deployed, province=current_province("46").pk)
    assert response.status_code == 400 and field_errors(response, "province")


def test_a_period_not_yet_begun_cannot_be_chosen(login, deployed, vnpt_user):
    response = post(login(vnpt_user), deployed, period_start="2026-07-01")
    assert response.status_code == 400 and field_errors(response, "period_start")
    assert not DeploymentReport.objects.exists()


def test_a_period_already_reported_is_refused_beside_the_period(login, deployed, vnpt_user):
    file_report(deployed, by=vnpt_user)
    response = post(login(vnpt_user), deployed, facilities_live=99)
    assert field_errors(response, "period_start") == [
        "A report for Hà Nội for this period was already filed; a period is reported once."]
    assert DeploymentReport.objects.get().facilities_live == 12


def test_a_negative_figure_is_refused_beside_its_field(login, deployed, vnpt_user):
    response = post(login(vnpt_user), deployed, records_created=-5)
    assert response.status_code == 400 and field_errors(response, "records_created")
    assert not DeploymentReport.objects.exists()


def test_a_bad_file_is_refused_beside_the_files_and_nothing_is_saved(login, deployed, vnpt_user):
    before = stored_files()
    response = post(login(vnpt_user), deployed, period_start=SECOND.isoformat(),
                    files=[upload("ok.pdf"), upload("virus.pdf", b"MZ" + PDF)])
    assert response.status_code == 400 and field_errors(response, "files") == [
        "virus.pdf: Only PDF, PNG or JPEG files are accepted; this file is none of them."]
    assert not DeploymentReport.objects.exists() and not DeploymentReportFile.objects.exists()
    assert stored_files() == before


def test_terminated_minutes_take_no_report(login, drafter, vnpt, vnpt_user):
    agreement = signed_for(by=drafter, partner=vnpt)
    services.agreement_terminate(agreement=agreement, by=drafter, terminated_on=SECOND, reason_code="mutual",
                                 notes="")
    response = post(login(vnpt_user), agreement)
    assert response.status_code == 409 and response.context["closed"]
    assert not DeploymentReport.objects.exists()


def test_the_refusals_of_the_service_show_at_the_top_of_the_form(login, deployed, vnpt_user, settings):
    settings.PARTNER_UPLOAD_QUOTA_BYTES = 10
    response = post(login(vnpt_user), deployed, files=[upload()])
    assert response.status_code == 400 and "storage quota" in form_errors(response)[0]
