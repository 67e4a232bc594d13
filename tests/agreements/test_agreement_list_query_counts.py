"""The agreement list runs as many queries on its first page, a page reached by its cursor and its last
page, and as many with 60 agreements as with 5: a deep page costs what the first does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.agreements.listing_pages import LIST, list_page
from tests.factories import PartnerFactory, current_province, draft

pytestmark = pytest.mark.django_db


def _queries(client, query):
    with CaptureQueriesContext(connection) as captured:
        list_page(client, query)
    return len(captured)


def _drafts(n):
    """n drafts of three partners, each over a province or two."""
    units = [PartnerFactory() for _ in range(3)]
    return [draft(partner=units[i % 3], provinces=[current_province("01"), current_province("15")][:1 + i % 2])
            for i in range(n)]


@pytest.mark.parametrize("query", ["", "sort=partner", "sort=-term&status=draft", "q=ha noi&province={ha_noi}"])
def test_the_first_a_middle_and_the_last_page_run_as_many_queries(login, drafter, query):
    _drafts(60)
    query = query.format(ha_noi=current_province("01").pk)
    client = login(drafter)
    first = list_page(client, query).context["page"]
    middle = list_page(client, first.next_link).context["page"]
    assert middle.has_next and middle.has_previous and len(middle) == 25
    counts = {"first": _queries(client, query), "middle": _queries(client, first.next_link),
              "last": _queries(client, middle.last_link), "back": _queries(client, middle.previous_link),
              "bookmark": _queries(client, query + "&page=2")}
    assert len(set(counts.values())) == 1, counts


@pytest.mark.parametrize("query", ["", "q=ha noi", "partner=partner&sort=number"])
def test_the_list_runs_as_many_queries_with_60_agreements_as_with_5(login, drafter, query):
    client = login(drafter)
    _drafts(5)
    few = _queries(client, query)
    _drafts(55)
    assert _queries(client, query) == few
    assert client.get(LIST).status_code == 200
