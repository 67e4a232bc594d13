"""The province filter treats a province and those merged into it on 01/07/2025 as one place: minutes of
2019 over the former Lào Cai or Yên Bái are listed under today's Lào Cai."""

import datetime

import pytest

from tests.agreements.listing_pages import list_page, listed
from tests.factories import current_province, draft, old_province

pytestmark = pytest.mark.django_db

IN_2019 = dict(term_start=datetime.date(2019, 1, 1), term_end=datetime.date(2021, 12, 31))


@pytest.fixture
def places(vnpt):
    """Minutes over: today's Lào Cai, the former Lào Cai (2019), the former Yên Bái (2019), Hà Nội, and the
    former Hà Giang (2019), which is no part of Lào Cai."""
    return {"lao cai": draft(partner=vnpt, provinces=[current_province("15")]),
            "old lao cai": draft(partner=vnpt, provinces=[old_province("10")], **IN_2019),
            "old yen bai": draft(partner=vnpt, provinces=[old_province("15")], **IN_2019),
            "ha noi": draft(partner=vnpt, provinces=[current_province("01")]),
            "old ha giang": draft(partner=vnpt, provinces=[old_province("02")], **IN_2019)}


def test_todays_province_lists_the_minutes_over_the_provinces_merged_into_it(login, drafter, places):
    found = listed(login(drafter), f"province={current_province('15').pk}")
    assert set(found) == {places["lao cai"], places["old lao cai"], places["old yen bai"]}


def test_another_province_lists_none_of_them(login, drafter, places):
    assert listed(login(drafter), f"province={current_province('01').pk}") == [places["ha noi"]]


def test_the_filter_offers_only_todays_provinces(login, drafter, places):
    form = list_page(login(drafter)).context["form"]
    offered = [value for value, _label in form.fields["province"].widget.choices if value]
    assert current_province("15").pk in offered
    assert old_province("10").pk not in offered


def test_a_former_province_is_found_by_searching_for_todays_name(login, drafter, places):
    found = listed(login(drafter), "q=lao cai")
    assert set(found) == {places["lao cai"], places["old lao cai"], places["old yen bai"]}
