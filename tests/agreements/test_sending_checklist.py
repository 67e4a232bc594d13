"""The draft page's checklist of what sending for review still needs (agreements/guards/review.py
sending_checks): the same checks the refusal makes, so each gap is shown unticked with the very reasons the
refusal gives, and all ticked means sending goes through."""

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement
from core.models import Province
from tests.agreements.test_sending_rules import GAPS
from tests.core.page_queries import assert_flat
from tests.factories import DepartmentFactory, draft, in_review
from tests.pages import refusals

pytestmark = pytest.mark.django_db


def _checklist(client, agreement):
    response = client.get(reverse("agreements:detail", args=[agreement.pk]))
    assert response.status_code == 200
    return response, response.context["sending_checks"]


def _unticked(checks):
    return {check.name: [str(p) for p in check.problems] for check in checks if not check.met}


def _send(client, agreement):
    return client.post(reverse("agreements:transition", args=[agreement.pk, "send"]), {"reason": "Công văn 1"})


def test_complete_minutes_show_every_check_ticked_and_sending_goes_through(login, drafter):
    agreement = draft(by=drafter)
    client = login(drafter)
    response, checks = _checklist(client, agreement)
    assert checks and all(check.met for check in checks)
    assert b'class="missing"' not in response.content
    assert _send(client, agreement).status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.REVIEW


@pytest.mark.parametrize("gap", GAPS)
def test_each_gap_is_shown_unticked_with_the_reasons_sending_is_refused_for(login, drafter, vnpt, gap):
    make_gap, *messages = GAPS[gap]
    agreement = draft(by=drafter, partner=vnpt)
    make_gap(agreement, drafter)
    client = login(drafter)
    _response, checks = _checklist(client, agreement)
    shown = [problem for problems in _unticked(checks).values() for problem in problems]
    assert shown == messages
    response = _send(client, agreement)
    assert response.status_code == 409
    assert refusals(response) == shown


def test_empty_minutes_show_every_gap_the_refusal_names_in_the_same_order(login, drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt, complete=False)
    client = login(drafter)
    _response, checks = _checklist(client, agreement)
    unticked = _unticked(checks)
    assert set(unticked) == {"legal_bases", "clauses", "provinces", "term", "authority", "reviews"}
    assert refusals(_send(client, agreement)) == [p for problems in unticked.values() for p in problems]


def test_each_unticked_check_links_to_where_it_is_fixed(login, drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt, complete=False)
    client = login(drafter)
    response, checks = _checklist(client, agreement)
    edit = reverse("agreements:edit", args=[agreement.pk])
    page = response.content.decode()
    edit_page = client.get(edit).content.decode()
    for check in checks:
        if not check.met:
            assert f'href="{edit}#{check.anchor}"' in page
            assert f'id="{check.anchor}"' in edit_page, check.name


def test_the_checklist_is_shown_to_drafters_of_a_draft_only(login, drafter, signer):
    _response, checks = _checklist(login(signer), draft(by=drafter))
    assert checks is None
    _response, checks = _checklist(login(drafter), in_review(by=drafter))
    assert checks is None


def test_the_checklist_costs_the_same_queries_for_2_and_50_rows(login, drafter, django_assert_max_num_queries):
    """Legal bases, clauses, departments asked and provinces grow; the draft page (checklist included) does not."""
    agreement = draft(by=drafter)
    provinces = list(Province.objects.in_force_on(agreement.term_start))

    def grow(n):
        Row = services.Row
        rows = agreement.legal_bases.count()
        services.agreement_update(
            agreement=agreement, by=drafter, provinces=provinces[:rows + n],
            legal_bases=[Row(b.pk) for b in agreement.legal_bases.all()] + [
                Row(None, {"position": 10 + rows + i, "kind": "decree", "citation": f"Nghị định {rows + i}/2025/NĐ-CP"})
                for i in range(n)],
            clauses=[Row(c.pk) for c in agreement.clauses.all()] + [
                Row(None, {"position": 10 + rows + i, "section": "handing_party", "text": f"Khoản {i}"})
                for i in range(n)],
            review_requests=[Row(r.pk) for r in agreement.review_requests.all()] + [
                Row(None, {"department": DepartmentFactory(), "letter_number": f"{rows + i}/CNTT"}) for i in range(n)])

    client = login(drafter)
    assert_flat(client, reverse("agreements:detail", args=[agreement.pk]), grow, django_assert_max_num_queries)
    assert len(client.get(reverse("agreements:detail", args=[agreement.pk])).context["sending_checks"]) == 8
