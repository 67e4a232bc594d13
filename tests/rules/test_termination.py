"""Ending an agreement: a date and a reason, cancelling only what was never signed, and a refusal
only under one of that agreement's own refusal cases (services)."""

import datetime

import pytest

from agreements import services
from agreements.models import Agreement, Clause
from tests.factories import current_province, make_agreement, make_signed

pytestmark = pytest.mark.django_db
S = Agreement.Status
DAY = datetime.date(2026, 3, 1)


def _end(agreement, by, *, terminated_on=DAY, reason_code="term_ended", clause=None):
    return services.agreement_terminate(agreement=agreement, by=by, terminated_on=terminated_on,
                                        reason_code=reason_code, notes="Công văn 15/VNPT", clause=clause)


def _refusals(agreement, by, **kwargs):
    was = agreement.status
    with pytest.raises(services.TransitionRefused) as refused:
        _end(agreement, by, **kwargs)
    agreement.refresh_from_db()
    assert agreement.status == was and agreement.terminated_on is None
    return refused.value.reasons


def test_a_signed_agreement_is_terminated_with_a_date_and_a_reason(drafter):
    ended = _end(make_signed(by=drafter), drafter, reason_code="breach")
    assert (ended.status, ended.terminated_on, ended.termination_reason) == (S.TERMINATED, DAY, "breach")


def test_termination_is_refused_without_a_date(drafter):
    assert _refusals(make_signed(by=drafter), drafter, terminated_on=None) == ["Give the date of termination."]


def test_termination_is_refused_without_a_reason(drafter):
    assert _refusals(make_signed(by=drafter), drafter, reason_code="") == ["Choose the reason for termination."]


def test_a_signed_agreement_cannot_be_cancelled(drafter):
    reasons = _refusals(make_signed(by=drafter), drafter, reason_code="cancelled")
    assert reasons == ["A signed agreement cannot be cancelled; choose why it ends."]


def test_a_signed_agreement_cannot_end_before_it_was_signed(drafter):
    reasons = _refusals(make_signed(by=drafter), drafter, terminated_on=datetime.date(2025, 12, 1))
    assert reasons == ["An agreement cannot end before it was signed."]


@pytest.mark.parametrize("status", [S.DRAFT, S.REVIEW])
def test_an_unsigned_agreement_can_only_be_cancelled(drafter, status):
    agreement = make_agreement(by=drafter)
    if status == S.REVIEW:
        agreement = services.agreement_send_for_review(agreement=agreement, by=drafter)
    reasons = _refusals(agreement, drafter, reason_code="term_ended")
    assert reasons == [f"“Terminate” is not available while the agreement is {agreement.get_status_display().lower()}."]


@pytest.mark.parametrize("status", [S.DRAFT, S.REVIEW])
def test_an_unsigned_agreement_is_cancelled(drafter, status):
    agreement = make_agreement(by=drafter)
    if status == S.REVIEW:
        agreement = services.agreement_send_for_review(agreement=agreement, by=drafter)
    ended = services.agreement_cancel(agreement=agreement, by=drafter, cancelled_on=DAY, notes="Rút hồ sơ")
    assert (ended.status, ended.termination_reason) == (S.TERMINATED, "cancelled")


def test_a_refusal_under_its_own_refusal_clause_ends_the_agreement(drafter):
    agreement = make_signed(by=drafter)
    own = agreement.clauses.get(section=Clause.Section.REFUSAL)
    ended = _end(agreement, drafter, reason_code="refused", clause=own)
    assert (ended.status, ended.termination_clause) == (S.TERMINATED, own)


def test_a_refusal_citing_no_clause_is_refused(drafter):
    reasons = _refusals(make_signed(by=drafter), drafter, reason_code="refused")
    assert reasons == ["A refusal must cite one of the refusal cases of this agreement."]


def test_a_refusal_citing_another_agreements_refusal_clause_is_refused(drafter):
    agreement = make_signed(by=drafter)
    other = make_signed(by=drafter, number=2, provinces=[current_province("79")])
    theirs = other.clauses.get(section=Clause.Section.REFUSAL)
    reasons = _refusals(agreement, drafter, reason_code="refused", clause=theirs)
    assert reasons == ["A refusal must cite one of the refusal cases of this agreement."]


def test_a_refusal_citing_a_clause_that_is_not_a_refusal_case_is_refused(drafter):
    agreement = make_signed(by=drafter)
    ownership = agreement.clauses.get(section=Clause.Section.OWNERSHIP)
    reasons = _refusals(agreement, drafter, reason_code="refused", clause=ownership)
    assert reasons == ["A refusal must cite one of the refusal cases of this agreement."]
