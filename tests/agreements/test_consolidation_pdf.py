"""The consolidation table as a PDF in the Decree 30/2020/NĐ-CP layout (issue 8, item 6): Vietnamese,
A4 landscape, every comment with its answer and the letters they came in, user text printed as text."""

import datetime
import io

import pytest
from pypdf import PdfReader

from agreements.consolidation import render_pdf, rows
from agreements.models import Agreement
from tests.agreements.pdf_reading import MM, pages, placed, text
from tests.agreements.test_consolidation_rows import EXPLAINED, TAKEN_IN, addressee, answer, asked_widely
from tests.factories import in_review, on_day, opinion

pytestmark = pytest.mark.django_db


def pdf_of(agreement):
    agreement = Agreement.objects.select_related("partner", "handing_department").get(pk=agreement.pk)
    with on_day(datetime.date(2026, 1, 5)):
        return render_pdf(agreement, rows(agreement))


@pytest.fixture
def answered(drafter, vnpt, vnpt_user):
    """ATTP agrees; KHĐT comments twice, one taken in, one explained; the receiving party is not answered."""
    agreement = asked_widely(drafter, vnpt)
    opinion(addressee(agreement, "ATTP"), position="agree", letter_number="15/ATTP-VP")
    khdt = opinion(addressee(agreement, "KHĐT"), position="agree_with_comments", letter_number="832/KHĐT-VP",
                   comments=[("", "Bổ sung trách nhiệm bảo mật"), ("", "Rút ngắn thời hạn")])
    answer(khdt, 1, TAKEN_IN, "Đã bổ sung tại Điều 5", by=drafter)
    answer(khdt, 2, EXPLAINED, "Giữ thời hạn hai năm", by=drafter)
    opinion(addressee(agreement), position="disagree", letter_number="77/VNPT-IT",
            general_comment="Đề nghị thêm tỉnh Bắc Ninh")
    return agreement


def test_the_pdf_carries_the_vietnamese_header_title_and_subject(answered):
    printed = text(pdf_of(answered))
    for line in ("BỘ Y TẾ", "CỤC CÔNG NGHỆ THÔNG TIN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 05 tháng 01 năm 2026",
                 "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN",
                 "Về dự thảo Biên bản bàn giao quyền sử dụng để triển khai Phần mềm Hồ sơ sức khỏe điện tử với "
                 "Công ty Công nghệ thông tin VNPT",
                 "STT", "Đơn vị góp ý", "Nội dung góp ý", "Tiếp thu / Giải trình", "Nội dung tiếp thu, giải trình",
                 "ĐƠN VỊ TỔNG HỢP"):
        assert line in printed, line


def test_the_pdf_carries_each_comment_answer_and_letter_in_vietnamese(answered):
    printed = text(pdf_of(answered))
    for line in ("Cục An toàn thực phẩm", "Công văn số 15/ATTP-VP", "Nhất trí với dự thảo, không có góp ý.",
                 "Cục Khoa học công nghệ và Đào tạo", "Công văn số 832/KHĐT-VP", "Nhất trí, có góp ý",
                 "Bổ sung trách nhiệm bảo mật", "Tiếp thu", "Đã bổ sung tại Điều 5",
                 "Rút ngắn thời hạn", "Giải trình (không tiếp thu)", "Giữ thời hạn hai năm",
                 "Công ty Công nghệ thông tin VNPT", "Công văn số 77/VNPT-IT", "Không nhất trí",
                 "Đề nghị thêm tỉnh Bắc Ninh", "Chưa tiếp thu, giải trình", "Góp ý chung"):
        assert line in printed, line
    assert "Taken in" not in printed and "General comment" not in printed


def test_a_comment_on_a_clause_names_it_in_vietnamese(drafter, vnpt):
    agreement = in_review(by=drafter, partner=vnpt)
    ownership = agreement.clauses.get(section="ownership")
    opinion(addressee(agreement, "KHĐT"), position="agree_with_comments",
            comments=[(f"clause:{ownership.pk}", "Làm rõ bản quyền")])
    assert "Điều 2. ownership Làm rõ bản quyền" in text(pdf_of(agreement))


def test_the_pdf_is_a4_landscape_numbered_from_its_second_page(drafter, vnpt):
    agreement = in_review(by=drafter, partner=vnpt)
    opinion(addressee(agreement, "KHĐT"), position="agree_with_comments",
            comments=[("", f"Góp ý số {n}: " + "nội dung cần làm rõ thêm " * 12) for n in range(1, 25)])
    data = pdf_of(agreement)
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (297, 210)
    printed = pages(data)
    assert len(printed) >= 2 and "Góp ý số 24" in printed[-1]
    found, width, height = placed(data, 1)
    top = [(x, piece) for x, y, piece in found if y > height - 20 * MM]
    assert [piece for _x, piece in top] == ["2"] and abs(top[0][0] - width / 2) < 15 * MM
    assert not [piece for _x, y, piece in placed(data, 0)[0] if y > height - 20 * MM]


def test_user_text_is_printed_as_text_not_markup(drafter, vnpt):
    agreement = in_review(by=drafter, partner=vnpt)
    given = opinion(addressee(agreement, "KHĐT"), position="disagree",
                    general_comment='<b>Điều 3</b> <img src="x.png">')
    answer(given, 1, EXPLAINED, "<i>giữ nguyên</i>", by=drafter)
    printed = text(pdf_of(agreement))
    assert '<b>Điều 3</b> <img src="x.png">' in printed and "<i>giữ nguyên</i>" in printed
