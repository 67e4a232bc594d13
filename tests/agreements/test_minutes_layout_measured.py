"""The minutes measured as printed: the Decree 30/2020/NĐ-CP layout of DOMAIN.md ("The minutes as a
document") read back from the PDF (positions, sizes, fonts and rules: tests/agreements/pdf_layout.py),
on signed minutes that run over several pages and on a draft. Each threshold sits next to the DOMAIN.md
row it comes from."""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.urls import reverse

from agreements import minutes_pdf
from agreements import services as agreement_services
from agreements.models import LegalBasis
from agreements.services import Row, agreement_update
from core import roles
from core.tracking import tracked_save
from tests.agreements.pdf_layout import MM, read
from tests.agreements.pdf_reading import stored
from tests.factories import SIGNATORIES, agreed, clerk, current_province, draft, on_day

pytestmark = pytest.mark.django_db

SIGNED_ON = datetime.date(2026, 1, 5)  # day under 10 and month 1: both printed with a leading 0
TOLERANCE = 0.1  # pt: what a measurement may be off by rounding

# | page | A4 portrait; margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm |
A4 = (210 * MM, 297 * MM)
LEFT_MIN, RIGHT_MIN, TOP_BOTTOM = 30 * MM, 15 * MM, (20 * MM, 25 * MM)
# | body | justified, first-line indent 1–1.27 cm, at least 6 pt between paragraphs, line spacing 1 to 1.5 |
INDENT, PARAGRAPH_GAP, LINE_SPACING = (10 * MM, 12.7 * MM), 6, (1.0, 1.5)
# | page numbers | Arabic, 13–14 pt, centred in the top margin, none on the first page |
PAGE_NUMBER_SIZE = (13, 14)
ISSUING_BODY, PARENT_BODY = "CỤC CÔNG NGHỆ THÔNG TIN", "BỘ Y TẾ"
SUBJECT_GROUPS = ["Bàn giao quyền sử dụng", "để triển khai", "Phần mềm Hồ sơ sức khỏe điện tử"]


@dataclass(frozen=True)
class Block:
    """One row of DOMAIN.md's Decree 30 table, as measured: the lines it covers and how they are set."""
    row: str  # the DOMAIN.md row the thresholds come from
    name: str
    found: object  # lines of the document -> the lines of this block
    size: tuple  # (lowest, highest) in pt, or None where the row sets no size
    bold: bool | None = None
    italic: bool | None = None
    capitals: bool = False


def _one(text):
    return lambda lines: [line for line in lines if line.text == text][:1]


def _starting(prefix):
    return lambda lines: [line for line in lines if line.text.startswith(prefix)][:1]


def _recipient_lines(lines):
    label = next(i for i, line in enumerate(lines) if line.text == "Nơi nhận:")
    return [line for line in lines[label + 1:] if line.text.startswith("- ")]


def _sign_lines(lines):
    """The position lines over each signature: from "ĐẠI DIỆN …" down to the line before the names."""
    start = next(i for i, line in enumerate(lines) if line.text == "ĐẠI DIỆN BÊN GIAO")
    names = next(i for i, line in enumerate(lines) if line.text in {"Phạm Đức Long", "Nguyễn Văn A"} and i > start)
    return lines[start:names]


