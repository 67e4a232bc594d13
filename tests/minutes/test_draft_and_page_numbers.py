"""A draft says so on every page; page numbers sit centred in the top margin from page 2 on."""

import pytest

from agreements import minutes_pdf as pdf
from agreements.models import Clause
from tests.minutes.helpers import MM, pages, placed, stored

pytestmark = pytest.mark.django_db

TOP_MARGIN = 20 * MM  # minutes.css: @page margin-top


@pytest.fixture
def long_draft(draft):
    """A draft long enough to run over several pages."""
    for position in range(100, 106):
        Clause.objects.create(agreement=draft, section=Clause.Section.EFFECT, position=position,
                              heading="Điều khoản bổ sung", text="Hai bên thống nhất thực hiện. " * 60)
    return pdf.render_minutes(draft)


def test_a_long_draft_runs_over_several_pages(long_draft):
    assert len(pages(long_draft)) >= 3


def test_a_draft_carries_du_thao_on_every_page(long_draft):
    assert all("DỰ THẢO" in page for page in pages(long_draft))


def test_a_draft_leaves_the_number_and_the_day_blank(long_draft):
    first = pages(long_draft)[0]
    assert "Số: /BB-CNTT" in first
    assert "Hà Nội, ngày tháng năm" in first


def test_a_signed_copy_carries_no_du_thao(signed):
    data = stored(signed)
    assert len(pages(data)) >= 2
    assert not any("DỰ THẢO" in page for page in pages(data))


def test_a_signed_agreement_rendered_again_is_not_a_draft(signed):
    assert not any("DỰ THẢO" in page for page in pages(pdf.render_minutes(signed)))


def test_the_first_page_has_nothing_in_its_top_margin(signed):
    found, _, height = placed(stored(signed), 0)
    assert [piece for x, y, piece in found if y > height - TOP_MARGIN] == []


def test_the_first_page_text_does_not_start_with_a_page_number(signed):
    assert not pages(stored(signed))[0].startswith("1")


def test_page_two_carries_its_number_centred_in_the_top_margin(signed):
    found, width, height = placed(stored(signed), 1)
    numbers = [(x, piece) for x, y, piece in found if y > height - TOP_MARGIN]
    assert [piece for x, piece in numbers] == ["2"]
    assert 0.4 * width < numbers[0][0] < 0.6 * width


def test_every_later_page_of_a_draft_carries_its_own_number_at_the_top(long_draft):
    for index in range(1, len(pages(long_draft))):
        found, _, height = placed(long_draft, index)
        assert [piece for x, y, piece in found if y > height - TOP_MARGIN] == [str(index + 1)]
