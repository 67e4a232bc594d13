"""Every successful change is kept in the history with who made it and why (services)."""

import datetime

import pytest

from agreements import services
from agreements.models import AgreementProvince, StatusChange
from partners import services as partner_services
from tests.factories import SIGN_DEFAULTS, PartnerFactory, current_province, make_agreement

pytestmark = pytest.mark.django_db


def _latest(obj):
    record = obj.history.first()
    return record.history_user, record.history_change_reason


def test_registering_a_partner_records_who_and_why(drafter):
    partner = partner_services.partner_create(
        by=drafter, reason="Công văn 15/VNPT", legal_name="Công ty X", short_name="X", tax_code="0101234567",
        address="Hà Nội", representative_name="A", representative_title="Giám đốc")
    assert _latest(partner) == (drafter, "Công văn 15/VNPT")


def test_editing_a_partner_records_who_and_why(drafter):
    partner = partner_services.partner_update(partner=PartnerFactory(), by=drafter, reason="Đổi địa chỉ",
                                              address="Đà Nẵng")
    assert _latest(partner) == (drafter, "Đổi địa chỉ")


def test_suspending_a_partner_records_who_and_why(drafter):
    partner = partner_services.partner_set_status(partner=PartnerFactory(), by=drafter, status="suspended",
                                                  reason="Vi phạm bảo mật")
    assert _latest(partner) == (drafter, "Vi phạm bảo mật")


def test_adding_an_authority_document_records_who_and_why(drafter):
    partner = PartnerFactory()
    document = partner_services.authority_document_add(
        partner=partner, by=drafter, reason="Bổ sung điều lệ", kind="charter", number="12/QĐ",
        issued_on=datetime.date(2020, 1, 1), issuer="HĐQT", summary="Điều lệ")
    assert _latest(document) == (drafter, "Bổ sung điều lệ")


def test_creating_a_draft_records_who_and_why_for_it_and_its_province(drafter):
    agreement = make_agreement(by=drafter, provinces=[current_province("01")])
    assert _latest(agreement) == (drafter, "Draft created")
    assert _latest(agreement.scope.get()) == (drafter, "Draft created")


def test_changing_the_scope_records_who_and_why_for_the_province_added(drafter):
    agreement = make_agreement(by=drafter, complete=False, provinces=[current_province("01")])
    services.agreement_update(agreement=agreement, by=drafter, provinces=[current_province("79")],
                              reason="Đổi phạm vi")
    added = AgreementProvince.history.get(agreement_id=agreement.pk, province_id=current_province("79").pk)
    assert (added.history_user, added.history_change_reason) == (drafter, "Đổi phạm vi")


def test_saving_clauses_records_who_and_why(drafter):
    agreement = make_agreement(by=drafter)
    rows = [services.Row(pk=c.pk) for c in agreement.clauses.all()]
    rows.append(services.Row(pk=None, values={"position": 99, "section": "effect", "text": "Điều khoản thêm"}))
    services.agreement_update(agreement=agreement, by=drafter, clauses=rows, reason="Tiếp thu ý kiến")
    clause = agreement.clauses.get(text="Điều khoản thêm")
    assert _latest(clause) == (drafter, "Tiếp thu ý kiến")


def test_sending_records_who_and_why_on_the_agreement_each_request_and_the_move(drafter):
    agreement = make_agreement(by=drafter)
    services.agreement_send_for_review(agreement=agreement, by=drafter, reason="Công văn 442/CNTT-TTUD")
    assert _latest(agreement) == (drafter, "Công văn 442/CNTT-TTUD")
    assert _latest(agreement.review_requests.get()) == (drafter, "Công văn 442/CNTT-TTUD")
    move = StatusChange.objects.get(agreement=agreement)
    assert (move.by, move.reason) == (drafter, "Công văn 442/CNTT-TTUD")


def test_returning_for_revision_records_who_and_why(drafter):
    agreement = make_agreement(by=drafter)
    services.agreement_send_for_review(agreement=agreement, by=drafter)
    services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Theo ý kiến Vụ Pháp chế")
    assert _latest(agreement) == (drafter, "Theo ý kiến Vụ Pháp chế")


def test_signing_records_who_signed_it_in(drafter, signer):
    agreement = make_agreement(by=drafter)
    services.agreement_send_for_review(agreement=agreement, by=drafter)
    services.agreement_sign(agreement=agreement, by=signer, number=1, signed_on=datetime.date(2025, 12, 20),
                            reason="Ký tại Hà Nội", **SIGN_DEFAULTS)
    assert _latest(agreement) == (signer, "Ký tại Hà Nội")


def test_terminating_records_who_and_the_reason_with_its_notes(drafter):
    agreement = make_agreement(by=drafter)
    services.agreement_cancel(agreement=agreement, by=drafter, cancelled_on=datetime.date(2025, 12, 1),
                              notes="Đơn vị rút hồ sơ")
    assert _latest(agreement) == (drafter, "Cancelled before signing. Đơn vị rút hồ sơ")

