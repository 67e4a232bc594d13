"""The term filter lists the minutes in force at some day of the period asked (their term overlaps it); the
signing filter those signed within it. A period that ends before it starts, or a day that is no day, is
answered beside its field and lists nothing."""

import datetime

import pytest

from tests.agreements.listing_pages import list_page, listed
from tests.factories import current_province, draft, signed
from tests.pages import field_errors

pytestmark = pytest.mark.django_db
day = datetime.date


@pytest.fixture
def terms(vnpt):
    """Minutes in force 2024–30/06/2025, 2026–2027 and 2028–2029, and a draft with no term yet."""
    return {"past": draft(partner=vnpt, term_start=day(2024, 1, 1), term_end=day(2025, 6, 30)),
            "now": draft(partner=vnpt),
            "later": draft(partner=vnpt, term_start=day(2028, 1, 1), term_end=day(2029, 12, 31)),
            "no term": draft(partner=vnpt, complete=False)}


@pytest.fixture
def signings(vnpt):
    """Minutes signed on 05/11/2025 and on 20/12/2025, and a draft not signed."""
    return {"november": signed(partner=vnpt, number=1, signed_on=day(2025, 11, 5), provinces=[current_province("01")]),
            "december": signed(partner=vnpt, number=2, provinces=[current_province("15")]),
            "draft": draft(partner=vnpt, provinces=[current_province("66")])}


def test_a_term_overlapping_the_period_is_listed(login, drafter, terms):
    client = login(drafter)
    assert set(listed(client, "term_from=01/07/2025&term_to=31/12/2027")) == {terms["now"]}
    assert set(listed(client, "term_from=30/06/2025&term_to=01/01/2028")) == {terms["past"], terms["now"],
                                                                               terms["later"]}


def test_a_period_open_at_one_end_reaches_to_the_other(login, drafter, terms):
    client = login(drafter)
    assert set(listed(client, "term_from=01/01/2028")) == {terms["later"]}
    assert set(listed(client, "term_to=31/12/2025")) == {terms["past"]}


def test_a_term_before_or_after_the_period_is_not_listed(login, drafter, terms):
    assert listed(login(drafter), "term_from=01/07/2025&term_to=31/12/2025") == []


def test_minutes_signed_within_the_period_are_listed(login, drafter, signings):
    client = login(drafter)
    assert listed(client, "signed_from=01/11/2025&signed_to=30/11/2025") == [signings["november"]]
    assert listed(client, "signed_from=20/12/2025&signed_to=20/12/2025") == [signings["december"]]
    assert set(listed(client, "signed_to=31/12/2025")) == {signings["november"], signings["december"]}
    assert listed(client, "signed_from=21/12/2025") == []


@pytest.mark.parametrize("start, end", [("term_from", "term_to"), ("signed_from", "signed_to")])
def test_a_period_ending_before_it_starts_is_answered_beside_its_end(login, drafter, terms, signings, start, end):
    response = list_page(login(drafter), f"{start}=01/01/2027&{end}=31/12/2026")
    assert field_errors(response, end) == ["This day comes before the start of the period."]
    assert list(response.context["page"]) == []


@pytest.mark.parametrize("field", ["term_from", "term_to", "signed_from", "signed_to"])
@pytest.mark.parametrize("value", ["31/02/2026", "tomorrow", "01/01/9999"])
def test_a_day_that_is_no_day_is_answered_beside_its_field(login, drafter, terms, field, value):
    response = list_page(login(drafter), f"{field}={value}")
    assert field_errors(response, field)
    assert list(response.context["page"]) == []


def test_a_period_of_one_day_is_a_period(login, drafter, terms):
    response = list_page(login(drafter), "term_from=30/06/2025&term_to=30/06/2025")
    assert not response.context["form"].errors
    assert list(response.context["page"]) == [terms["past"]]
