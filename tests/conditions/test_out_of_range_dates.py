"""Dates and validities past what the system can count are refused with a message, never a server error."""

import datetime

import pytest
from django.urls import reverse

from conditions.models import Condition, Evidence
from tests.factories import accept, condition_set, on_day, submit
from tests.pages import field_errors, form_errors

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = "Give a date between 1990 and 2100."


def test_accepting_with_a_valid_from_in_year_9999_is_refused_by_the_form(login, assessor, vnpt, codes):
    pending = submit(vnpt, codes["PL-01"])
    response = login(assessor).post(reverse("conditions:decide", args=[pending.pk]),
                                    {"decision": "accepted", "valid_from": "31/12/9999", "reason": ""}, follow=True)
    assert response.redirect_chain == []
    assert field_errors(response, "valid_from") == [OUT_OF_RANGE]
    pending.refresh_from_db()
    assert (pending.status, pending.valid_from) == (Evidence.Status.SUBMITTED, None)


def test_the_condition_form_refuses_a_validity_over_120_months(login, assessor):
    draft = condition_set("PL-01", publish=False)
    response = login(assessor).post(reverse("conditions:condition_add", args=[draft.pk]), {
        "code": "DAI-01", "title": "Dài", "category": "legal", "mandatory": "on", "validity_months": "100000",
        "position": "2"})
    assert response.status_code == 200
    assert field_errors(response, "validity_months") == ["Ensure this value is less than or equal to 120."]
    assert list(draft.conditions.values_list("code", flat=True)) == ["PL-01"]


def test_accepting_under_the_longest_validity_counts_120_months(login, assessor, vnpt):
    longest = condition_set("DAI-01", validity_months=120).conditions.get()
    pending = submit(vnpt, longest)
    login(assessor).post(reverse("conditions:decide", args=[pending.pk]),
                         {"decision": "accepted", "valid_from": "15/01/2026", "valid_until": ""})
    pending.refresh_from_db()
    assert (pending.status, pending.valid_until) == (Evidence.Status.ACCEPTED, datetime.date(2036, 1, 14))


def test_a_condition_with_a_validity_no_calendar_can_hold_shows_its_evidence_and_refuses_to_count_it(
        login, assessor, vnpt, codes):
    pending = submit(vnpt, codes["PL-01"])
    # On purpose, past the form's limit: a row written before the limit existed, or by hand.
    Condition.objects.filter(pk=codes["PL-01"].pk).update(validity_months=100_000)
    client = login(assessor)
    page = client.get(reverse("conditions:evidence", args=[pending.pk]))
    assert page.status_code == 200
    assert page.context["form"].initial["valid_until"] is None
    response = client.post(reverse("conditions:decide", args=[pending.pk]),
                           {"decision": "accepted", "valid_from": "15/01/2026", "valid_until": ""}, follow=True)
    assert form_errors(response) == ["The validity would run past any date the system can count."]
    pending.refresh_from_db()
    assert (pending.status, pending.valid_until) == (Evidence.Status.SUBMITTED, None)


def test_a_day_at_the_end_of_the_calendar_is_refused_and_the_page_judges_today(login, auditor, vnpt, codes):
    accept(vnpt, codes["PL-01"], valid_until=datetime.date(9999, 12, 31))
    with on_day(datetime.date(2026, 3, 1)):
        response = login(auditor).get(reverse("conditions:partner_eligibility", args=[vnpt.pk]), {"on": "31/12/9999"})
    assert response.status_code == 200
    assert field_errors(response, "on", form="day_form") == [OUT_OF_RANGE]
    assert response.context["day"] == datetime.date(2026, 3, 1)
    [standing] = [s for s in response.context["verdict"].standings if s.condition.code == "PL-01"]
    assert standing.valid.valid_until == datetime.date(9999, 12, 31)
