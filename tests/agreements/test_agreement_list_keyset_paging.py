"""The agreement list pages by keyset: "next" carries where the page ends, so following it visits every row
once, in order, even when rows change between two loads; "previous" and "last" work, an older bookmark
?page=N still does, and a cursor that is no cursor gives the first page."""

import base64
import datetime
import json

import pytest

from agreements import services
from tests.agreements.listing_pages import following, list_page, listed
from tests.factories import PartnerFactory, draft

pytestmark = pytest.mark.django_db
day = datetime.date


@pytest.fixture
def sixty(vnpt):
    """60 drafts, the latest change first as the list shows them (a draft's id grows with its last change)."""
    return [draft(partner=vnpt, complete=False) for _ in range(60)][::-1]


def _flat(pages):
    return [row for page in pages for row in page]


def test_following_next_visits_every_row_once_in_order(login, drafter, sixty):
    pages = following(login(drafter), "")
    assert [len(page) for page in pages] == [25, 25, 10]
    assert _flat(pages) == sixty


def test_next_links_say_which_page_they_lead_to(login, drafter, sixty):
    client = login(drafter)
    first = list_page(client).context["page"]
    second = list_page(client, first.next_link).context["page"]
    assert (first.number, second.number, second.num_pages) == (1, 2, 3)
    assert "after=" in first.next_link


def test_previous_goes_back_to_the_same_rows(login, drafter, sixty):
    client = login(drafter)
    last = following(client, "")[-1]
    assert last == sixty[50:]
    page = list_page(client, "page=last").context["page"]
    back = following(client, page.previous_link, link="previous_link")
    assert back == [sixty[25:50], sixty[:25]]


def test_last_shows_the_remainder(login, drafter, sixty):
    page = list_page(login(drafter), "page=last").context["page"]
    assert list(page) == sixty[50:]
    assert (page.number, page.has_next, page.has_previous) == (3, False, True)


def test_an_older_bookmark_of_page_two_shows_rows_26_to_50(login, drafter, sixty):
    assert listed(login(drafter), "page=2") == sixty[25:50]


def _cursor(values):
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


@pytest.mark.parametrize("cursor", ["garbled", "%%%", "A" * 700, _cursor({"a": 1}), _cursor([1]), _cursor([1, 2, 3]),
                                    _cursor(["not a time", 5]), _cursor(["2026-01-01T00:00:00", "x"]),
                                    _cursor([[1], {"a": 2}]), _cursor([None, None, None])])
@pytest.mark.parametrize("direction", ["after", "before"])
def test_a_garbled_cursor_shows_the_first_page(login, drafter, sixty, cursor, direction):
    assert listed(login(drafter), f"{direction}={cursor}") == sixty[:25]


def test_rows_changed_between_two_loads_are_not_shown_twice(login, drafter, vnpt, sixty):
    client = login(drafter)
    first = list_page(client).context["page"]
    draft(partner=vnpt, complete=False)  # a new row: it comes first
    services.agreement_update(agreement=sixty[30], by=drafter, header={"software_version": "9.9"})  # moves first
    rest = following(client, first.next_link)
    seen = list(first) + _flat(rest)
    assert len(seen) == len(set(seen))
    assert _flat(rest) == [a for a in sixty[25:] if a != sixty[30]]


@pytest.fixture
def terms(db):
    """60 drafts of five partners: 40 with a term ending on one of eight days (ties across pages), 20 without."""
    units = [PartnerFactory(short_name=f"Unit {n}") for n in range(5)]
    made = [draft(partner=units[n % 5], term_start=day(2026, 1, 1), term_end=day(2026, 1 + n % 8, 28))
            for n in range(40)]
    return made + [draft(partner=units[n % 5], complete=False) for n in range(20)]


@pytest.mark.parametrize("sort", ["term", "-term", "partner", "-partner", "number", "-signed"])
def test_a_sort_is_kept_across_pages_and_every_row_visited_once(login, drafter, terms, sort):
    client = login(drafter)
    pages = following(client, f"sort={sort}")
    assert len(pages) == 3
    assert _flat(pages) == listed(client, f"sort={sort}") + listed(client, f"sort={sort}&page=2") + listed(
        client, f"sort={sort}&page=3")
    assert sorted(a.pk for a in _flat(pages)) == sorted(a.pk for a in terms)
    page = list_page(client, f"sort={sort}").context["page"]
    assert f"sort={sort}" in page.next_link and f"sort={sort}" in page.last_link


def test_previous_with_a_sort_goes_back_to_the_same_rows(login, drafter, terms):
    client = login(drafter)
    forward = following(client, "sort=-term")
    last = list_page(client, "sort=-term&page=last").context["page"]
    assert following(client, last.previous_link, link="previous_link") == forward[-2::-1]
