"""Changes made from the pages are kept in the history with the signed-in user and the reason."""

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement
from partners.models import Partner
from tests.factories import make_agreement, make_signed
from tests.rules.posts import clause_rows, edit_page

pytestmark = pytest.mark.django_db
SIGN = {"number": "5", "symbol": "BB-CNTT", "signed_on": "28/12/2025", "place": "Hà Nội",
        "handing_signatory": "Phạm Đức Long", "handing_signatory_title": "Cục trưởng",
        "receiving_signatory": "Nguyễn Văn A", "receiving_signatory_title": "Giám đốc", "reason": ""}


def _latest(obj):
    record = obj.history.first()
    return record.history_user, record.history_change_reason


def _act(web, agreement, action, data):
    response = web.post(reverse("agreements:transition", args=[agreement.pk, action]), data)
    assert response.status_code == 302
    return Agreement.objects.get(pk=agreement.pk)


def test_registering_a_partner_on_the_page_records_the_drafter(web, drafter):
    web.post(reverse("partners:create"), {
        "legal_name": "Công ty Cổ phần Công nghệ Sao Việt", "short_name": "SaoViet", "kind": "joint_stock",
        "tax_code": "0101234567", "address": "Hà Nội", "representative_name": "Trần Thị B",
        "representative_title": "Tổng Giám đốc"})
    assert _latest(Partner.objects.get(tax_code="0101234567")) == (drafter, "Partner unit registered")


def test_saving_the_edit_page_records_the_drafter_on_the_header_and_a_new_clause(web, drafter):
    agreement = make_agreement(by=drafter, complete=False)
    data = edit_page(agreement, software_version="2.2")
    data.update(clause_rows(agreement, new_text="Điều khoản thêm"))
    assert web.post(reverse("agreements:edit", args=[agreement.pk]), data).status_code == 302
    assert _latest(Agreement.objects.get(pk=agreement.pk)) == (drafter, "Draft edited")
    assert _latest(agreement.clauses.get(text="Điều khoản thêm")) == (drafter, "Draft edited")


def test_sending_from_the_page_records_the_reason_typed(web, drafter):
    sent = _act(web, make_agreement(by=drafter), "send", {"reason": "Công văn 442/CNTT-TTUD"})
    assert _latest(sent) == (drafter, "Công văn 442/CNTT-TTUD")
    assert _latest(sent.review_requests.get()) == (drafter, "Công văn 442/CNTT-TTUD")


def test_returning_from_the_page_records_why(web, drafter):
    agreement = services.agreement_send_for_review(agreement=make_agreement(by=drafter), by=drafter)
    returned = _act(web, agreement, "return", {"reason": "Theo ý kiến Vụ Pháp chế"})
    assert _latest(returned) == (drafter, "Theo ý kiến Vụ Pháp chế")


def test_signing_from_the_page_without_a_note_records_that_it_was_signed(web, drafter):
    agreement = services.agreement_send_for_review(agreement=make_agreement(by=drafter), by=drafter)
    signed = _act(web, agreement, "sign", SIGN)
    assert _latest(signed) == (drafter, "Signed")


def test_terminating_from_the_page_records_the_reason_and_notes(web, drafter):
    terminated = _act(web, make_signed(by=drafter), "terminate", {
        "terminated_on": "01/03/2026", "reason_code": "term_ended", "clause": "", "notes": "Hết thời hạn"})
    assert _latest(terminated) == (drafter, "The term ended. Hết thời hạn")
