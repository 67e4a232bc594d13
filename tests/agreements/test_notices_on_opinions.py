"""An opinion recorded tells the drafters of the minutes (who started them, who sent a version), in the
app and by mail; the addressee who recorded it, another department and the partners are not told.
Mail is checked for what is Vietnamese already (names, letters, dates), the words through the app."""

import pytest
from django.urls import reverse
from django.utils import translation

from agreements import services
from core import roles
from core.models import Notification
from core.notices import render
from tests.factories import DepartmentFactory, UserFactory, draft, give_department, in_review, opinion

pytestmark = pytest.mark.django_db


@pytest.fixture
def everyone(drafter, reviewer, vnpt_user, vietsens_user):
    other = give_department(UserFactory(username="other-reviewer", roles=[roles.REVIEWER]),
                            DepartmentFactory(code="BHYT", name="Vụ Bảo hiểm y tế"))
    for user in (drafter, reviewer, other, vnpt_user, vietsens_user):
        user.email = f"{user.username}@example.vn"
        user.save()


@pytest.fixture
def request_(everyone, drafter, vnpt):
    """KHĐT's request on VNPT's minutes in review, sent by the drafter."""
    return in_review(by=drafter, partner=vnpt).review_requests.select_related("agreement__partner").get()


def _told():
    return sorted(Notification.objects.filter(kind="opinion_received").values_list("user__username", flat=True))


def _in_english(user):
    """(subject, body) of the user's notices of opinions, latest last, as the app shows them in English."""
    return [render(n.kind, n.params) for n in Notification.objects.filter(user=user, kind="opinion_received")
            .order_by("pk")]


def test_an_opinion_tells_the_drafter_and_nobody_else(request_, reviewer, django_capture_on_commit_callbacks,
                                                      mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        recorded = opinion(request_, by=reviewer, position="disagree", general_comment="Chưa rõ điều 2")
    assert _told() == ["drafter"]
    [message] = mailoutbox
    assert message.to == ["drafter@example.vn"]
    assert "Cục Khoa học công nghệ và Đào tạo" in message.subject and "v1" in message.subject
    assert recorded.letter_number in message.body and f"{recorded.letter_date:%d/%m/%Y}" in message.body
    assert message.body.endswith(f"/agreements/{request_.agreement_id}/opinions/{recorded.pk}/")


def test_a_disagreement_asks_the_drafter_to_answer_each_comment(request_, reviewer, drafter):
    recorded = opinion(request_, by=reviewer, position="disagree", general_comment="Chưa rõ điều 2")
    [(_subject, body)] = _in_english(drafter)
    assert f"by letter {recorded.letter_number} of {recorded.letter_date:%d/%m/%Y}: “Disagree”." in body
    assert "Answer each of its comments: taken in (saying where the text changed) or explained." in body


def test_a_plain_agreement_asks_for_no_answers(request_, reviewer, drafter):
    opinion(request_, by=reviewer, position="agree")
    [(_subject, body)] = _in_english(drafter)
    assert "“Agree”" in body and "Answer each" not in body


def test_the_drafter_reads_the_position_in_english_in_the_app(request_, reviewer, drafter, login):
    with translation.override("vi"):  # recorded from a page in Vietnamese
        opinion(request_, by=reviewer, position="agree_with_comments", general_comment="Bổ sung căn cứ")
    page = login(drafter).get(reverse("notices")).content.decode()
    assert "Opinion from Cục Khoa học công nghệ và Đào tạo on the handover minutes with VNPT-IT (v1)" in page
    assert "“Agree with comments”" in page


def test_a_correction_is_a_new_notice_saying_it_corrects(request_, reviewer, drafter,
                                                        django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        opinion(request_, by=reviewer, position="disagree", general_comment="Chưa rõ")
        opinion(request_, by=reviewer, position="agree", correction_reason="Nhầm công văn")
    assert _told() == ["drafter", "drafter"] and len(mailoutbox) == 2
    (first, _), (second, body) = _in_english(drafter)
    assert (first.split(" from ")[0], second.split(" from ")[0]) == ("Opinion", "Corrected opinion")
    assert "It corrects the opinion given before, which no longer stands." in body


def test_a_second_drafter_who_sent_a_version_is_told_too(everyone, drafter, vnpt, reviewer,
                                                          django_capture_on_commit_callbacks, mailoutbox):
    colleague = UserFactory(username="colleague", email="colleague@example.vn", roles=[roles.DRAFTER])
    agreement = services.agreement_send_for_review(agreement=draft(by=drafter, partner=vnpt), by=colleague)
    with django_capture_on_commit_callbacks(execute=True):
        opinion(agreement.review_requests.get(), by=reviewer)
    assert _told() == ["colleague", "drafter"]
    assert sorted(m.to[0] for m in mailoutbox) == ["colleague@example.vn", "drafter@example.vn"]
