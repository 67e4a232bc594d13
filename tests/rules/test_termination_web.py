"""Ending an agreement from the page: errors sit by their field and the agreement is untouched."""

import pytest
from django.urls import reverse

from agreements.models import Agreement, Clause
from tests.factories import current_province, make_agreement, make_signed
from tests.rules.pages import field_errors

pytestmark = pytest.mark.django_db
S = Agreement.Status


def _post(web, agreement, action="terminate", **fields):
    data = {"terminated_on": "01/03/2026", "reason_code": "term_ended", "clause": "", "notes": "Công văn 15/VNPT"}
    data.update(fields)
    return web.post(reverse("agreements:transition", args=[agreement.pk, action]), data)


def _assert_unchanged(agreement, status):
    agreement.refresh_from_db()
    assert agreement.status == status
    assert agreement.terminated_on is None and agreement.termination_clause is None


def test_the_drafter_records_a_refusal_under_the_agreements_own_clause(web, drafter):
    agreement = make_signed(by=drafter)
    own = agreement.clauses.get(section=Clause.Section.REFUSAL)
    response = _post(web, agreement, reason_code="refused", clause=str(own.pk))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.termination_clause) == (S.TERMINATED, own)


def test_a_refusal_without_a_clause_is_refused_with_the_rule(web, drafter):
    agreement = make_signed(by=drafter)
    response = _post(web, agreement, reason_code="refused")
    assert response.status_code == 409
    assert response.context["refusals"] == ["A refusal must cite one of the refusal cases of this agreement."]
    _assert_unchanged(agreement, S.SIGNED)


def test_a_refusal_citing_another_agreements_clause_is_marked_by_the_clause_field(web, drafter):
    agreement = make_signed(by=drafter)
    other = make_signed(by=drafter, number=2, provinces=[current_province("79")])
    theirs = other.clauses.get(section=Clause.Section.REFUSAL)
    response = _post(web, agreement, reason_code="refused", clause=str(theirs.pk))
    assert response.status_code == 400
    assert field_errors(response, "clause")
    _assert_unchanged(agreement, S.SIGNED)


def test_a_refusal_citing_a_non_refusal_clause_is_marked_by_the_clause_field(web, drafter):
    agreement = make_signed(by=drafter)
    ownership = agreement.clauses.get(section=Clause.Section.OWNERSHIP)
    response = _post(web, agreement, reason_code="refused", clause=str(ownership.pk))
    assert response.status_code == 400
    assert field_errors(response, "clause")
    _assert_unchanged(agreement, S.SIGNED)


def test_termination_without_a_date_is_marked_by_the_date_field(web, drafter):
    agreement = make_signed(by=drafter)
    response = _post(web, agreement, terminated_on="")
    assert response.status_code == 400
    assert field_errors(response, "terminated_on") == ["This field is required."]
    _assert_unchanged(agreement, S.SIGNED)


def test_termination_without_a_reason_is_marked_by_the_reason_field(web, drafter):
    agreement = make_signed(by=drafter)
    response = _post(web, agreement, reason_code="")
    assert response.status_code == 400
    assert field_errors(response, "reason_code") == ["This field is required."]
    _assert_unchanged(agreement, S.SIGNED)


def test_a_signed_agreement_cannot_be_cancelled_from_the_page(web, drafter):
    agreement = make_signed(by=drafter)
    response = _post(web, agreement, reason_code="cancelled")
    assert response.status_code == 400
    assert field_errors(response, "reason_code")
    _assert_unchanged(agreement, S.SIGNED)


def test_a_draft_is_cancelled_from_the_page(web, drafter):
    agreement = make_agreement(by=drafter)
    response = web.post(reverse("agreements:transition", args=[agreement.pk, "cancel"]),
                        {"cancelled_on": "01/03/2026", "notes": "Rút hồ sơ"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.termination_reason) == (S.TERMINATED, "cancelled")


def test_a_draft_can_only_be_cancelled_from_the_page(web, drafter):
    agreement = make_agreement(by=drafter)
    response = _post(web, agreement, action="terminate")
    assert response.status_code == 409
    assert response.context["refusals"] == ["“Terminate” is not available while the agreement is draft."]
    _assert_unchanged(agreement, S.DRAFT)
