"""The drafter's answer to each comment (agreements/services/review.comment_answer): only a drafter
answers, saying taken in or explained and how, while the minutes are a draft or in review; a changed
answer keeps the earlier one in its history."""

import pytest

from agreements import services
from agreements.models import Answer
from core.exceptions import NotPermitted
from tests.agreements.review_round import DAY, record, refusal, request_of, returned, sign
from tests.factories import in_review, on_day, review_department

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clock():
    with on_day(DAY):
        yield


@pytest.fixture
def sent(drafter):
    return in_review(by=drafter)


@pytest.fixture
def comment(sent, reviewer):
    """KHĐT agrees with one comment on v1."""
    recorded = record(request_of(sent, review_department()), reviewer, position="agree_with_comments",
                      general_comment="Bổ sung quy định về lưu trữ dữ liệu")
    return recorded.comments.get()


def _answer(comment, by, kind="taken_in", text="Đã bổ sung tại Điều 5"):
    return services.comment_answer(comment=comment, by=by, kind=kind, text=text)


def test_the_drafter_answers_a_comment(comment, drafter):
    answer = _answer(comment, drafter)
    assert (answer.comment, answer.kind, answer.text, answer.by) == (comment, "taken_in", "Đã bổ sung tại Điều 5",
                                                                     drafter)


@pytest.mark.parametrize("who", ["reviewer", "signer"])
def test_only_a_drafter_answers(request, comment, who):
    assert refusal(lambda: _answer(comment, request.getfixturevalue(who)), NotPermitted) == [
        "Only a drafter answers the comments."]
    assert not Answer.objects.exists()


@pytest.mark.parametrize("kind, text, message", [
    ("", "Đã bổ sung", "Say whether the comment is taken in or explained."),
    ("accepted", "Đã bổ sung", "Say whether the comment is taken in or explained."),
    ("explained", "   ", "Say where the text changed, or why the comment is not taken in."),
])
def test_an_answer_says_taken_in_or_explained_and_how(comment, drafter, kind, text, message):
    assert refusal(lambda: _answer(comment, drafter, kind=kind, text=text)) == [message]
    assert not Answer.objects.exists()


def test_comments_are_answered_once_the_minutes_are_back_in_draft(sent, comment, drafter):
    returned(sent, drafter)
    assert _answer(comment, drafter, kind="explained", text="Đã có tại Điều 4").kind == "explained"


def test_the_comments_of_signed_minutes_are_no_longer_answered(sent, comment, drafter, signer):
    sign(sent, signer)
    assert refusal(lambda: _answer(comment, drafter)) == [
        "The minutes are signed: their comments can no longer be answered."]
    assert not Answer.objects.exists()


def test_changing_an_answer_keeps_the_earlier_one_in_its_history(comment, drafter):
    _answer(comment, drafter, kind="taken_in", text="Đã bổ sung tại Điều 5")
    changed = _answer(comment, drafter, kind="explained", text="Quy định đã có tại Nghị định 13/2023/NĐ-CP")
    assert Answer.objects.get() == changed
    kept = Answer.history.filter(id=changed.pk).order_by("history_date")
    assert list(kept.values_list("kind", "text")) == [
        ("taken_in", "Đã bổ sung tại Điều 5"), ("explained", "Quy định đã có tại Nghị định 13/2023/NĐ-CP")]
    assert [h.history_change_reason for h in kept] == ["Comment answered", "Answer changed"]
