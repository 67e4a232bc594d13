"""An assessor's decision on evidence tells the partner unit's members, in the app and by one mail each
(in Vietnamese: names and dates as they are), with the reason and the link to the evidence; the
outsider partner, the assessor and a former member who submitted it are not told."""

import datetime

import pytest
from django.urls import reverse

from conditions.models import Evidence
from core.exceptions import Refused
from core.models import Notification
from core.notices import render
from partners import services as partner_services
from partners.models import Membership
from tests.factories import clerk, decide, member, submit

pytestmark = pytest.mark.django_db
S = Evidence.Status


@pytest.fixture
def pending(vnpt, vnpt_user, vietsens_user, assessor, codes):
    """PL-01 evidence submitted by vnpt_user; VNPT-IT has a second member; everyone has an address."""
    for user in (vnpt_user, member(vnpt, "vnpt-2"), vietsens_user, assessor):
        user.email = f"{user.username}@example.vn"
        user.save()
    return submit(vnpt, codes["PL-01"], by=vnpt_user)


def _decide(capture, evidence, decision, **values):
    with capture(execute=True):
        return decide(evidence, decision, **values)


def _told():
    return sorted(Notification.objects.values_list("user__username", "kind"))


def test_an_acceptance_tells_every_member_of_the_unit_with_the_validity(
        pending, assessor, django_capture_on_commit_callbacks, mailoutbox):
    _decide(django_capture_on_commit_callbacks, pending, S.ACCEPTED, by=assessor,
            valid_from=datetime.date(2026, 1, 15), valid_until=datetime.date(2026, 12, 31))
    assert _told() == [("vnpt", "evidence_accepted"), ("vnpt-2", "evidence_accepted")]
    assert sorted(m.to[0] for m in mailoutbox) == ["vnpt-2@example.vn", "vnpt@example.vn"]
    message = mailoutbox[0]
    assert "VNPT-IT" in message.subject and "PL-01" in message.subject and "31/12/2026" in message.subject
    assert "Điều kiện PL-01" in message.body and "15/01/2026" in message.body
    assert message.body.endswith(reverse("conditions:evidence", args=[pending.pk]))
    notice = Notification.objects.get(user__username="vnpt")
    subject, body = render(notice.kind, notice.params)  # as the app shows it to an English reader
    assert subject == "VNPT-IT: evidence for PL-01 accepted, valid until 31/12/2026"
    assert "condition PL-01 (Điều kiện PL-01) was accepted. It is valid from 15/01/2026 until 31/12/2026" in body


@pytest.mark.parametrize("decision, kind, said", [
    (S.REJECTED, "evidence_rejected", "Reason: Giấy phép đã hết hạn"),
    (S.INFO_REQUESTED, "evidence_info_requested", "What is asked: Giấy phép đã hết hạn"),
])
def test_a_rejection_or_a_request_for_information_carries_the_reason(
        pending, django_capture_on_commit_callbacks, mailoutbox, decision, kind, said):
    _decide(django_capture_on_commit_callbacks, pending, decision, reason="Giấy phép đã hết hạn")
    assert _told() == [("vnpt", kind), ("vnpt-2", kind)]
    assert all("Giấy phép đã hết hạn" in m.body for m in mailoutbox) and len(mailoutbox) == 2
    notice = Notification.objects.get(user__username="vnpt")
    assert said in render(notice.kind, notice.params)[1]


def test_the_member_reads_the_decision_in_the_app_with_its_link(pending, vnpt_user, login):
    decide(pending, S.REJECTED, reason="Thiếu chữ ký & dấu")
    page = login(vnpt_user).get(reverse("notices")).content.decode()
    assert "VNPT-IT: evidence for PL-01 rejected" in page
    assert "Reason: Thiếu chữ ký &amp; dấu" in page  # the page escapes what the mail sends as it is
    assert f'href="{reverse("conditions:evidence", args=[pending.pk])}"' in page


def test_a_submitter_who_has_left_the_unit_is_not_told(pending, vnpt_user, django_capture_on_commit_callbacks,
                                                         mailoutbox):
    partner_services.member_remove(membership=Membership.objects.get(user=vnpt_user), by=clerk("administrator"),
                                   reason="Nghỉ việc")
    _decide(django_capture_on_commit_callbacks, pending, S.REJECTED, reason="Thiếu")
    assert _told() == [("vnpt-2", "evidence_rejected")]
    assert [m.to for m in mailoutbox] == [["vnpt-2@example.vn"]]


def test_a_refused_decision_tells_nobody(pending, django_capture_on_commit_callbacks, mailoutbox):
    with pytest.raises(Refused):
        _decide(django_capture_on_commit_callbacks, pending, S.REJECTED, reason="")
    assert _told() == [] and mailoutbox == []
