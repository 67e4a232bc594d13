"""Sending minutes for review tells the people acting for each addressee, in the app and by one mail
each in Vietnamese; nobody else hears of it: not a reviewer of another department, not the outsider
partner, not the receiving party when it is not asked.

Until the Vietnamese catalogue has the notices' words, a mail is checked for what is already
Vietnamese (names, the subject of the minutes, dates dd/mm/yyyy) and the words through the app, as an
English reader reads them."""

import pytest
from django.conf import settings

from agreements import services
from core import roles
from core.models import Notification
from core.notices import render
from tests.factories import (
    DepartmentFactory,
    UserFactory,
    asking,
    draft,
    give_department,
    in_review,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_reviewer(db):
    """A reviewer of a department the minutes are not sent to."""
    return give_department(UserFactory(username="other-reviewer", roles=[roles.REVIEWER]),
                           DepartmentFactory(code="BHYT", name="Vụ Bảo hiểm y tế"))


@pytest.fixture
def everyone(drafter, reviewer, other_reviewer, vnpt_user, vietsens_user):
    for user in (drafter, reviewer, other_reviewer, vnpt_user, vietsens_user):
        user.email = f"{user.username}@example.vn"
        user.save()
    return {u.username: u for u in (drafter, reviewer, other_reviewer, vnpt_user, vietsens_user)}


def _told(kind="review_requested"):
    return sorted(Notification.objects.filter(kind=kind).values_list("user__username", flat=True))


def _in_english(user, kind="review_requested"):
    """(subject, body) of the user's latest notice of `kind`, as the app shows it to an English reader."""
    notice = Notification.objects.filter(user=user, kind=kind).latest("pk")
    return render(notice.kind, notice.params)


def _mailed(outbox):
    return sorted(address for message in outbox for address in message.to)


def _send(agreement, by, capture):
    with capture(execute=True):
        return services.agreement_send_for_review(agreement=agreement, by=by)


def _also_ask_the_partner(agreement, by, **values):
    rows = [services.Row(r.pk, {}) for r in agreement.review_requests.all()]
    rows.append(services.Row(None, asking(None, **values)))
    return services.agreement_update(agreement=agreement, by=by, review_requests=rows)


def test_sending_tells_the_reviewers_of_the_department_asked_and_nobody_else(
        everyone, drafter, vnpt, django_capture_on_commit_callbacks, mailoutbox):
    agreement = _send(draft(by=drafter, partner=vnpt), drafter, django_capture_on_commit_callbacks)
    assert _told() == ["reviewer"]
    assert _mailed(mailoutbox) == ["reviewer@example.vn"]
    assert Notification.objects.get(kind="review_requested").url == f"/agreements/{agreement.pk}/versions/1/"


def test_the_receiving_party_is_told_when_it_is_asked_and_the_outsider_is_not(
        everyone, drafter, vnpt, django_capture_on_commit_callbacks, mailoutbox):
    agreement = _also_ask_the_partner(draft(by=drafter, partner=vnpt), drafter)
    _send(agreement, drafter, django_capture_on_commit_callbacks)
    assert _told() == ["reviewer", "vnpt"]
    assert _mailed(mailoutbox) == ["reviewer@example.vn", "vnpt@example.vn"]
    assert all(len(message.to) == 1 for message in mailoutbox)


def test_the_mail_is_written_with_the_vietnamese_names_and_dates_of_the_request(
        everyone, drafter, vnpt, django_capture_on_commit_callbacks, mailoutbox):
    agreement = _send(draft(by=drafter, partner=vnpt), drafter, django_capture_on_commit_callbacks)
    request = agreement.review_requests.get()
    [message] = mailoutbox
    assert f"{request.due_on:%d/%m/%Y}" in message.subject and "VNPT-IT" in message.subject
    assert "Cục Khoa học công nghệ và Đào tạo" in message.body
    assert "442/CNTT-TTUD" in message.body and f"{request.letter_date:%d/%m/%Y}" in message.body
    assert "Bàn giao quyền sử dụng để triển khai Phần mềm Hồ sơ sức khỏe điện tử" in message.body
    assert message.body.endswith(f"/agreements/{agreement.pk}/versions/1/")
    assert message.from_email == settings.DEFAULT_FROM_EMAIL


def test_the_reviewer_reads_the_request_in_english_in_the_app(everyone, reviewer, drafter, vnpt):
    agreement = in_review(by=drafter, partner=vnpt)
    due_on = agreement.review_requests.get().due_on
    subject, body = _in_english(reviewer)
    assert subject == f"Request for opinions on the handover minutes with VNPT-IT (v1), due {due_on:%d/%m/%Y}"
    assert body.startswith("Letter 442/CNTT-TTUD of ") and "asks Cục Khoa học công nghệ và Đào tạo for its" in body
    assert f"The opinion is due by {due_on:%d/%m/%Y}." in body


def test_the_mail_subject_is_in_vietnamese(everyone, drafter, vnpt, django_capture_on_commit_callbacks, mailoutbox):
    agreement = _send(draft(by=drafter, partner=vnpt), drafter, django_capture_on_commit_callbacks)
    due_on = agreement.review_requests.get().due_on
    [message] = mailoutbox
    assert message.subject == f"Đề nghị góp ý dự thảo biên bản bàn giao với VNPT-IT (v1), hạn {due_on:%d/%m/%Y}"


def test_only_an_addressee_whose_silence_agrees_is_told_so(everyone, drafter, reviewer, vnpt, vnpt_user):
    agreement = _also_ask_the_partner(draft(by=drafter, partner=vnpt), drafter, silence_is_agreement=True)
    services.agreement_send_for_review(agreement=agreement, by=drafter)
    assert "No answer by that date is taken as agreement." in _in_english(vnpt_user)[1]
    assert "taken as agreement" not in _in_english(reviewer)[1]


def test_each_sending_of_a_new_version_tells_again_and_says_the_earlier_one_no_longer_counts(
        everyone, drafter, reviewer, vnpt, django_capture_on_commit_callbacks, mailoutbox):
    agreement = _send(draft(by=drafter, partner=vnpt), drafter, django_capture_on_commit_callbacks)
    agreement = services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Sửa điều 2")
    mailoutbox.clear()
    _send(agreement, drafter, django_capture_on_commit_callbacks)
    assert list(Notification.objects.filter(kind="review_requested").order_by("pk").values_list("url", flat=True)) == [
        f"/agreements/{agreement.pk}/versions/1/", f"/agreements/{agreement.pk}/versions/2/"]
    [message] = mailoutbox
    assert "v2" in message.subject and message.body.endswith(f"/agreements/{agreement.pk}/versions/2/")
    assert "opinions on an earlier version no longer count" in _in_english(reviewer)[1]


def test_nothing_is_mailed_when_the_sending_does_not_commit(everyone, drafter, vnpt, mailoutbox):
    """The mail waits for the commit: a test transaction that is never committed sends nothing."""
    in_review(by=drafter, partner=vnpt)
    assert _told() == ["reviewer"] and mailoutbox == []
