"""Returning, signing, terminating and cancelling minutes tell the people concerned, in the app and by
one mail each; a reviewer of a department not asked and the outsider partner never hear of it, and
the receiving party hears nothing of a draft that was never sent (it may not read it). Mail is checked
for what is Vietnamese already (names, reasons, dates), the words through the app in English."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from agreements import services
from core import roles
from core.models import Notification
from core.notices import render
from tests.factories import (
    SIGNATORIES,
    SIGNED_ON,
    DepartmentFactory,
    UserFactory,
    agreed,
    draft,
    give_department,
    in_review,
    on_day,
    signed,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def everyone(drafter, reviewer, vnpt_user, vietsens_user):
    other = give_department(UserFactory(username="other-reviewer", roles=[roles.REVIEWER]),
                            DepartmentFactory(code="BHYT", name="Vụ Bảo hiểm y tế"))
    for user in (drafter, reviewer, other, vnpt_user, vietsens_user):
        user.email = f"{user.username}@example.vn"
        user.save()


def _told(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("user__username", flat=True))


def _in_english(user, kind):
    notice = Notification.objects.get(user=user, kind=kind)
    return render(notice.kind, notice.params)


def _mailed(outbox):
    assert all(len(message.to) == 1 for message in outbox)
    return sorted(message.to[0] for message in outbox)


def test_returning_for_revision_tells_the_drafter_and_the_department_asked(
        everyone, drafter, reviewer, vnpt, django_capture_on_commit_callbacks, mailoutbox):
    agreement = in_review(by=drafter, partner=vnpt)
    with django_capture_on_commit_callbacks(execute=True):
        services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Sửa điều 2 & điều 3")
    assert _told("returned_for_revision") == ["drafter", "reviewer"]
    assert _mailed(mailoutbox) == ["drafter@example.vn", "reviewer@example.vn"]
    assert "Sửa điều 2 & điều 3" in mailoutbox[0].body  # mail is text: nothing escaped
    subject, body = _in_english(reviewer, "returned_for_revision")
    assert subject == "The handover minutes with VNPT-IT were returned for revision"
    assert "Opinions on v1 no longer count for signing" in body and "Reason: Sửa điều 2 & điều 3" in body


def test_signing_tells_the_drafter_the_receiving_party_and_the_departments_asked(
        everyone, drafter, signer, vnpt, django_capture_on_commit_callbacks, mailoutbox):
    with on_day(SIGNED_ON):
        agreement = agreed(in_review(by=drafter, partner=vnpt))
        with django_capture_on_commit_callbacks(execute=True):
            services.agreement_sign(agreement=agreement, by=signer, number=7, signed_on=SIGNED_ON, **SIGNATORIES)
    assert _told("agreement_signed") == ["drafter", "reviewer", "reviewer-KHĐT", "vnpt"]
    assert _mailed(mailoutbox) == ["drafter@example.vn", "reviewer@example.vn", "vnpt@example.vn"]
    assert all("07/BB-CNTT" in m.subject and "20/12/2025" in m.subject and "Hà Nội" in m.body for m in mailoutbox)
    subject, body = _in_english(drafter, "agreement_signed")
    assert subject == "Handover minutes 07/BB-CNTT with VNPT-IT signed on 20/12/2025"
    assert "were signed in Hà Nội on 20/12/2025" in body


def test_terminating_tells_the_drafter_and_the_receiving_party_with_the_reason(
        everyone, drafter, vnpt, django_capture_on_commit_callbacks, mailoutbox):
    agreement = signed(by=drafter, partner=vnpt)
    with django_capture_on_commit_callbacks(execute=True):
        services.agreement_terminate(agreement=agreement, by=drafter, terminated_on=datetime.date(2026, 6, 30),
                                     reason_code="mutual", notes="Theo Công văn 12/VNPT")
    assert _told("agreement_terminated") == ["drafter", "vnpt"]
    assert _mailed(mailoutbox) == ["drafter@example.vn", "vnpt@example.vn"]
    assert "01/BB-CNTT" in mailoutbox[0].subject and "30/06/2026" in mailoutbox[0].subject
    # The reason's label is already in the Vietnamese catalogue: the mail reads it in Vietnamese.
    assert "Theo thỏa thuận của các bên\nTheo Công văn 12/VNPT" in mailoutbox[0].body
    assert _in_english(drafter, "agreement_terminated")[0] == (
        "Agreement 01/BB-CNTT with VNPT-IT terminated on 30/06/2026")


def test_the_partner_reads_the_termination_reason_in_its_own_language_in_the_app(everyone, drafter, vnpt,
                                                                                 vnpt_user, login):
    agreement = signed(by=drafter, partner=vnpt)
    with translation.override("vi"):  # the drafter terminates from a page in Vietnamese
        services.agreement_terminate(agreement=agreement, by=drafter, terminated_on=datetime.date(2026, 6, 30),
                                     reason_code="mutual")
    assert "Reason: By agreement of the parties" in login(vnpt_user).get(reverse("notices")).content.decode()
    browser = Client()  # one that never touched the language switch: the UI is Vietnamese
    browser.force_login(vnpt_user)
    assert "Theo thỏa thuận của các bên" in browser.get(reverse("notices")).content.decode()


def test_a_draft_cancelled_before_it_was_ever_sent_is_not_told_to_the_receiving_party(
        everyone, drafter, vnpt, django_capture_on_commit_callbacks, mailoutbox):
    agreement = draft(by=drafter, partner=vnpt)
    with django_capture_on_commit_callbacks(execute=True):
        services.agreement_cancel(agreement=agreement, by=drafter, cancelled_on=datetime.date(2025, 12, 1))
    assert _told("agreement_cancelled") == ["drafter"]
    assert _mailed(mailoutbox) == ["drafter@example.vn"]
    assert "01/12/2025" in mailoutbox[0].subject
    subject, body = _in_english(drafter, "agreement_cancelled")
    assert subject == "The handover minutes with VNPT-IT were cancelled on 01/12/2025"
    assert "cancelled before signing" in body and "terminat" not in subject + body


def test_minutes_cancelled_in_review_are_told_to_the_receiving_party_and_the_departments_asked(
        everyone, drafter, vnpt, django_capture_on_commit_callbacks, mailoutbox):
    agreement = in_review(by=drafter, partner=vnpt)
    with django_capture_on_commit_callbacks(execute=True):
        services.agreement_cancel(agreement=agreement, by=drafter, cancelled_on=datetime.date(2025, 12, 1),
                                  notes="Trùng với biên bản 03/BB-CNTT")
    assert _told("agreement_cancelled") == ["drafter", "reviewer", "vnpt"]
    assert _told("agreement_terminated") == []
    assert _mailed(mailoutbox) == ["drafter@example.vn", "reviewer@example.vn", "vnpt@example.vn"]
    assert all("Trùng với biên bản 03/BB-CNTT" in m.body for m in mailoutbox)
