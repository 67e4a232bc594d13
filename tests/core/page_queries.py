"""Checking that a page runs no more SQL queries with 50 rows than with 2 (STYLE.md: query counts on
every list and detail page)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

SMALL, LARGE = 2, 50


def queries_for(client, url):
    """How many queries the page at `url` runs; it must answer 200."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def assert_flat(client, url, grow, django_assert_max_num_queries):
    """grow(n) adds n rows of what the page lists; the page's query count at 50 rows must not pass the
    count at 2 rows."""
    grow(SMALL)
    small = queries_for(client, url)
    grow(LARGE - SMALL)
    with django_assert_max_num_queries(small):
        assert client.get(url).status_code == 200
