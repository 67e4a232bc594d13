"""A draft says so on every page; page numbers sit centred in the top margin from page 2 on."""

import pytest

from agreements import minutes_pdf
from agreements.models import Clause
from agreements.services import Row, agreement_update
from tests.agreements.pdf_reading import MM, pages, placed, stored
from tests.factories import current_province, draft, signed

pytestmark = pytest.mark.django_db

TOP_MARGIN = 20 * MM  # minutes.css: @page margin-top


@pytest.fixture
def signed_minutes(drafter, vnpt):
    return signed(by=drafter, partner=vnpt, provinces=[current_province(code) for code in ("01", "22", "79")])


@pytest.fixture
def long_draft(drafter, vnpt):
    """The PDF of a draft long enough to run over several pages."""
    agreement = draft(by=drafter, partner=vnpt)
    added = [Row(None, {"section": Clause.Section.EFFECT, "position": position, "heading": "Điều khoản bổ sung",
                        "text": "Hai bên thống nhất thực hiện. " * 60}) for position in range(100, 106)]
    agreement_update(agreement=agreement, by=drafter,
                     clauses=[Row(pk, {}) for pk in agreement.clauses.values_list("pk", flat=True)] + added)
    return minutes_pdf.render_minutes(agreement)


def _in_top_margin(data, index):
    found, width, height = placed(data, index)
    return [(x / width, piece) for x, y, piece in found if y > height - TOP_MARGIN]


def test_a_long_draft_runs_over_several_pages(long_draft):
    assert len(pages(long_draft)) >= 3


def test_a_draft_carries_du_thao_on_every_page(long_draft):
    assert all("DỰ THẢO" in page for page in pages(long_draft))


def test_a_draft_leaves_the_number_and_the_day_blank(long_draft):
    first = pages(long_draft)[0]
    assert "Số: /BB-CNTT" in first
    assert "Hà Nội, ngày tháng năm" in first


def test_a_signed_copy_carries_no_du_thao(signed_minutes):
    data = stored(signed_minutes)
    assert len(pages(data)) >= 2
    assert not any("DỰ THẢO" in page for page in pages(data))


def test_a_signed_agreement_rendered_again_is_not_a_draft(signed_minutes):
    assert not any("DỰ THẢO" in page for page in pages(minutes_pdf.render_minutes(signed_minutes)))


def test_the_first_page_has_nothing_in_its_top_margin(signed_minutes):
    assert _in_top_margin(stored(signed_minutes), 0) == []


def test_the_first_page_text_does_not_start_with_a_page_number(signed_minutes):
    assert not pages(stored(signed_minutes))[0].startswith("1")


def test_page_two_carries_its_number_centred_in_the_top_margin(signed_minutes):
    numbers = _in_top_margin(stored(signed_minutes), 1)
    assert [piece for x, piece in numbers] == ["2"]
    assert 0.4 < numbers[0][0] < 0.6


def test_every_later_page_of_a_draft_carries_its_own_number_at_the_top(long_draft):
    for index in range(1, len(pages(long_draft))):
        assert [piece for x, piece in _in_top_margin(long_draft, index)] == [str(index + 1)]
