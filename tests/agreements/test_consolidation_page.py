"""The consolidation table's page: each comment with its answer, a drafter led from an unanswered one to
the opinion page where it is answered, and as many queries with 30 comments as with 2."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements import services
from core import roles
from tests.agreements.test_consolidation_rows import EXPLAINED, TAKEN_IN, addressee, answer
from tests.factories import (
    SIGNATORIES,
    SIGNED_ON,
    DepartmentFactory,
    asking,
    clerk,
    draft,
    in_review,
    on_day,
    opinion,
)

pytestmark = pytest.mark.django_db


def url(agreement):
    return reverse("agreements:consolidation", args=[agreement.pk])


def answer_link(agreement, comment):
    return reverse("agreements:opinion", args=[agreement.pk, comment.opinion_id]) + f"#comment-{comment.pk}"


@pytest.fixture
def commented(drafter, vnpt):
    agreement = in_review(by=drafter, partner=vnpt)
    given = opinion(addressee(agreement, "KHĐT"), position="disagree", letter_number="832/KHĐT-VP",
                    comments=[("", "Bổ sung căn cứ"), ("", "Rút ngắn thời hạn")])
    answer(given, 1, EXPLAINED, "Căn cứ đã đủ", by=drafter)
    return agreement, given


def test_the_page_shows_each_comment_its_answer_and_the_letter(login, drafter, commented):
    agreement, _given = commented
    response = login(drafter).get(url(agreement))
    assert response.status_code == 200
    for shown in ("Cục Khoa học công nghệ và Đào tạo", "Công văn số 832/KHĐT-VP", "Disagree", "General comment",
                  "Bổ sung căn cứ", "Explained (not taken in)", "Căn cứ đã đủ", "Rút ngắn thời hạn",
                  "Not answered yet"):
        assert shown in response.text, shown


def test_a_drafter_is_led_to_answer_each_unanswered_comment_only(login, drafter, commented):
    agreement, given = commented
    response = login(drafter).get(url(agreement))
    explained, unanswered = given.comments.order_by("position")
    assert response.status_code == 200
    assert answer_link(agreement, unanswered) in response.text
    assert answer_link(agreement, explained) not in response.text


def test_a_signer_reads_the_table_without_being_asked_to_answer(login, signer, commented):
    agreement, given = commented
    response = login(signer).get(url(agreement))
    assert response.status_code == 200 and "Not answered yet" in response.text
    assert answer_link(agreement, given.comments.get(position=2)) not in response.text


def test_signed_minutes_offer_no_answer_any_more(login, drafter, vnpt):
    with on_day(SIGNED_ON):
        agreement = in_review(by=drafter, partner=vnpt)
        given = opinion(addressee(agreement, "KHĐT"), position="agree", general_comment="Lưu ý thời hạn")
        agreement = services.agreement_sign(agreement=agreement, by=clerk(roles.SIGNER), number=1,
                                            signed_on=SIGNED_ON, **SIGNATORIES)
    response = login(drafter).get(url(agreement))
    assert response.status_code == 200 and "Lưu ý thời hạn" in response.text and "Not answered yet" in response.text
    assert answer_link(agreement, given.comments.get()) not in response.text


def test_the_page_runs_as_many_queries_with_30_comments_as_with_2(login, drafter, signer, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    services.agreement_update(agreement=agreement, by=drafter, review_requests=[
        services.Row(r.pk) for r in agreement.review_requests.all()] + [
        services.Row(None, asking(DepartmentFactory(code=f"P{n}"))) for n in range(3)])
    agreement = services.agreement_send_for_review(agreement=agreement, by=drafter)
    first, *others = agreement.review_requests.select_related("department", "agreement__partner")
    answer(opinion(first, position="disagree", comments=[("", "Một"), ("", "Hai")]), 1, TAKEN_IN, "Đã sửa",
           by=drafter)
    client = login(signer)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url(agreement)).status_code == 200
    for request, count in zip(others, (10, 9, 9), strict=True):
        given = opinion(request, position="agree_with_comments", comments=[("", f"Góp ý {n}") for n in range(count)])
        for number in (1, 2, 3):
            answer(given, number, EXPLAINED, "Giữ nguyên", by=drafter)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url(agreement))
    assert len(response.context["rows"]) == 30
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_no_opinion_yet_says_so(login, auditor, drafter, vnpt):
    response = login(auditor).get(url(in_review(by=drafter, partner=vnpt)))
    assert response.status_code == 200 and "No opinion yet." in response.text
