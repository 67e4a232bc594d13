"""Each sortable column orders the list both ways (the sort kept in the URL, and across pages); rows
without a value (a draft's number, term or signing day) come after those with one; anything else in
?sort= gives the default order, the latest change first."""

import datetime

import pytest

from tests.agreements.listing_pages import list_page, listed
from tests.factories import PartnerFactory, cancelled, current_province, draft, in_review, signed

pytestmark = pytest.mark.django_db
day = datetime.date

# ?sort= → what it orders by, read from a row; None is a row without a value.
COLUMNS = {
    "number": lambda a: (a.number_year, a.number) if a.number else None,
    "subject": lambda a: a.title,
    "partner": lambda a: a.partner.short_name,
    "status": lambda a: a.status,
    "term": lambda a: a.term_end,
    "signed": lambda a: a.signed_on,
    "updated": lambda a: a.updated_at,
}
NULLABLE = ["number", "term", "signed"]


@pytest.fixture
def rows(db):
    """Six minutes, each column's values different: numbers 2/2025, 1/2025 and 1/2026; a draft without term."""
    unit = {name: PartnerFactory(short_name=name) for name in ("Bravo", "Alpha", "Foxtrot", "Charlie", "Delta",
                                                               "Echo")}
    made = [signed(partner=unit["Bravo"], number=2, signed_on=day(2025, 11, 5), provinces=[current_province("01")]),
            signed(partner=unit["Alpha"], number=1, provinces=[current_province("15")]),
            signed(partner=unit["Foxtrot"], number=1, signed_on=day(2026, 1, 10), provinces=[current_province("66")]),
            in_review(partner=unit["Charlie"], term_start=day(2028, 1, 1), term_end=day(2029, 12, 31)),
            draft(partner=unit["Delta"], complete=False),
            cancelled(partner=unit["Echo"], term_start=day(2024, 1, 1), term_end=day(2025, 6, 30))]
    for agreement in made:
        agreement.refresh_from_db()
    return made


def _in_order(rows, name, descending=False):
    """The rows with a value for the column `name`, in its order (the id breaks ties, the same way)."""
    valued = [a for a in rows if COLUMNS[name](a) is not None]
    return sorted(valued, key=lambda a: (COLUMNS[name](a), a.pk), reverse=descending)


@pytest.mark.parametrize("name", COLUMNS)
def test_a_column_orders_the_rows_that_have_a_value_going_up(login, drafter, rows, name):
    shown = [a for a in listed(login(drafter), f"sort={name}") if COLUMNS[name](a) is not None]
    assert shown == _in_order(rows, name)


@pytest.mark.parametrize("name", COLUMNS)
def test_a_column_orders_the_rows_that_have_a_value_going_down(login, drafter, rows, name):
    shown = [a for a in listed(login(drafter), f"sort=-{name}") if COLUMNS[name](a) is not None]
    assert shown == _in_order(rows, name, descending=True)


def test_the_number_orders_by_year_then_number(login, drafter, rows):
    bravo_2025_2, alpha_2025_1, foxtrot_2026_1 = rows[:3]
    assert listed(login(drafter), "sort=number")[:3] == [alpha_2025_1, bravo_2025_2, foxtrot_2026_1]


@pytest.mark.parametrize("name", NULLABLE)
def test_rows_without_a_value_come_last_going_up(login, drafter, rows, name):
    shown = listed(login(drafter), f"sort={name}")
    values = [COLUMNS[name](a) for a in shown]
    assert values == sorted(values, key=lambda v: v is None) and values[-1] is None


@pytest.mark.parametrize("name", NULLABLE)
def test_rows_without_a_value_come_last_going_down(login, drafter, rows, name):
    shown = listed(login(drafter), f"sort=-{name}")
    values = [COLUMNS[name](a) for a in shown]
    assert values == sorted(values, key=lambda v: v is None) and values[-1] is None


@pytest.mark.parametrize("sort", ["bogus", "-bogus", "partner__tax_code", "", "--partner"])
def test_an_unknown_sort_gives_the_latest_change_first(login, drafter, rows, sort):
    response = list_page(login(drafter), f"sort={sort}")
    assert list(response.context["page"]) == _in_order(rows, "updated", descending=True)
    assert response.context["sort"] == "-updated"


def test_a_column_heading_links_to_its_sort_then_to_the_other_way(login, drafter, rows):
    client = login(drafter)
    heading = {c["title"]: c for c in list_page(client, "status=signed").context["columns"]}
    assert heading["Receiving party"]["link"] == "?status=signed&sort=partner"
    assert heading["Receiving party"]["order"] == ""
    heading = {c["title"]: c for c in list_page(client, "status=signed&sort=partner").context["columns"]}
    assert heading["Receiving party"]["link"] == "?status=signed&sort=-partner"
    assert heading["Receiving party"]["order"] == "ascending"
    assert "aria-sort=\"ascending\"" in list_page(client, "sort=partner").content.decode()
