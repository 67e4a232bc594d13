"""Ending an agreement (agreements/guards/ending.py): minutes never signed are cancelled, with a date;
signed ones are terminated, with a date not before the signing and a reason, and a refusal only under
one of that agreement's own refusal cases. Through the service, and from the page (the form marks a
field with 400; a rule the service checks is listed with 409)."""

import datetime

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement, Clause
from tests.factories import agreement_in, current_province, signed
from tests.pages import field_errors, flash_messages, refusals

pytestmark = pytest.mark.django_db
S = Agreement.Status
DAY = datetime.date(2026, 3, 1)


def _terminate(agreement, by, *, terminated_on=DAY, reason_code="term_ended", clause=None):
    return services.agreement_terminate(agreement=agreement, by=by, terminated_on=terminated_on,
                                        reason_code=reason_code, notes="Công văn 15/VNPT", clause=clause)


def _refusals(agreement, by, **kwargs):
    """The reasons the service gives for refusing to terminate; the agreement is untouched."""
    with pytest.raises(services.TransitionRefused) as refused:
        _terminate(agreement, by, **kwargs)
    _assert_unchanged(agreement, agreement.status)
    return refused.value.reasons


def _post(client, agreement, action="terminate", **fields):
    data = {"terminated_on": "01/03/2026", "reason_code": "term_ended", "clause": "", "notes": "Công văn 15/VNPT"}
    return client.post(reverse("agreements:transition", args=[agreement.pk, action]), {**data, **fields})


def _cancel(client, agreement, **fields):
    data = {"cancelled_on": "01/03/2026", "notes": "Rút hồ sơ"}
    return client.post(reverse("agreements:transition", args=[agreement.pk, "cancel"]), {**data, **fields})


def _assert_unchanged(agreement, status):
    agreement.refresh_from_db()
    assert agreement.status == status
    assert (agreement.terminated_on, agreement.termination_clause) == (None, None)


def _refusal_clause(agreement):
    return agreement.clauses.get(section=Clause.Section.REFUSAL)


# --- cancelling what was never signed ---------------------------------------------------------------

@pytest.mark.parametrize("status", [S.DRAFT, S.REVIEW])
def test_an_unsigned_agreement_is_cancelled(drafter, status):
    ended = services.agreement_cancel(agreement=agreement_in(status), by=drafter, cancelled_on=DAY, notes="Rút hồ sơ")
    assert (ended.status, ended.cancelled_on, ended.cancellation_notes) == (S.CANCELLED, DAY, "Rút hồ sơ")
    assert (ended.terminated_on, ended.termination_reason) == (None, "")


def test_cancelling_is_refused_without_a_date(drafter):
    agreement = agreement_in(S.DRAFT)
    with pytest.raises(services.TransitionRefused) as refused:
        services.agreement_cancel(agreement=agreement, by=drafter, cancelled_on=None)
    assert refused.value.reasons == ["Give the date of cancellation."]
    _assert_unchanged(agreement, S.DRAFT)


def test_a_draft_is_cancelled_from_the_page(login, drafter):
    agreement = agreement_in(S.DRAFT)
    response = _cancel(login(drafter), agreement)
    assert response.status_code == 302
    assert flash_messages(response) == ["Agreement cancelled."]
    agreement.refresh_from_db()
    assert (agreement.status, agreement.cancelled_on) == (S.CANCELLED, datetime.date(2026, 3, 1))


def test_the_page_marks_a_cancellation_without_a_date(login, drafter):
    agreement = agreement_in(S.REVIEW)
    response = _cancel(login(drafter), agreement, cancelled_on="")
    assert response.status_code == 400
    assert field_errors(response, "cancelled_on") == ["This field is required."]
    _assert_unchanged(agreement, S.REVIEW)


@pytest.mark.parametrize("status", [S.DRAFT, S.REVIEW])
def test_an_unsigned_agreement_cannot_be_terminated(drafter, status):
    reasons = _refusals(agreement_in(status), drafter)
    assert reasons == [f"A {S(status).label.lower()} agreement cannot become terminated."]


def test_a_draft_can_only_be_cancelled_from_the_page(login, drafter):
    agreement = agreement_in(S.DRAFT)
    response = _post(login(drafter), agreement, action="terminate")
    assert response.status_code == 409
    assert refusals(response) == ["A draft agreement cannot become terminated."]
    _assert_unchanged(agreement, S.DRAFT)


# --- terminating a signed agreement: a date, a reason --------------------------------------------

def test_a_signed_agreement_is_terminated_with_a_date_and_a_reason(drafter):
    ended = _terminate(signed(), drafter, reason_code="breach")
    assert (ended.status, ended.terminated_on, ended.termination_reason) == (S.TERMINATED, DAY, "breach")


