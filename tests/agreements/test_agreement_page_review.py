"""Where the round stands, on the agreement's page and the signing page (issue 8, items 1, 3 and 7): the
versions sent and each addressee with its opinion on the current version, or awaited, or overdue.
Ministry staff see every addressee and the live text; an addressee sees its own row and the version sent."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements import services
from tests.agreements.review_round import DAY, ask, other_department, request_of, sent_again
from tests.factories import DepartmentFactory, asking, draft, on_day, opinion, review_department

pytestmark = pytest.mark.django_db
LIVE_TEXT = "Nội dung ownership"


@pytest.fixture
def sent(drafter, vnpt):
    """Sent on 02/03/2026 to KHĐT, BHYT (due 03/03) and VNPT-IT; KHĐT agrees with two comments, one answered;
    the page is read on 05/03/2026, when BHYT is overdue."""
    with on_day(DAY) as clock:
        agreement = ask(draft(by=drafter, partner=vnpt), drafter, asking(review_department()),
                        asking(other_department(), due_in_days=1), asking(None))
        agreement = services.agreement_send_for_review(agreement=agreement, by=drafter)
        said = opinion(request_of(agreement, review_department()), position="agree_with_comments",
                       general_comment="Rà soát thể thức", comments=[(f"clause:{agreement.clauses.first().pk}", "Sửa")])
        services.comment_answer(comment=said.comments.first(), by=drafter, kind="taken_in", text="Đã sửa")
        clock.shift(datetime.timedelta(days=3))
        yield agreement


def rows(response):
    """(addressee, letter of the opinion standing on the current version, state) of each row shown."""
    assert response.status_code == 200
    return [(r.addressee, r.opinion.letter_number if r.opinion else None, r.state)
            for r in response.context["requests"]]


def detail(agreement):
    return reverse("agreements:detail", args=[agreement.pk])


def test_ministry_staff_read_every_addressee_with_its_opinion_and_the_live_text(login, drafter, sent):
    khdt = request_of(sent, review_department())
    response = login(drafter).get(detail(sent))
    assert rows(response) == [(khdt.addressee, khdt.opinions.get().letter_number, "answered"),
                              ("Vụ Bảo hiểm y tế", None, "overdue"), ("VNPT-IT", None, "pending")]
    assert [v.label for v in response.context["versions"]] == ["v1"]
    assert reverse("agreements:opinion", args=[sent.pk, khdt.opinions.get().pk]) in response.text
    assert "1 comment unanswered" in response.text and "Overdue" in response.text and "Pending" in response.text
    assert response.context["reads_live_text"] and LIVE_TEXT in response.text


def test_an_opinion_on_an_older_version_no_longer_stands_once_the_next_is_sent(login, drafter, sent):
    sent_again(sent, drafter)
    response = login(drafter).get(detail(sent))
    assert [v.label for v in response.context["versions"]] == ["v1", "v2"]
    assert [letter for _who, letter, _state in rows(response)] == [None, None, None]
    assert reverse("agreements:version", args=[sent.pk, 2]) in response.text


@pytest.mark.parametrize("persona, addressee", [("reviewer", "Cục Khoa học công nghệ và Đào tạo"),
                                                ("vnpt_user", "VNPT-IT")])
def test_an_addressee_reads_only_its_own_row_and_the_version_sent_to_it(login, request, sent, persona, addressee):
    response = login(request.getfixturevalue(persona)).get(detail(sent))
    assert [who for who, _letter, _state in rows(response)] == [addressee]
    assert "Vụ Bảo hiểm y tế" not in response.text
    assert not response.context["reads_live_text"] and LIVE_TEXT not in response.text
    assert "The text sent to you for review is v1." in response.text
    assert f'href="{reverse("agreements:version", args=[sent.pk, 1])}"' in response.text


def test_the_signing_page_shows_where_each_addressee_stands(login, signer, sent):
    letter = request_of(sent, review_department()).opinions.get().letter_number
    response = login(signer).get(reverse("agreements:confirm", args=[sent.pk, "sign"]))
    assert response.status_code == 200
    assert [(r.addressee, r.opinion and r.opinion.letter_number, r.due_on.strftime("%d/%m/%Y"))
            for r in response.context["review"]["requests"]] == [
        ("Cục Khoa học công nghệ và Đào tạo", letter, "16/03/2026"), ("Vụ Bảo hiểm y tế", None, "03/03/2026"),
        ("VNPT-IT", None, "16/03/2026")]
    assert f"Agree with comments ({letter})" in response.text and "1 comment unanswered" in response.text
    assert "no opinion yet, due by 03/03/2026" in response.text and "no opinion yet, due by 16/03/2026" in response.text


def test_the_returning_page_does_not_show_the_round(login, drafter, sent):
    response = login(drafter).get(reverse("agreements:confirm", args=[sent.pk, "return"]))
    assert response.status_code == 200 and response.context["review"] is None and 'id="round"' not in response.text


def test_the_agreement_page_runs_as_many_queries_for_10_addressees_as_for_2(login, drafter, vnpt,
                                                                            django_assert_max_num_queries):
    def answered_by(n):
        """Minutes sent to n departments, each agreeing with a comment, every other one answered."""
        agreement = draft(by=drafter, partner=vnpt)
        agreement = ask(agreement, drafter, *(asking(DepartmentFactory()) for _ in range(n)))
        agreement = services.agreement_send_for_review(agreement=agreement, by=drafter)
        for i, request in enumerate(agreement.review_requests.select_related("department", "agreement__partner")):
            said = opinion(request, position="agree_with_comments", general_comment=f"Ý kiến {i}")
            if i % 2:
                services.comment_answer(comment=said.comments.get(), by=drafter, kind="explained", text="Đã có")
        return agreement

    with on_day(DAY):
        client, small, large = login(drafter), answered_by(2), answered_by(10)
        with CaptureQueriesContext(connection) as counted:
            assert len(rows(client.get(detail(small)))) == 2
        with django_assert_max_num_queries(len(counted)):
            assert len(rows(client.get(detail(large)))) == 10
