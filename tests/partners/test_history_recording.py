"""Every change to a partner unit and its authority documents is kept in the history with who made it
and why (members: test_unit_members)."""

import datetime

import pytest
from django.urls import reverse

from partners import services
from partners.models import Partner
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db
PROFILE = dict(legal_name="Công ty Cổ phần Công nghệ Sao Việt", short_name="SaoViet", kind="joint_stock",
               tax_code="0101234567", address="Hà Nội", representative_name="Trần Thị B",
               representative_title="Tổng Giám đốc")


def _latest(obj):
    record = obj.history.first()
    return record.history_user, record.history_change_reason


def test_registering_a_partner_records_who_and_why(drafter):
    partner = services.partner_create(by=drafter, reason="Công văn 15/VNPT", **PROFILE)
    assert _latest(partner) == (drafter, "Công văn 15/VNPT")


def test_registering_a_partner_on_the_page_records_the_drafter(login, drafter):
    assert login(drafter).post(reverse("partners:create"), PROFILE).status_code == 302
    assert _latest(Partner.objects.get(tax_code="0101234567")) == (drafter, "Partner unit registered")


def test_editing_a_partner_records_who_and_why(drafter):
    partner = services.partner_update(partner=PartnerFactory(), by=drafter, reason="Đổi địa chỉ", address="Đà Nẵng")
    assert _latest(partner) == (drafter, "Đổi địa chỉ")


def test_suspending_a_partner_records_who_and_why(drafter):
    partner = services.partner_set_status(partner=PartnerFactory(), by=drafter, status="suspended",
                                          reason="Vi phạm bảo mật")
    assert _latest(partner) == (drafter, "Vi phạm bảo mật")


def test_adding_an_authority_document_records_who_and_why(drafter):
    document = services.authority_document_add(
        partner=PartnerFactory(), by=drafter, reason="Bổ sung điều lệ", kind="charter", number="12/QĐ",
        issued_on=datetime.date(2020, 1, 1), issuer="HĐQT", summary="Điều lệ")
    assert _latest(document) == (drafter, "Bổ sung điều lệ")
