"""The drafter answers a comment from the opinion's page (issue 8, item 4): the answer is saved and shown
there; an empty answer, a reviewer, an outsider, a GET and signed minutes are each refused."""

import pytest
from django.urls import reverse

from agreements.models import Answer
from tests.agreements.review_round import DAY, request_of, sign
from tests.factories import in_review, on_day, opinion, review_department
from tests.pages import flash_messages

pytestmark = pytest.mark.django_db
COMMENT = "Bổ sung quy định về lưu trữ dữ liệu"
HOW = "Đã bổ sung tại Điều 5"


@pytest.fixture(autouse=True)
def clock():
    with on_day(DAY):
        yield


@pytest.fixture
def sent(drafter, vnpt):
    return in_review(by=drafter, partner=vnpt)


@pytest.fixture
def comment(sent):
    """KHĐT agrees with one comment on v1."""
    return opinion(request_of(sent, review_department()), position="agree_with_comments",
                   general_comment=COMMENT).comments.get()


def answer(client, comment, kind="taken_in", text=HOW, **kwargs):
    url = reverse("agreements:answer", args=[comment.opinion.request.agreement_id, comment.pk])
    return client.post(url, {f"c{comment.pk}-kind": kind, f"c{comment.pk}-text": text}, **kwargs)


def opinion_page(comment):
    return reverse("agreements:opinion", args=[comment.opinion.request.agreement_id, comment.opinion_id])


def test_the_drafter_answers_a_comment_and_reads_the_answer_beside_it(login, drafter, comment):
    response = answer(login(drafter), comment, follow=True)
    assert response.redirect_chain == [(f"{opinion_page(comment)}#comment-{comment.pk}", 302)]
    assert flash_messages(response) == ["Answer saved."]
    shown = next(c for c in response.context["comments"] if c.pk == comment.pk)
    assert (shown.existing.kind, shown.existing.text, shown.existing.by) == ("taken_in", HOW, drafter)
    assert "Taken in" in response.text and HOW in response.text and "Change the answer" in response.text


def test_a_changed_answer_replaces_the_one_shown(login, drafter, comment):
    client = login(drafter)
    answer(client, comment, follow=True)
    response = answer(client, comment, kind="explained", text="Đã có tại Nghị định 13/2023/NĐ-CP", follow=True)
    assert flash_messages(response) == ["Answer saved."]
    assert list(Answer.objects.values_list("kind", "text")) == [("explained", "Đã có tại Nghị định 13/2023/NĐ-CP")]
    assert "Explained (not taken in)" in response.text and HOW not in response.text


def test_an_empty_answer_is_refused_with_a_message_and_nothing_is_saved(login, drafter, comment):
    response = answer(login(drafter), comment, text="", follow=True)
    assert response.status_code == 200
    assert flash_messages(response) == ["Where the text changed, or why not: This field is required."]
    assert not Answer.objects.exists() and "Not answered yet." in response.text


def test_an_answer_that_is_neither_taken_in_nor_explained_is_refused(login, drafter, comment):
    response = answer(login(drafter), comment, kind="accepted", follow=True)
    assert flash_messages(response) == [
        "Answer: Select a valid choice. accepted is not one of the available choices."]
    assert not Answer.objects.exists()


def test_a_reviewer_may_not_answer(login, reviewer, comment):
    assert answer(login(reviewer), comment).status_code == 403
    assert not Answer.objects.exists()


def test_the_answer_does_not_exist_for_an_outsider(login, vietsens_user, comment):
    assert answer(login(vietsens_user), comment).status_code == 404
    assert not Answer.objects.exists()


def test_the_answer_is_only_posted(login, drafter, comment):
    url = reverse("agreements:answer", args=[comment.opinion.request.agreement_id, comment.pk])
    assert login(drafter).get(url).status_code == 405
    assert not Answer.objects.exists()


def test_the_comments_of_signed_minutes_are_no_longer_answered(login, drafter, signer, sent, comment):
    sign(sent, signer)
    response = answer(login(drafter), comment, follow=True)
    assert flash_messages(response) == ["The minutes are signed: their comments can no longer be answered."]
    assert not Answer.objects.exists() and response.context["may_answer"] is False
