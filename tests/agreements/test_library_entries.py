"""The libraries drafters start from: what ships with the product, who keeps them, and how a legal
document is cited the Vietnamese way (Decree 30/2020/NĐ-CP): laws by name, other instruments by
type, number, date, issuer and summary."""

import datetime

import pytest

from agreements.models import Clause, ClauseTemplate, LegalDocument
from agreements.services import library_entry_save
from core.exceptions import NotPermitted, Refused

pytestmark = pytest.mark.django_db


def test_the_library_ships_a_standard_clause_for_every_required_section():
    offered = set(ClauseTemplate.objects.filter(active=True).values_list("section", flat=True))
    assert set(Clause.REQUIRED_SECTIONS) <= offered


def test_the_library_ships_the_personal_data_law_and_the_security_decree():
    numbers = set(LegalDocument.objects.values_list("number", flat=True))
    assert {"91/2025/QH15", "85/2016/NĐ-CP"} <= numbers


def test_a_law_is_cited_by_its_name_and_number():
    citation = LegalDocument.objects.get(number="91/2025/QH15").citation()
    assert citation.startswith("Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15")


def test_a_decree_is_cited_by_type_number_date_issuer_and_summary():
    assert LegalDocument.objects.get(number="85/2016/NĐ-CP").citation() == (
        "Nghị định số 85/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của Chính phủ "
        "về bảo đảm an toàn hệ thống thông tin theo cấp độ")


def test_the_dates_in_a_citation_follow_the_long_form(drafter):
    document = library_entry_save(by=drafter, entry=LegalDocument(), kind=LegalDocument.Kind.CIRCULAR,
                                  number="1/2026/TT-BYT", issuer="Bộ trưởng Bộ Y tế",
                                  issued_on=datetime.date(2026, 2, 5), summary="quy định thử")
    assert document.citation() == ("Thông tư số 1/2026/TT-BYT ngày 05 tháng 02 năm 2026 "
                                   "của Bộ trưởng Bộ Y tế quy định thử")


@pytest.mark.parametrize("persona", ["signer", "auditor", "vnpt_user"])
def test_only_a_drafter_keeps_the_library(request, persona):
    law = LegalDocument.objects.get(number="91/2025/QH15")
    with pytest.raises(NotPermitted, match="^Your roles do not allow keeping the libraries.$"):
        library_entry_save(by=request.getfixturevalue(persona), entry=law, name="Luật đổi tên")
    law.refresh_from_db()
    assert law.name == "Luật Bảo vệ dữ liệu cá nhân"


def test_a_drafter_changes_a_library_entry(drafter):
    law = LegalDocument.objects.get(number="91/2025/QH15")
    library_entry_save(by=drafter, entry=law, name="Luật đổi tên")
    law.refresh_from_db()
    assert law.citation().startswith("Luật đổi tên số 91/2025/QH15")


def test_a_law_without_its_name_is_refused(drafter):
    with pytest.raises(Refused, match="A law is cited by its name."):
        library_entry_save(by=drafter, entry=LegalDocument(), kind=LegalDocument.Kind.LAW, number="1/2026/QH15")
    assert not LegalDocument.objects.filter(number="1/2026/QH15").exists()
