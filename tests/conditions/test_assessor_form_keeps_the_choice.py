"""The assessor's form sent without a needed reason comes back with the decision still chosen and the error beside
the reason, not in a banner; the reason says it is required to reject or to ask for more information."""

import pytest
from django.urls import reverse

from conditions.models import Evidence
from tests.factories import submit
from tests.pages import field_errors, flash_messages

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(vnpt, codes):
    return submit(vnpt, codes["PL-01"])


def _decide(client, evidence, **data):
    return client.post(reverse("conditions:decide", args=[evidence.pk]), data, follow=True)


@pytest.mark.parametrize("decision", ["rejected", "info_requested"])
def test_a_missing_reason_keeps_the_chosen_decision_and_shows_the_error_beside_the_reason(login, assessor, pending,
                                                                                        decision):
    response = _decide(login(assessor), pending, decision=decision, reason="")
    assert response.status_code == 200
    assert response.context["form"]["decision"].value() == decision
    assert f'value="{decision}"' in _checked_radio(response)
    assert field_errors(response, "reason") == ["Give the reason the partner will read."]
    assert flash_messages(response) == []
    pending.refresh_from_db()
    assert pending.status == Evidence.Status.SUBMITTED


def test_accepting_needs_no_reason(login, assessor, pending):
    response = _decide(login(assessor), pending, decision="accepted", reason="", valid_from="15/01/2026")
    assert response.redirect_chain == [(reverse("conditions:queue"), 302)]
    pending.refresh_from_db()
    assert pending.status == Evidence.Status.ACCEPTED


def test_the_reason_is_marked_required_to_reject_or_ask_in_its_label_and_help(login, assessor, pending):
    response = login(assessor).get(reverse("conditions:evidence", args=[pending.pk]))
    reason = response.context["form"]["reason"]
    assert "required to reject or ask for more information" in reason.label
    assert reason.help_text.startswith("Required when you reject the evidence or ask for more information")
    assert str(reason.help_text) in response.content.decode()


def test_a_refusal_of_the_service_is_shown_on_the_form_not_in_a_banner(login, assessor, pending):
    response = _decide(login(assessor), pending, decision="accepted", valid_from="15/01/2026",
                       valid_until="14/01/2026")
    assert field_errors(response, "valid_until") == [
        "The evidence cannot be valid until a day before it is valid from."]
    assert response.context["form"]["decision"].value() == "accepted"
    assert flash_messages(response) == []


def _checked_radio(response):
    html = response.content.decode()
    return next(tag for tag in html.split("<input")[1:] if 'name="decision"' in tag and "checked" in tag)
