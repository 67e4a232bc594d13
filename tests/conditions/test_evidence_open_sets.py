"""Evidence is submitted under the set in force (even while a newer one waits to take effect), under
the newest published one, and under a superseded set a signed agreement in force was judged by;
never under a draft, nor under a superseded set nothing keeps open."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from conditions import services
from conditions.models import ConditionSet, Evidence
from tests.factories import condition_set, meet, on_day, signed, submit
from tests.pages import form_errors
from tests.samples import upload

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 1)
CLOSED = "Evidence is submitted only under a condition set in force or one a signed agreement in force was judged by."


def _submit_button(partner, condition):
    return (f'<a class="button secondary" href="{reverse("conditions:submit", args=[partner.pk, condition.pk])}">'
            "Submit evidence</a>")


def _partner_page(client, partner, shown_set):
    return client.get(reverse("conditions:partner_eligibility", args=[partner.pk]), {"set": shown_set.pk})


def test_the_set_in_force_stays_open_while_a_newer_one_waits_to_take_effect(rules, codes, vnpt, vnpt_user):
    condition_set("PL-01", effective_from=TODAY + datetime.timedelta(days=60))
    with on_day(TODAY):
        assert ConditionSet.objects.in_force_on(TODAY) == rules
        evidence = submit(vnpt, codes["PL-01"], by=vnpt_user)
    assert (evidence.condition, evidence.status) == (codes["PL-01"], Evidence.Status.SUBMITTED)


def test_the_partner_page_offers_a_submit_button_for_the_set_in_force(login, rules, codes, vnpt, vnpt_user):
    condition_set("PL-01", effective_from=TODAY + datetime.timedelta(days=60))
    with on_day(TODAY):
        response = login(vnpt_user).get(reverse("conditions:partner_eligibility", args=[vnpt.pk]))
    assert (response.context["set"], response.context["can_submit"]) == (rules, True)
    assertContains(response, _submit_button(vnpt, codes["PL-01"]), html=True)


def test_a_superseded_set_no_agreement_keeps_is_closed_to_evidence(login, rules, codes, vnpt, vnpt_user):
    condition_set("PL-01", effective_from=TODAY - datetime.timedelta(days=30))
    url = reverse("conditions:submit", args=[vnpt.pk, codes["PL-01"].pk])
    with on_day(TODAY):
        response = login(vnpt_user).post(url, {"statement": "Hồ sơ", "files": [upload()]})
    assert response.status_code == 200
    assert form_errors(response) == [CLOSED]
    assert not Evidence.objects.exists()


def test_the_partner_page_offers_no_submit_button_for_a_closed_set(login, rules, codes, vnpt, vnpt_user):
    condition_set("PL-01", effective_from=TODAY - datetime.timedelta(days=30))
    with on_day(TODAY):
        response = _partner_page(login(vnpt_user), vnpt, rules)
    assert (response.context["set"], response.context["can_submit"]) == (rules, False)
    assertNotContains(response, reverse("conditions:submit", args=[vnpt.pk, codes["PL-01"].pk]))


def test_a_superseded_set_a_signed_agreement_in_force_was_judged_by_stays_open(login, rules, codes, vnpt, vnpt_user):
    meet(vnpt, rules)
    signed(partner=vnpt, condition_set=rules)  # in force 2026-2027
    condition_set("PL-01", effective_from=TODAY - datetime.timedelta(days=30))
    with on_day(TODAY):
        response = _partner_page(login(vnpt_user), vnpt, rules)
        evidence = submit(vnpt, codes["ATTT-01"], by=vnpt_user)
    assert response.context["can_submit"] is True
    assert (evidence.condition, evidence.status) == (codes["ATTT-01"], Evidence.Status.SUBMITTED)


def test_evidence_cannot_be_submitted_for_a_draft_set(login, rules, vnpt, vnpt_user, assessor):
    draft = services.condition_set_create(by=assessor, title="Nháp", effective_from=TODAY, copy_from=rules)
    url = reverse("conditions:submit", args=[vnpt.pk, draft.conditions.get(code="PL-01").pk])
    client = login(vnpt_user)
    assert client.get(url).status_code == 404
    assert client.post(url, {"statement": "Hồ sơ", "files": [upload()]}).status_code == 404
    assert not Evidence.objects.exists()
