"""Changes made from the agreement pages are kept in the history with the signed-in user and the reason."""

import datetime

import pytest
from django.urls import reverse

from agreements.models import Agreement
from tests.agreements.edit_page_posts import clause_rows, edit_page
from tests.factories import SIGNATORIES, agreed, draft, in_review, on_day, signed

pytestmark = pytest.mark.django_db
SIGN = {"number": "5", "signed_on": "28/12/2025", "reason": "", **SIGNATORIES}


def _latest(obj):
    record = obj.history.first()
    return record.history_user, record.history_change_reason


def _act(client, agreement, action, data):
    response = client.post(reverse("agreements:transition", args=[agreement.pk, action]), data)
    assert response.status_code == 302
    assert response.url == reverse("agreements:detail", args=[agreement.pk])
    return Agreement.objects.get(pk=agreement.pk)


def test_saving_the_edit_page_records_the_drafter_on_the_header_and_a_new_clause(login, drafter):
    agreement = draft(by=drafter, complete=False)
    data = edit_page(agreement, software_version="2.2")
    data.update(clause_rows(agreement, new_text="Điều khoản thêm"))
    assert login(drafter).post(reverse("agreements:edit", args=[agreement.pk]), data).status_code == 302
    assert _latest(Agreement.objects.get(pk=agreement.pk)) == (drafter, "Draft edited")
    assert _latest(agreement.clauses.get(text="Điều khoản thêm")) == (drafter, "Draft edited")


def test_sending_from_the_page_records_the_reason_typed(login, drafter):
    sent = _act(login(drafter), draft(by=drafter), "send", {"reason": "Công văn 442/CNTT-TTUD"})
    assert sent.status == Agreement.Status.REVIEW
    assert _latest(sent) == (drafter, "Công văn 442/CNTT-TTUD")
    assert _latest(sent.review_requests.get()) == (drafter, "Công văn 442/CNTT-TTUD")


def test_returning_from_the_page_records_why(login, drafter):
    returned = _act(login(drafter), in_review(by=drafter), "return", {"reason": "Theo ý kiến Vụ Pháp chế"})
    assert returned.status == Agreement.Status.DRAFT
    assert _latest(returned) == (drafter, "Theo ý kiến Vụ Pháp chế")


def test_signing_from_the_page_without_a_note_records_that_it_was_signed(login, drafter, signer):
    with on_day(datetime.date(2025, 12, 28)):  # the history is read in the order of the clock
        signed_now = _act(login(signer), agreed(in_review(by=drafter)), "sign", SIGN)
    assert signed_now.status == Agreement.Status.SIGNED
    assert _latest(signed_now) == (signer, "Signed")


def test_terminating_from_the_page_records_the_reason_and_notes(login, drafter):
    agreement = signed(by=drafter)
    terminated = _act(login(drafter), agreement, "terminate", {
        "terminated_on": "01/03/2026", "reason_code": "term_ended", "clause": "", "notes": "Hết thời hạn"})
    assert terminated.status == Agreement.Status.TERMINATED
    assert _latest(terminated) == (drafter, "The term ended. Hết thời hạn")


def test_cancelling_from_the_page_records_the_notes(login, drafter):
    cancelled = _act(login(drafter), draft(by=drafter), "cancel", {"cancelled_on": "01/12/2025",
                                                                    "notes": "Đơn vị rút hồ sơ"})
    assert cancelled.status == Agreement.Status.CANCELLED
    assert _latest(cancelled) == (drafter, "Cancelled before signing. Đơn vị rút hồ sơ")
