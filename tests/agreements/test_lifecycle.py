import datetime
import itertools

import pytest

from agreements import services
from agreements.models import Agreement
from tests.factories import SIGN_DEFAULTS, make_agreement

S = Agreement.Status
pytestmark = pytest.mark.django_db


def _put_in(status, by):
    """An agreement in `status`, reached through the real services."""
    agreement = make_agreement(by=by)
    if status == S.DRAFT:
        return agreement
    if status == S.TERMINATED:
        return services.agreement_cancel(agreement=agreement, by=by, cancelled_on=datetime.date(2025, 12, 1))
    services.agreement_send_for_review(agreement=agreement, by=by)
    if status == S.SIGNED:
        services.agreement_sign(agreement=agreement, by=by, number=1, signed_on=datetime.date(2025, 12, 20),
                                **SIGN_DEFAULTS)
    agreement.refresh_from_db()
    return agreement


def _attempt(agreement, to, by):
    if to == S.REVIEW:
        return services.agreement_send_for_review(agreement=agreement, by=by)
    if to == S.DRAFT:
        return services.agreement_return_for_revision(agreement=agreement, by=by, reason="Sửa lại")
    if to == S.SIGNED:
        return services.agreement_sign(agreement=agreement, by=by, number=7, signed_on=datetime.date(2025, 12, 21),
                                       **SIGN_DEFAULTS)
    if agreement.status == S.SIGNED:
        return services.agreement_terminate(agreement=agreement, by=by, terminated_on=datetime.date(2025, 12, 22),
                                            reason_code="term_ended")
    return services.agreement_cancel(agreement=agreement, by=by, cancelled_on=datetime.date(2025, 12, 22))


@pytest.mark.parametrize("start,to", list(itertools.product(S.values, S.values)))
def test_every_move_is_allowed_exactly_when_the_table_says(drafter, start, to):
    agreement = _put_in(start, drafter)
    if to in Agreement.MOVES[start]:
        moved = _attempt(agreement, to, drafter)
        assert moved.status == to
        assert moved.status_changes.last().to_status == to
    else:
        with pytest.raises(services.TransitionRefused):
            _attempt(agreement, to, drafter)
        agreement.refresh_from_db()
        assert agreement.status == start


def test_a_move_records_who_and_why_in_the_history(drafter):
    agreement = make_agreement(by=drafter)
    services.agreement_send_for_review(agreement=agreement, by=drafter, reason="Công văn 442/CNTT-TTUD")
    record = agreement.history.first()
    assert record.status == S.REVIEW
    assert record.history_user == drafter
    assert record.history_change_reason == "Công văn 442/CNTT-TTUD"
