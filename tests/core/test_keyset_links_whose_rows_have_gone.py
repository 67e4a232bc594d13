"""A page link carries the row it continues from (core.paging). When the rows after (or before) that row have
gone since the link was drawn, the link still answers a page of the list, never an error."""

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements import listing, services
from core.paging import encode, with_tiebreak
from tests.factories import draft

pytestmark = pytest.mark.django_db


def _page(client, link):
    response = client.get(reverse("agreements:list") + link)
    assert response.status_code == 200
    return response.context["page"]


def _cancel(agreement, by):
    services.agreement_cancel(agreement=agreement, by=by, cancelled_on=timezone.localdate(), notes="Trùng")


def test_a_next_link_whose_rows_have_gone_shows_the_end_of_the_list(login, drafter, vnpt):
    made = [draft(partner=vnpt) for _ in range(26)]
    client = login(drafter)
    first = _page(client, "?status=draft")
    assert list(first) == made[:0:-1] and first.has_next
    _cancel(made[0], drafter)  # the one row of the second page
    after = _page(client, first.next_link)
    assert list(after) == made[:0:-1] and not after.has_next


def test_a_previous_link_whose_rows_have_gone_shows_the_start_of_the_list(login, drafter, vnpt):
    made = [draft(partner=vnpt) for _ in range(3)]
    client = login(drafter)
    keys = with_tiebreak(listing.sort_keys(listing.DEFAULT_SORT)[0])
    link = f"?status=draft&before={encode(keys, made[0])}"
    for agreement in made[1:]:
        _cancel(agreement, drafter)
    back = _page(client, link)
    assert list(back) == [made[0]] and not back.has_previous
