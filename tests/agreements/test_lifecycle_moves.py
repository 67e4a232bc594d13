"""The lifecycle moves: Agreement.MOVES says which are legal, agreements.actions offers exactly one
action per legal move, and the services refuse every other move with a message saying why."""

import datetime
import itertools

import pytest

from agreements import services
from agreements.actions import ACTIONS
from agreements.models import Agreement
from tests.factories import SIGNATORIES, agreement_in, draft

S = Agreement.Status
pytestmark = pytest.mark.django_db
DAY = datetime.date(2025, 12, 22)
LEGAL = sorted((start, to) for start, targets in Agreement.MOVES.items() for to in targets)


def _attempt(agreement, to, *, drafter, signer):
    """Ask for the move to `to` through the service whose action leads there."""
    if to == S.REVIEW:
        return services.agreement_send_for_review(agreement=agreement, by=drafter)
    if to == S.DRAFT:
        return services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Sửa lại")
    if to == S.SIGNED:
        return services.agreement_sign(agreement=agreement, by=signer, number=7, signed_on=DAY, **SIGNATORIES)
    if to == S.TERMINATED:
        return services.agreement_terminate(agreement=agreement, by=drafter, terminated_on=DAY,
                                            reason_code="term_ended")
    return services.agreement_cancel(agreement=agreement, by=drafter, cancelled_on=DAY)


def _refusal(start, to):
    if start == to:
        return f"The agreement is already {S(start).label.lower()}; someone else made this change."
    return f"A {S(start).label.lower()} agreement cannot become {S(to).label.lower()}."


@pytest.mark.parametrize("start,to", list(itertools.product(S.values, S.values)))
def test_every_move_is_allowed_exactly_when_the_table_says(drafter, signer, start, to):
    agreement = agreement_in(start)
    if to in Agreement.MOVES[start]:
        moved = _attempt(agreement, to, drafter=drafter, signer=signer)
        assert moved.status == to
        assert (moved.status_changes.last().from_status, moved.status_changes.last().to_status) == (start, to)
    else:
        with pytest.raises(services.TransitionRefused) as refused:
            _attempt(agreement, to, drafter=drafter, signer=signer)
        assert refused.value.reasons == [_refusal(start, to)]
        agreement.refresh_from_db()
        assert agreement.status == start


def test_a_move_records_who_and_why_in_the_history(drafter):
    agreement = draft(by=drafter)
    services.agreement_send_for_review(agreement=agreement, by=drafter, reason="Công văn 442/CNTT-TTUD")
    record = agreement.history.first()
    assert record.status == S.REVIEW
    assert record.history_user == drafter
    assert record.history_change_reason == "Công văn 442/CNTT-TTUD"


# --- the table of actions and the table of moves agree --------------------------------------------

@pytest.mark.parametrize("name", ACTIONS)
def test_each_action_leads_from_its_sources_by_a_legal_move(name):
    action = ACTIONS[name]
    assert action.sources, "an action offered from no status"
    assert all(action.to in Agreement.MOVES[source] for source in action.sources)


@pytest.mark.parametrize("start,to", LEGAL)
def test_every_legal_move_is_offered_by_exactly_one_action(start, to):
    offering = [name for name, action in ACTIONS.items() if start in action.sources and action.to == to]
    assert len(offering) == 1, offering


# Ending taken from a status it is not offered from: cancelling signed or ended minutes, terminating ones never
# signed (or already cancelled).
DETAILS = {"cancel": {"cancelled_on": DAY}, "terminate": {"terminated_on": DAY, "reason_code": "term_ended"}}
WRONG_SOURCE = [(name, status) for name in DETAILS for status in S.values
                if status not in ACTIONS[name].sources and status != ACTIONS[name].to]


def test_cancelling_is_offered_only_before_signing_and_terminating_only_after():
    assert (ACTIONS["cancel"].sources, ACTIONS["cancel"].to) == ({S.DRAFT, S.REVIEW}, S.CANCELLED)
    assert (ACTIONS["terminate"].sources, ACTIONS["terminate"].to) == ({S.SIGNED}, S.TERMINATED)


@pytest.mark.parametrize("name,status", WRONG_SOURCE)
def test_an_ending_taken_from_a_status_it_is_not_offered_from_is_refused_with_the_reason(drafter, name, status):
    agreement = agreement_in(status)
    with pytest.raises(services.TransitionRefused) as refused:
        ACTIONS[name].perform(agreement=agreement, by=drafter, **DETAILS[name])
    assert refused.value.reasons == [_refusal(status, ACTIONS[name].to)]
    agreement.refresh_from_db()
    assert (agreement.status, agreement.status_changes.filter(from_status=status).exists()) == (status, False)
