"""The text of signed minutes holds every part of the Decree 30/2020/NĐ-CP layout (DOMAIN.md)."""

import datetime

import pytest

from agreements import minutes_pdf
from agreements import services as agreement_services
from agreements.models import LegalDocument
from agreements.services import Row
from core.dates import long_date, place_and_date
from tests.agreements.pdf_reading import stored, text
from tests.factories import SIGNATORIES, SIGNED_ON, agreed, current_province, draft, on_day, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def minutes(drafter, signer, vnpt):
    """01/BB-CNTT for three provinces, whose legal bases include a law and a decree from the library,
    and the text of its signed copy."""
    agreement = draft(by=drafter, partner=vnpt, provinces=[current_province(code) for code in ("01", "22", "79")])
    documents = LegalDocument.objects.filter(number__in=["24/2018/QH14", "85/2016/NĐ-CP"])
    agreement_services.agreement_add_from_library(agreement=agreement, by=drafter, legal_documents=documents)
    with on_day(SIGNED_ON):
        agreed(agreement_services.agreement_send_for_review(agreement=agreement, by=drafter))
        agreement = agreement_services.agreement_sign(agreement=agreement, by=signer, number=1, signed_on=SIGNED_ON,
                                                      **SIGNATORIES)
    return agreement, text(stored(agreement))


@pytest.mark.parametrize("line", ["BỘ Y TẾ", "CỤC CÔNG NGHỆ THÔNG TIN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                  "Độc lập - Tự do - Hạnh phúc", "BIÊN BẢN"])
def test_the_minutes_carry_the_header_lines(minutes, line):
    assert line in minutes[1]


def test_the_minutes_carry_the_number_with_a_leading_zero(minutes):
    assert "Số: 01/BB-CNTT" in minutes[1]


def test_the_minutes_carry_the_place_and_date_line(minutes):
    assert "Hà Nội, ngày 20 tháng 12 năm 2025" in minutes[1]


def test_an_early_january_signing_prints_day_and_month_with_leading_zeros(drafter, vnpt):
    agreement = signed(by=drafter, partner=vnpt, number=3, signed_on=datetime.date(2026, 1, 5))
    minutes = text(stored(agreement))
    assert "Số: 03/BB-CNTT" in minutes
    assert "Hà Nội, ngày 05 tháng 01 năm 2026" in minutes


def test_each_legal_basis_starts_with_can_cu_and_ends_with_a_semicolon_the_last_with_a_full_stop(minutes):
    agreement, content = minutes
    bases = content.split("Hôm nay,")[0].split("Căn cứ ")[1:]
    assert len(bases) == agreement.legal_bases.count() == 5
    assert all(basis.rstrip().endswith(";") for basis in bases[:-1])
    assert bases[-1].rstrip().endswith(".")


def test_a_basis_typed_with_its_opening_words_does_not_print_them_twice(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    typed = Row(None, {"position": 0, "kind": "law", "citation": "Căn cứ Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15;"})
    agreement_services.agreement_update(agreement=agreement, by=drafter, legal_bases=[typed] + [
        Row(pk, {}) for pk in agreement.legal_bases.values_list("pk", flat=True)])
    content = text(minutes_pdf.render_minutes(agreement))
    assert "Căn cứ Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15; Căn cứ Luật Công nghệ thông tin;" in content
    assert "Căn cứ Căn cứ" not in content


def test_laws_are_cited_by_name_and_decrees_by_type_number_date_and_issuer(minutes):
    assert "Căn cứ Luật An ninh mạng số 24/2018/QH14" in minutes[1]
    assert "Căn cứ Nghị định số 85/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của Chính phủ" in minutes[1]


def test_the_minutes_name_both_parties(minutes):
    content = minutes[1]
    assert "BÊN GIAO: BỘ Y TẾ (Cục Công nghệ thông tin)" in content
    assert "BÊN NHẬN: CÔNG TY CÔNG NGHỆ THÔNG TIN VNPT" in content
    assert "Mã số thuế: 0106869738" in content


@pytest.mark.parametrize("province", ["thành phố Hà Nội", "tỉnh Quảng Ninh", "thành phố Hồ Chí Minh"])
def test_the_minutes_name_every_province_in_scope(minutes, province):
    assert province in minutes[1]


def test_the_minutes_number_every_clause_as_an_article(minutes):
    agreement, content = minutes
    clauses = list(agreement.clauses.order_by("position", "pk"))
    assert "Điều 1. Phạm vi bàn giao" in content
    for number, clause in enumerate(clauses, start=2):
        assert f"Điều {number}. {clause.heading}" in content
        assert clause.text in content


def test_the_minutes_carry_both_signature_blocks(minutes):
    assert "ĐẠI DIỆN BÊN GIAO" in minutes[1]
    assert "ĐẠI DIỆN BÊN NHẬN" in minutes[1]


def test_the_minutes_end_with_the_recipients_and_the_archive_line(minutes):
    recipients = minutes[1].split("Nơi nhận:", 1)[1]
    assert "- Công ty Công nghệ thông tin VNPT;" in recipients
    assert "- Lưu: VT, CNTT." in recipients


@pytest.mark.parametrize("day, written", [
    (datetime.date(2026, 1, 5), "05 tháng 01 năm 2026"),
    (datetime.date(2026, 2, 28), "28 tháng 02 năm 2026"),
    (datetime.date(2026, 3, 5), "05 tháng 3 năm 2026"),
    (datetime.date(2025, 12, 20), "20 tháng 12 năm 2025"),
])
def test_long_date_pads_days_under_10_and_only_the_months_january_and_february(day, written):
    assert long_date(day) == written


def test_place_and_date_reads_the_vietnamese_way():
    assert place_and_date("Hà Nội", datetime.date(2026, 1, 5)) == "Hà Nội, ngày 05 tháng 01 năm 2026"
