"""How often the receiving party reports: quarterly unless the drafter sets otherwise, on the draft's header or
after signing, each change in the history; the periods follow from it."""

import datetime

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement, report_periods
from core.exceptions import NotPermitted, Refused
from tests.factories import cancelled, draft
from tests.pages import field_errors

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_new_draft_is_reported_on_quarterly(drafter, vnpt):
    assert draft(by=drafter, partner=vnpt).report_every_months == 3


def test_the_periods_run_from_the_term_start_and_the_last_is_cut_at_the_term_end():
    agreement = Agreement(term_start=D(2026, 1, 31), term_end=D(2026, 8, 15), report_every_months=3,
                          signed_on=D(2025, 12, 20))
    assert [(p.start, p.end) for p in report_periods(agreement)] == [
        (D(2026, 1, 31), D(2026, 4, 29)), (D(2026, 4, 30), D(2026, 7, 30)), (D(2026, 7, 31), D(2026, 8, 15))]
    assert [p.start for p in report_periods(agreement, started_by=D(2026, 4, 30))] == [D(2026, 1, 31), D(2026, 4, 30)]


def test_terminated_minutes_have_no_period_after_their_last_day_in_force():
    agreement = Agreement(term_start=D(2026, 1, 1), term_end=D(2027, 12, 31), terminated_on=D(2026, 5, 1),
                          report_every_months=1)
    assert [p.start.month for p in report_periods(agreement)] == [1, 2, 3, 4, 5]
    assert report_periods(agreement)[-1].end == D(2026, 5, 1)


def new_draft(client, partner, **values):
    from tests.factories import current_province, handing_department

    return client.post(reverse("agreements:create"), {
        "partner": str(partner.pk), "title": "Bàn giao", "handing_department": str(handing_department().pk),
        "handing_representative": "Phạm Đức Long", "handing_title": "Cục trưởng",
        "receiving_representative": "Nguyễn Văn A", "receiving_title": "Giám đốc",
        "software_name": "Phần mềm Hồ sơ sức khỏe điện tử", "software_version": "2.1", "term_start": "01/01/2026",
        "term_end": "31/12/2027", "condition_set": "", "place": "Hà Nội",
        "provinces": [str(current_province("01").pk)], **values})


def test_the_new_draft_form_takes_the_period_or_leaves_it_quarterly(login, drafter, vnpt):
    client = login(drafter)
    assert new_draft(client, vnpt, report_every_months="6").status_code == 302
    assert new_draft(client, vnpt).status_code == 302
    assert sorted(Agreement.objects.values_list("report_every_months", flat=True)) == [3, 6]
    response = new_draft(client, vnpt, report_every_months="13")
    assert response.status_code == 200 and field_errors(response, "report_every_months")


def test_the_drafter_sets_the_period_in_the_draft_header(login, drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    services.agreement_update(agreement=agreement, by=drafter, header={"report_every_months": 6})
    assert Agreement.objects.get(pk=agreement.pk).report_every_months == 6
    assert "report_every_months" in login(drafter).get(reverse("agreements:edit", args=[agreement.pk])).context[
        "form"].fields


def test_the_drafter_changes_the_period_after_signing_and_the_history_says_who(login, deployed, drafter):
    response = login(drafter).post(reverse("agreements:deployment_period", args=[deployed.pk]), {"months": 1})
    assert response.status_code == 302
    deployed.refresh_from_db()
    newest = deployed.history.first()
    assert (deployed.report_every_months, newest.history_user, newest.history_change_reason) == (
        1, drafter, "Deployment reports due every month")


@pytest.mark.parametrize("persona", ["vnpt_user", "signer"])
def test_no_one_else_changes_the_period(login, deployed, persona, request):
    user = request.getfixturevalue(persona)
    assert login(user).post(reverse("agreements:deployment_period", args=[deployed.pk]),
                            {"months": 1}).status_code == 403
    with pytest.raises(NotPermitted):
        services.agreement_set_report_period(agreement=deployed, by=user, months=1)
    deployed.refresh_from_db()
    assert deployed.report_every_months == 3


@pytest.mark.parametrize("months", [0, 13])
def test_a_period_outside_one_to_twelve_months_is_refused(deployed, drafter, months):
    with pytest.raises(Refused):
        services.agreement_set_report_period(agreement=deployed, by=drafter, months=months)


def test_cancelled_minutes_keep_their_period(drafter, vnpt):
    with pytest.raises(Refused, match="set on a draft or on signed minutes"):
        services.agreement_set_report_period(agreement=cancelled(by=drafter, partner=vnpt), by=drafter, months=6)


def test_the_period_is_offered_on_the_deployment_page_to_the_drafter_only(login, deployed, drafter, vnpt_user):
    url = reverse("agreements:deployment", args=[deployed.pk])
    assert login(drafter).get(url).context["period_form"] is not None
    assert login(vnpt_user).get(url).context["period_form"] is None