def test_termination_is_refused_without_a_date(drafter):
    assert _refusals(signed(), drafter, terminated_on=None) == ["Give the date of termination."]


def test_termination_is_refused_without_a_reason(drafter):
    assert _refusals(signed(), drafter, reason_code="") == ["Choose the reason for termination."]


def test_a_signed_agreement_cannot_be_cancelled(drafter):
    reasons = _refusals(signed(), drafter, reason_code="cancelled")
    assert reasons == ["A signed agreement cannot be cancelled; choose why it ends."]


def test_a_signed_agreement_cannot_end_before_it_was_signed(drafter):
    reasons = _refusals(signed(), drafter, terminated_on=datetime.date(2025, 12, 1))  # signed 20/12/2025
    assert reasons == ["An agreement cannot end before it was signed."]


def test_the_drafter_terminates_a_signed_agreement_from_the_page(login, drafter):
    agreement = signed()
    response = _post(login(drafter), agreement, reason_code="mutual")
    assert response.status_code == 302
    assert flash_messages(response) == ["Agreement terminated."]
    agreement.refresh_from_db()
    assert (agreement.status, agreement.terminated_on, agreement.termination_reason) == (S.TERMINATED, DAY, "mutual")


@pytest.mark.parametrize("field", ["terminated_on", "reason_code"])
def test_the_page_marks_a_termination_without_a_date_or_reason(login, drafter, field):
    agreement = signed()
    response = _post(login(drafter), agreement, **{field: ""})
    assert response.status_code == 400
    assert field_errors(response, field) == ["This field is required."]
    _assert_unchanged(agreement, S.SIGNED)


def test_the_page_does_not_offer_cancelling_as_the_reason_a_signed_agreement_ends(login, drafter):
    agreement = signed()
    response = _post(login(drafter), agreement, reason_code="cancelled")
    assert response.status_code == 400
    assert field_errors(response, "reason_code") == [
        "Select a valid choice. cancelled is not one of the available choices."]
    _assert_unchanged(agreement, S.SIGNED)


# --- a refusal cites one of this agreement's own refusal cases ---------------------------------------

def test_a_refusal_under_its_own_refusal_clause_ends_the_agreement(drafter):
    agreement = signed()
    ended = _terminate(agreement, drafter, reason_code="refused", clause=_refusal_clause(agreement))
    assert (ended.status, ended.termination_clause) == (S.TERMINATED, _refusal_clause(agreement))


def test_a_refusal_citing_no_clause_is_refused(drafter):
    reasons = _refusals(signed(), drafter, reason_code="refused")
    assert reasons == ["A refusal must cite one of the refusal cases of this agreement."]


def test_a_refusal_citing_another_agreements_refusal_clause_is_refused(drafter):
    agreement = signed()
    theirs = _refusal_clause(signed(number=2, provinces=[current_province("79")]))
    reasons = _refusals(agreement, drafter, reason_code="refused", clause=theirs)
    assert reasons == ["A refusal must cite one of the refusal cases of this agreement."]


def test_a_refusal_citing_a_clause_that_is_not_a_refusal_case_is_refused(drafter):
    agreement = signed()
    ownership = agreement.clauses.get(section=Clause.Section.OWNERSHIP)
    reasons = _refusals(agreement, drafter, reason_code="refused", clause=ownership)
    assert reasons == ["A refusal must cite one of the refusal cases of this agreement."]


def test_the_drafter_records_a_refusal_under_the_agreements_own_clause(login, drafter):
    agreement = signed()
    response = _post(login(drafter), agreement, reason_code="refused", clause=str(_refusal_clause(agreement).pk))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.termination_clause) == (S.TERMINATED, _refusal_clause(agreement))


def test_the_page_refuses_a_refusal_citing_no_clause_with_the_rule(login, drafter):
    agreement = signed()
    response = _post(login(drafter), agreement, reason_code="refused")
    assert response.status_code == 409
    assert refusals(response) == ["A refusal must cite one of the refusal cases of this agreement."]
    _assert_unchanged(agreement, S.SIGNED)


@pytest.mark.parametrize("which", ["another agreement's refusal case", "a clause that is no refusal case"])
def test_the_page_offers_only_the_agreements_own_refusal_cases(login, drafter, which):
    agreement = signed()
    if which == "a clause that is no refusal case":
        cited = agreement.clauses.get(section=Clause.Section.OWNERSHIP)
    else:
        cited = _refusal_clause(signed(number=2, provinces=[current_province("79")]))
    response = _post(login(drafter), agreement, reason_code="refused", clause=str(cited.pk))
    assert response.status_code == 400
    assert field_errors(response, "clause") == [
        "Select a valid choice. That choice is not one of the available choices."]
    _assert_unchanged(agreement, S.SIGNED)