DECREE_30 = [
    # | top left | parent body in capitals ("BỘ Y TẾ") … (Decree 30, Appendix I: 12–13 pt)
    Block("top left", "parent body", _one(PARENT_BODY), (12, 13), bold=False, capitals=True),
    # | top left | … the issuing body in bold capitals ("CỤC CÔNG NGHỆ THÔNG TIN") … (12–13 pt)
    Block("top left", "issuing body", _one(ISSUING_BODY), (12, 13), bold=True, capitals=True),
    # | top left | … "Số: 15/BB-CNTT" (13 pt …)
    Block("top left", "number", _starting("Số:"), (13, 13), bold=False, italic=False),
    # | top right | "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" bold capitals 12–13 pt
    Block("top right", "national title", _one("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (12, 13), bold=True,
          capitals=True),
    # | top right | … "Độc lập - Tự do - Hạnh phúc" bold 13–14 pt …
    Block("top right", "motto", _one("Độc lập - Tự do - Hạnh phúc"), (13, 14), bold=True),
    # | place and date | italic … (Decree 30, Appendix I: 13–14 pt)
    Block("place and date", "place and date", _starting("Hà Nội, ngày"), (13, 14), italic=True),
    # | title | "BIÊN BẢN" bold capitals 13–14 pt; …
    Block("title", "title", _one("BIÊN BẢN"), (13, 14), bold=True, capitals=True),
    # | title | … under it what it is about, bold
    Block("title", "subject", lambda lines: _subject_lines(lines), None, bold=True),
    # | legal bases | italic, …
    Block("legal bases", "legal bases", lambda lines: _bases_lines(lines), None, italic=True),
    # | signatures | two blocks, "ĐẠI DIỆN BÊN GIAO" and "ĐẠI DIỆN BÊN NHẬN", position in bold capitals, …
    Block("signatures", "parties and positions", _sign_lines, None, bold=True, capitals=True),
    # | signatures | … name in bold
    Block("signatures", "names", lambda lines: [line for line in lines if line.text in {
        "Phạm Đức Long", "Nguyễn Văn A"}], None, bold=True),
    # | recipients | "Nơi nhận:" bold italic 12 pt; …
    Block("recipients", "recipients label", _one("Nơi nhận:"), (12, 12), bold=True, italic=True),
    # | recipients | … lines "- …;" in 11 pt, …
    Block("recipients", "recipient lines", _recipient_lines, (11, 11), bold=False),
    # | page numbers | Arabic, 13–14 pt, …
    Block("page numbers", "page numbers", lambda lines: [line for line in lines if line.text.isdigit()
                                                         and line.top > A4[1] - TOP_BOTTOM[1]],
          PAGE_NUMBER_SIZE, bold=False, italic=False),
]


# --- the documents ---------------------------------------------------------------------------------

LONG_TEXT = ("Bên nhận triển khai, vận hành và bảo đảm an toàn thông tin của phần mềm trên địa bàn được giao, "
             "báo cáo Bên giao theo định kỳ và khi có yêu cầu. ") * 6

_rendered = {}  # name -> PDF bytes: each document is rendered once per worker


def _long_clauses(agreement):
    """The draft's clauses, each long enough that the minutes run over several pages."""
    return [Row(pk, {"text": LONG_TEXT + text}) for pk, text in agreement.clauses.values_list("pk", "text")]


def _signed_long(drafter, partner):
    with on_day(SIGNED_ON):
        agreement = draft(by=drafter, partner=partner, provinces=[current_province(code) for code in ("01", "22")])
        agreement_update(agreement=agreement, by=drafter, clauses=_long_clauses(agreement))
        agreement = agreement_services.agreement_send_for_review(agreement=agreement, by=drafter)
        agreement = agreement_services.agreement_sign(agreement=agreed(agreement), by=clerk(roles.SIGNER), number=3,
                                                      signed_on=SIGNED_ON, **SIGNATORIES)
    return stored(agreement)


def _draft_long(drafter, partner):
    agreement = draft(by=drafter, partner=partner)
    agreement_update(agreement=agreement, by=drafter, clauses=_long_clauses(agreement))
    return minutes_pdf.render_minutes(agreement)


@pytest.fixture(params=["signed", "draft"])
def document(request, drafter, vnpt):
    """(kind, pages measured) of long signed minutes, as stored at signing, and of a long draft."""
    kind = request.param
    if kind not in _rendered:
        _rendered[kind] = (_signed_long if kind == "signed" else _draft_long)(drafter, vnpt)
    return kind, read(_rendered[kind])


@pytest.fixture
def signed_pages(drafter, vnpt):
    if "signed" not in _rendered:
        _rendered["signed"] = _signed_long(drafter, vnpt)
    return read(_rendered["signed"])


def _page_number(page):
    """The page's number: digits alone, up in the top band (where else they sit is for the tests to say)."""
    return [line for line in page.lines() if line.text.isdigit() and line.top > page.height - TOP_BOTTOM[1]]


def _content(page):
    """The page's lines but its number."""
    number = _page_number(page)
    return [line for line in page.lines() if line not in number]


def _all_lines(pages):
    return [line for page in pages for line in _content(page)] + [line for page in pages for line in _page_number(page)]


def _subject_lines(lines):
    title = next(i for i, line in enumerate(lines) if line.text == "BIÊN BẢN")
    first_basis = next(i for i, line in enumerate(lines) if line.text.startswith("Căn cứ"))
    return lines[title + 1:first_basis]


def _bases_lines(lines):
    first = next(i for i, line in enumerate(lines) if line.text.startswith("Căn cứ"))
    today = next(i for i, line in enumerate(lines) if line.text.startswith("Hôm nay"))
    return lines[first:today]


def _paragraphs(lines):
    """Lines joined into paragraphs: a paragraph's first line is indented."""
    paragraphs = []
    for line in lines:
        if line.x0 > LEFT_MIN + INDENT[0] / 2 or not paragraphs:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _text(lines):
    return " ".join(line.text for line in lines)


# --- page ------------------------------------------------------------------------------------------

def test_every_page_is_a4_portrait(document):
    kind, pages = document
    assert len(pages) >= 3
    for page in pages:
        assert page.width == pytest.approx(A4[0], abs=0.5) and page.height == pytest.approx(A4[1], abs=0.5)


def test_no_text_runs_into_the_left_or_right_margin(document):
    # | page | … left 30–35 mm, right 15–20 mm |
    kind, pages = document
    for page in pages:
        lines = page.lines()
        assert min(line.x0 for line in lines) >= LEFT_MIN - TOLERANCE, page.number
        assert max(line.x1 for line in lines) <= page.width - RIGHT_MIN + TOLERANCE, page.number


def test_text_starts_in_the_top_band_and_stays_above_the_bottom_margin(document):
    # | page | … margins top and bottom 20–25 mm … (the page number sits in the top margin)
    kind, pages = document
    for page in pages:
        lines = _content(page)
        below_top = page.height - max(line.top for line in lines)
        assert TOP_BOTTOM[0] - TOLERANCE <= below_top <= TOP_BOTTOM[1], (page.number, below_top / MM)
        assert min(line.bottom for line in lines) >= TOP_BOTTOM[0] - TOLERANCE, page.number


def test_a_page_broken_inside_a_paragraph_is_filled_down_to_the_bottom_band(document):
    # | page | … bottom 20–25 mm |: where a paragraph runs on overleaf, its page is filled down to the band
    # (give or take the one line that keeping two lines together on the next page may carry over)
    kind, pages = document
    right = _max_justified_x(pages)
    broken = [page for page, following in zip(pages, pages[1:])  # a justified line, continued overleaf
              if abs(_content(page)[-1].x1 - right) < 1 * MM and _content(following)[0].x0 < LEFT_MIN + INDENT[0] / 2]
    assert broken, "no paragraph runs over a page"
    for page in broken:
        last = _content(page)[-1]
        assert TOP_BOTTOM[0] - TOLERANCE <= last.bottom <= TOP_BOTTOM[1] + 1.5 * last.size, (page.number,
                                                                                           last.bottom / MM)


def test_all_text_is_liberation_serif_in_black(document):
    # | font | Times New Roman, Unicode, black (Liberation Serif is metric-compatible and free) |
    kind, pages = document
    for page in pages:
        for run in page.runs:
            if run.upright:
                assert run.font.startswith("Liberation-Serif"), run
                assert run.colour in {(0.0,), (0.0, 0.0, 0.0), (0.0, 0.0, 0.0, 1.0)}, run


# --- the header blocks, the title, the signatures, the recipients: the table as data -------------

@pytest.mark.parametrize("block", DECREE_30, ids=lambda block: block.name)
def test_each_block_is_set_as_decree_30_says(document, block):
    kind, pages = document
    lines = block.found(_all_lines(pages))
    assert lines, f"{block.name} not found in the {kind} minutes"
    for line in lines:
        for run in line.runs:
            if not run.text.strip():
                continue
            where = f"{block.row}: {block.name}: {run.text!r} {run.size} pt {run.font}"
            if block.size:
                assert block.size[0] - TOLERANCE <= run.size <= block.size[1] + TOLERANCE, where
            if block.bold is not None:
                assert run.bold == block.bold, where
            if block.italic is not None:
                assert run.italic == block.italic, where
        if block.capitals:
            assert line.text == line.text.upper(), line.text


def test_the_page_numbers_start_on_page_two_centred_in_the_top_margin(document):
    # | page numbers | Arabic, 13–14 pt, centred in the top margin, none on the first page |
    kind, pages = document
    assert _page_number(pages[0]) == []
    for page in pages[1:]:
        number = _page_number(page)
        assert [line.text for line in number] == [str(page.number)]
        assert number[0].bottom >= page.height - TOP_BOTTOM[0]  # wholly inside the top margin
        # centred over the text, which lies between the left (30 mm) and right (20 mm) margins
        column = (_min_x(pages) + _max_justified_x(pages)) / 2
        assert abs((number[0].x0 + number[0].x1) / 2 - column) < 1, (page.number, number[0].x0 / MM)


def _min_x(pages):
    return min(line.x0 for page in pages for line in _content(page))


def _max_justified_x(pages):
    """The right edge of the text: where most justified lines end."""
    ends = sorted(round(line.x1) for page in pages for line in _content(page))
    return max(set(ends), key=ends.count)


def test_the_number_follows_the_decree_and_the_date_has_its_leading_zeros(document):
    # | top left | … "Số: 15/BB-CNTT" (… no spaces; numbers under 10 get a leading 0 …)
    # | place and date | … "Hà Nội, ngày 05 tháng 01 năm 2026" (day under 10 and months 1–2 with a leading 0) |
    kind, pages = document
    lines = [line.text for line in pages[0].lines()]
    if kind == "signed":
        assert "Số: 03/BB-CNTT" in lines
        assert "Hà Nội, ngày 05 tháng 01 năm 2026" in lines
    else:  # a draft leaves the number and the day for the signing
        assert "Số: /BB-CNTT" in lines
        assert any(re.fullmatch(r"Hà Nội, ngày tháng năm \d{4}", line) for line in lines)


def test_the_number_and_the_place_and_date_share_one_baseline(document):
    kind, pages = document
    lines = pages[0].lines()
    number = _starting("Số:")(lines)[0]
    place_date = _starting("Hà Nội, ngày")(lines)[0]
    assert abs(number.y - place_date.y) < 0.5
    assert number.x1 < place_date.x0  # side by side, the number on the left


# --- the rules -------------------------------------------------------------------------------------

def _rule_under(page, line):
    """The rule drawn just under a line and overlapping it."""
    under = [rule for rule in page.rules if line.y - 12 < rule.y1 < line.y and rule.x0 < line.x1 and rule.x1 > line.x0]
    assert len(under) == 1, (line.text, under)
    return under[0]


def test_the_rule_under_the_issuing_body_is_a_third_to_a_half_of_its_name_and_centred(document):
    # | top left | … the issuing body in bold capitals … with a short rule under it … (1/3 to 1/2 of the name)
    kind, pages = document
    name = _one(ISSUING_BODY)(pages[0].lines())[0]
    rule = _rule_under(pages[0], name)
    assert (name.x1 - name.x0) / 3 <= rule.width <= (name.x1 - name.x0) / 2, (rule.width, name.x1 - name.x0)
    assert abs(rule.centre - (name.x0 + name.x1) / 2) < 0.5


@pytest.mark.parametrize("department", ["Cục Quản lý Dược", "Cục Công nghệ thông tin", "Vụ Pháp chế"],
                         ids=["middling", "long", "short"])
def test_the_rule_under_a_short_or_long_name_is_a_share_of_that_name(drafter, vnpt, department):
    # | top left | … a short rule under it: sized on the name, however long the name, not on its column
    agreement = draft(by=drafter, partner=vnpt)
    renamed = agreement.handing_department
    renamed.name = department
    tracked_save(renamed, by=drafter, reason="Đổi tên đơn vị")
    agreement.refresh_from_db()
    first = read(minutes_pdf.render_minutes(agreement))[0]
    name = _one(department.upper())(first.lines())[0]
    rule = _rule_under(first, name)
    assert (name.x1 - name.x0) / 3 <= rule.width <= (name.x1 - name.x0) / 2, (rule.width, name.x1 - name.x0)
    assert abs(rule.centre - (name.x0 + name.x1) / 2) < 0.5


def test_the_rule_under_the_motto_is_as_long_as_the_motto(document):
    # | top right | … "Độc lập - Tự do - Hạnh phúc" … with a rule as long as the text |
    kind, pages = document
    motto = _one("Độc lập - Tự do - Hạnh phúc")(pages[0].lines())[0]
    rule = _rule_under(pages[0], motto)
    assert abs(rule.x0 - motto.x0) < 1 and abs(rule.x1 - motto.x1) < 1, (rule, motto.x0, motto.x1)


# --- the subject and the legal bases ---------------------------------------------------------------

def test_the_subject_breaks_only_between_word_groups(document):
    # | title | … under it what it is about, bold: a line never splits "sức khỏe" nor a name
    kind, pages = document
    lines = [line.text for line in _subject_lines(pages[0].lines())]
    assert " ".join(lines) == " ".join(SUBJECT_GROUPS)
    assert len(lines) >= 2  # the subject is too long for one line: there is a break to place
    assert any("sức khỏe" in line for line in lines)
    for line in lines:
        groups, rest = [], line
        for group in SUBJECT_GROUPS:
            if rest.startswith(group):
                groups.append(group)
                rest = rest[len(group):].lstrip()
        assert rest == "" and groups, f"{line!r} is not made of whole word groups"


def test_every_legal_basis_starts_with_can_cu_and_ends_with_a_semicolon_the_last_with_a_full_stop(document):
    # | legal bases | italic, each starting "Căn cứ …", each ending ";" and the last "." |
    kind, pages = document
    bases = [_text(paragraph) for paragraph in _paragraphs(_bases_lines(_all_lines(pages)))]
    assert len(bases) >= 3
    assert all(basis.startswith("Căn cứ ") for basis in bases), bases
    assert all(basis.endswith(";") for basis in bases[:-1]) and bases[-1].endswith("."), bases
    assert not any(basis[:-1].endswith((";", ".")) for basis in bases), bases


def test_the_body_is_indented_spaced_and_justified(document):
    # | body | justified, first-line indent 1–1.27 cm, at least 6 pt between paragraphs, line spacing 1 to 1.5 |
    kind, pages = document
    right = _max_justified_x(pages)
    lines = [line for page in pages for line in _content(page)]  # in reading order, over the pages
    start = next(i for i, line in enumerate(lines) if line.text.startswith("Căn cứ"))
    end = next(i for i, line in enumerate(lines) if line.text == "ĐẠI DIỆN BÊN GIAO")
    paragraphs = _paragraphs(lines[start:end])
    assert len(paragraphs) > 10
    for paragraph in paragraphs:
        first = paragraph[0]
        assert INDENT[0] - TOLERANCE <= first.x0 - LEFT_MIN <= INDENT[1] + TOLERANCE, first.text
        for above, below in zip(paragraph, paragraph[1:]):
            assert below.x0 == pytest.approx(LEFT_MIN, abs=TOLERANCE), below.text
            if above.y > below.y:  # on one page
                assert LINE_SPACING[0] <= (above.y - below.y) / above.size <= LINE_SPACING[1], below.text
            assert abs(above.x1 - right) < 1 * MM, above.text  # every line but the last reaches the right edge
    for above, below in zip(paragraphs, paragraphs[1:]):
        if above[-1].y > below[0].y and len(above) > 1:  # on one page, with a line pitch to compare with
            pitch = above[0].y - above[1].y
            assert above[-1].y - below[0].y >= pitch + PARAGRAPH_GAP - TOLERANCE, below[0].text


# --- what the text says ----------------------------------------------------------------------------

def test_each_representative_is_addressed_by_their_own_form_never_ong_ba(document):
    kind, pages = document
    text = _text(_all_lines(pages))
    assert "Ông/Bà" not in text
    if kind == "signed":
        assert "Đại diện: Ông Phạm Đức Long - Chức vụ: Cục trưởng" in text
    else:
        assert "Đại diện: Ông Phạm Đức Long" in text and "Đại diện: Bà Nguyễn Văn A" in text


def test_the_signed_copy_calls_itself_an_electronic_copy_and_prints_the_full_address_unbroken(signed_pages):
    address = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("verify")
    assert address.startswith("https://")
    lines = [line.text for line in _all_lines(signed_pages)]
    text = " ".join(lines)
    assert "Bản điện tử của biên bản đã ký" in text
    assert "Bản ký chính thức" not in text
    assert any(address in line for line in lines), [line for line in lines if "verify" in line]


def test_a_draft_carries_no_verification_address(document):
    kind, pages = document
    text = _text(_all_lines(pages))
    assert ("Bản điện tử" in text) == (kind == "signed")
    assert ("Kiểm tra tính xác thực tại" in text) == (kind == "signed")


# --- keeping a heading with its lines --------------------------------------------------------------

def _with_bases(agreement, drafter, own, count):
    """The draft with `count` legal bases before its own (`own`, their pks), one and two lines long in turn."""
    kept = [Row(pk, {"position": count + position}) for position, pk in enumerate(own, start=1)]
    added = [Row(None, {"position": position, "kind": LegalBasis.Kind.LAW,
                        "citation": "Luật Giao dịch điện tử" if position % 2 else
                        "Nghị định số 47/2020/NĐ-CP ngày 09 tháng 4 năm 2020 của Chính phủ quy định về quản lý, "
                        "kết nối và chia sẻ dữ liệu số của cơ quan nhà nước"})
             for position in range(1, count + 1)]
    agreement_update(agreement=agreement, by=drafter, legal_bases=added + kept)
    return read(minutes_pdf.render_minutes(agreement))


def _page_of(pages, predicate):
    return next(page.number for page in pages for line in _content(page) if predicate(line.text))


def _pushed_over(pages, predicate):
    """Whether a line the predicate picks opens a page although the page before had room for two more lines
    at its foot: it was carried over to stay with what follows it."""
    for before, page in zip(pages, pages[1:]):
        lines = _content(page)
        room = min(line.bottom for line in _content(before)) - TOP_BOTTOM[0]
        if predicate(lines[0].text) and room > 2 * 1.5 * lines[0].size:
            return True
    return False


@pytest.fixture
def without_articles(drafter, vnpt):
    """(draft, pks of its own legal bases): a draft whose articles were taken out, so that the legal bases
    alone move what follows them down the pages."""
    agreement = draft(by=drafter, partner=vnpt)
    agreement_update(agreement=agreement, by=drafter, clauses=[])
    return agreement, list(agreement.legal_bases.order_by("position").values_list("pk", flat=True))


def test_a_party_heading_is_kept_on_the_page_of_its_lines(drafter, without_articles):
    # | signatures | two blocks …: and in the body each party's heading ("BÊN GIAO: …") stays with the
    # lines that name its representative. More legal bases push the parties down page 1, one step at a
    # time, until a heading would be the last line of the page.
    agreement, own = without_articles
    pushed = []
    for count in range(30):  # until a heading has been pushed over
        pages = _with_bases(agreement, drafter, own, count)
        heading = _page_of(pages, lambda text: text.startswith("BÊN GIAO:"))
        assert _page_of(pages, lambda text: text.startswith("Đại diện: Ông Phạm Đức Long")) == heading, count
        receiving = _page_of(pages, lambda text: text.startswith("BÊN NHẬN:"))
        assert _page_of(pages, lambda text: text.startswith("Địa chỉ:")) == receiving, count
        assert _page_of(pages, lambda text: text.startswith("Đại diện: Bà Nguyễn Văn A")) == receiving, count
        bases = [_text(paragraph) for paragraph in _paragraphs(_bases_lines(_all_lines(pages)))]
        assert len(bases) == count + len(own)  # | legal bases |: each "Căn cứ …;", the last "." (over pages)
        assert all(basis.startswith("Căn cứ ") and basis.endswith(";") for basis in bases[:-1]), count
        assert bases[-1].startswith("Căn cứ ") and bases[-1].endswith("."), count
        if _pushed_over(pages, lambda text: text.startswith(("BÊN GIAO:", "BÊN NHẬN:"))):
            pushed.append(count)
            break
    assert pushed, "no case brought a party's heading to the foot of a page"


def test_the_signatures_are_kept_together_with_their_positions_and_names(drafter, without_articles):
    # | signatures | two blocks, "ĐẠI DIỆN BÊN GIAO" and "ĐẠI DIỆN BÊN NHẬN", position …, name …: on one page
    agreement, own = without_articles
    pushed = []
    for count in range(30):  # until the signatures have been pushed over
        pages = _with_bases(agreement, drafter, own, count)
        party = _page_of(pages, lambda text: text == "ĐẠI DIỆN BÊN GIAO")
        assert _page_of(pages, lambda text: text == "ĐẠI DIỆN BÊN NHẬN") == party, count
        assert _page_of(pages, lambda text: text == "CỤC TRƯỞNG") == party, count
        assert _page_of(pages, lambda text: text == "Phạm Đức Long") == party, count
        if _pushed_over(pages, lambda text: text == "ĐẠI DIỆN BÊN GIAO"):
            pushed.append(count)
            break
    assert pushed, "no case brought the signatures to the foot of a page"
