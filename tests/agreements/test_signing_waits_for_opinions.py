"""The signing waits for the review round (agreements/guards/opinions.opinion_problems): each addressee
has an opinion on the current version, or its due date has passed and either silence was to count as
agreement (and the version reached it by then) or the signer says why they go on; no "disagree" stands
without the drafter's answer to each comment, acknowledged by the signer. Superusers included."""

import datetime

import pytest

from agreements import services
from agreements.models import Agreement
from core import roles
from tests.agreements.review_round import DAY, KHDT, ask, record, refusal, request_of, sent_again, sign
from tests.factories import UserFactory, agreed, asking, draft, in_review, on_day, review_department

pytestmark = pytest.mark.django_db
S = Agreement.Status
DUE = DAY + datetime.timedelta(days=14)  # 16/03/2026
NOT_YET = f"{KHDT} has not given its opinion on v1 yet; its answer is due by 16/03/2026."
OVERDUE = f"{KHDT} has not given its opinion on v1, due by 16/03/2026: record why you go on without it."


def _sent(drafter, **row):
    """Minutes sent on DAY to KHĐT alone, its answer due on 16/03/2026 unless `row` says otherwise."""
    with on_day(DAY):
        agreement = draft(by=drafter)
        ask(agreement, drafter, asking(review_department(), **row))
        return services.agreement_send_for_review(agreement=agreement, by=drafter)


def _on(day, call):
    with on_day(day):
        return call()


def _refused(agreement, by, day=DAY, **sign_with):
    reasons = _on(day, lambda: refusal(lambda: sign(agreement, by, **sign_with), services.TransitionRefused))
    agreement.refresh_from_db()
    assert agreement.status == S.REVIEW
    return reasons


def _signing_reason(agreement):
    return agreement.status_changes.get(to_status=S.SIGNED).reason


@pytest.mark.parametrize("day", [DAY, DUE])
@pytest.mark.parametrize("overdue_reason", ["", "Cần ký gấp"])
def test_signing_is_refused_while_an_addressee_has_not_answered_by_its_due_date(drafter, signer, day, overdue_reason):
    assert _refused(_sent(drafter), signer, day, overdue_reason=overdue_reason) == [NOT_YET]


def test_after_the_due_date_the_signer_must_say_why_they_go_on(drafter, signer):
    assert _refused(_sent(drafter), signer, DUE + datetime.timedelta(days=1)) == [OVERDUE]


def test_after_the_due_date_the_signing_goes_on_with_the_reason_kept(drafter, signer):
    agreement = _on(DUE + datetime.timedelta(days=1), lambda: sign(_sent(drafter), signer, overdue_reason="Đã đôn đốc"))
    assert agreement.status == S.SIGNED
    assert "Going on without the overdue opinions: Đã đôn đốc" in _signing_reason(agreement)


def test_silence_counts_as_agreement_after_the_due_date_when_the_request_said_so(drafter, signer):
    agreement = _sent(drafter, silence_is_agreement=True)
    assert _refused(agreement, signer, DUE) == [NOT_YET]
    assert _on(DUE + datetime.timedelta(days=1), lambda: sign(agreement, signer)).status == S.SIGNED


def test_silence_counts_when_the_answer_was_due_the_day_the_version_was_sent(drafter, signer):
    agreement = _sent(drafter, silence_is_agreement=True, due_on=DAY)
    assert _on(DAY + datetime.timedelta(days=1), lambda: sign(agreement, signer)).status == S.SIGNED


def test_silence_does_not_count_when_the_due_date_had_passed_before_the_version_was_sent(drafter, signer):
    agreement = _sent(drafter, silence_is_agreement=True, due_on=DAY - datetime.timedelta(days=1))
    assert _refused(agreement, signer) == [
        f"{KHDT} has not given its opinion on v1, due by 01/03/2026: record why you go on without it."]


def test_an_opinion_on_v1_does_not_count_for_v2(drafter, signer):
    agreement = _on(DAY, lambda: sent_again(agreed(_sent(drafter)), drafter))
    assert _refused(agreement, signer) == [NOT_YET.replace("v1", "v2")]
    _on(DAY, lambda: agreed(agreement))
    assert _on(DAY, lambda: sign(agreement, signer)).status == S.SIGNED


def _disagreed(drafter, reviewer, answered):
    agreement = _sent(drafter)
    with on_day(DAY):
        opinion = record(request_of(agreement, review_department()), reviewer, position="disagree",
                         general_comment="Chưa đủ căn cứ")
        if answered:
            services.comment_answer(comment=opinion.comments.get(), by=drafter, kind="explained", text="Đã đủ")
    return agreement


def test_a_disagreement_with_an_unanswered_comment_holds_the_signing(drafter, reviewer, signer):
    assert _refused(_disagreed(drafter, reviewer, answered=False), signer, disagreements_acknowledged=True) == [
        f"{KHDT} disagrees (letter 832/KHĐT-VP) and 1 of its comments have no answer from the drafter yet."]


def test_an_answered_disagreement_waits_for_the_signer_to_acknowledge_it(drafter, reviewer, signer):
    assert _refused(_disagreed(drafter, reviewer, answered=True), signer) == [
        f"{KHDT} disagrees (letter 832/KHĐT-VP): acknowledge the drafter's explanation to go on."]


def test_an_answered_disagreement_acknowledged_lets_the_signing_go_on(drafter, reviewer, signer):
    agreement = _disagreed(drafter, reviewer, answered=True)
    agreement = _on(DAY, lambda: sign(agreement, signer, disagreements_acknowledged=True))
    assert agreement.status == S.SIGNED
    assert "The drafter's explanation of each disagreement was acknowledged." in _signing_reason(agreement)


def test_every_addressee_still_waited_for_is_named(drafter, signer, vnpt):
    with on_day(DAY):
        agreement = draft(by=drafter, partner=vnpt)
        ask(agreement, drafter, asking(review_department()), asking(None, due_in_days=3))
        services.agreement_send_for_review(agreement=agreement, by=drafter)
    assert _refused(agreement, signer) == [NOT_YET, "VNPT-IT has not given its opinion on v1 yet; its answer is due "
                                                    "by 05/03/2026."]


def test_a_superuser_with_the_signer_role_is_held_to_the_same_rules(drafter):
    root = UserFactory(username="root-signer", is_staff=True, is_superuser=True, roles=[roles.SIGNER])
    agreement = _sent(drafter)
    assert _refused(agreement, root, DUE + datetime.timedelta(days=1)) == [OVERDUE]
    assert _on(DAY, lambda: sign(agreed(agreement), root)).status == S.SIGNED


def test_minutes_every_addressee_agreed_with_are_signed(drafter, signer):
    with on_day(DAY):
        assert sign(agreed(in_review(by=drafter)), signer).status == S.SIGNED
