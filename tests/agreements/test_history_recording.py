"""Every change to minutes is kept in the history with who made it and why (the services)."""

import datetime

import pytest

from agreements import services
from agreements.models import AgreementProvince, StatusChange
from tests.factories import (
    SIGNATORIES,
    SIGNED_ON,
    agreed,
    current_province,
    draft,
    handing_department,
    in_review,
    on_day,
)

pytestmark = pytest.mark.django_db


def _latest(obj):
    record = obj.history.first()
    return record.history_user, record.history_change_reason


def test_creating_a_draft_records_who_and_that_it_was_created_for_it_and_its_province(drafter):
    agreement = draft(by=drafter, provinces=[current_province("01")])
    assert _latest(agreement) == (drafter, "Draft created")
    assert _latest(agreement.scope.get()) == (drafter, "Draft created")


def test_creating_a_draft_with_a_reason_records_that_reason(drafter, vnpt):
    agreement = services.agreement_create(
        by=drafter, partner=vnpt, provinces=[current_province("79")], handing_department=handing_department(),
        handing_representative="Phạm Đức Long", handing_title="Cục trưởng", receiving_representative="Nguyễn Văn A",
        receiving_title="Giám đốc", software_version="2.1", reason="Công văn 15/VNPT")
    assert _latest(agreement) == (drafter, "Công văn 15/VNPT")
    assert _latest(agreement.scope.get()) == (drafter, "Công văn 15/VNPT")


def test_changing_the_scope_records_who_and_why_for_the_province_added(drafter):
    agreement = draft(by=drafter, complete=False)
    services.agreement_update(agreement=agreement, by=drafter, provinces=[current_province("79")],
                              reason="Đổi phạm vi")
    added = AgreementProvince.history.get(agreement_id=agreement.pk, province_id=current_province("79").pk)
    assert (added.history_user, added.history_change_reason) == (drafter, "Đổi phạm vi")


def test_saving_clauses_records_who_and_why(drafter):
    agreement = draft(by=drafter)
    rows = [services.Row(pk=c.pk) for c in agreement.clauses.all()]
    rows.append(services.Row(pk=None, values={"position": 99, "section": "effect", "text": "Điều khoản thêm"}))
    services.agreement_update(agreement=agreement, by=drafter, clauses=rows, reason="Tiếp thu ý kiến")
    assert _latest(agreement.clauses.get(text="Điều khoản thêm")) == (drafter, "Tiếp thu ý kiến")


def test_sending_records_who_and_why_on_the_agreement_each_request_and_the_move(drafter):
    agreement = services.agreement_send_for_review(agreement=draft(by=drafter), by=drafter,
                                                   reason="Công văn 442/CNTT-TTUD")
    assert _latest(agreement) == (drafter, "Công văn 442/CNTT-TTUD")
    assert _latest(agreement.review_requests.get()) == (drafter, "Công văn 442/CNTT-TTUD")
    move = StatusChange.objects.get(agreement=agreement)
    assert (move.by, move.from_status, move.to_status, move.reason) == (drafter, "draft", "review",
                                                                         "Công văn 442/CNTT-TTUD")


def test_returning_for_revision_records_who_and_why(drafter):
    agreement = services.agreement_return_for_revision(agreement=in_review(by=drafter), by=drafter,
                                                       reason="Theo ý kiến Vụ Pháp chế")
    assert _latest(agreement) == (drafter, "Theo ý kiến Vụ Pháp chế")


def test_signing_records_who_signed_it_in(drafter, signer):
    with on_day(SIGNED_ON):
        agreement = services.agreement_sign(agreement=agreed(in_review(by=drafter)), by=signer, number=1,
                                            signed_on=SIGNED_ON, reason="Ký tại Hà Nội", **SIGNATORIES)
    assert _latest(agreement) == (signer, "Ký tại Hà Nội")


def test_cancelling_records_who_and_the_reason_with_its_notes(drafter):
    agreement = services.agreement_cancel(agreement=draft(by=drafter), by=drafter,
                                          cancelled_on=datetime.date(2025, 12, 1), notes="Đơn vị rút hồ sơ")
    assert _latest(agreement) == (drafter, "Cancelled before signing. Đơn vị rút hồ sơ")
