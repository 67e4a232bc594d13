"""The catalogue pages (its versions, one version's conditions) run no more SQL queries with 50 rows than
with 2. Published sets are never edited, so the detail page is compared across two sets."""

import datetime

import pytest
from django.urls import reverse

from tests.core.page_queries import LARGE, SMALL, assert_flat, queries_for
from tests.factories import condition_set

pytestmark = pytest.mark.django_db


def test_a_sets_page_is_flat_in_its_conditions(login, vnpt_user, django_assert_max_num_queries):
    few = condition_set(*(f"PL-{i:02d}" for i in range(SMALL)), effective_from=datetime.date(2025, 1, 1))
    many = condition_set(*(f"PL-{i:02d}" for i in range(LARGE)), effective_from=datetime.date(2025, 2, 1))
    client = login(vnpt_user)
    small = queries_for(client, reverse("conditions:detail", args=[few.pk]))
    with django_assert_max_num_queries(small):
        response = client.get(reverse("conditions:detail", args=[many.pk]))
    assert len(response.context["conditions"]) == LARGE


def test_the_list_of_sets_is_flat(login, vnpt_user, django_assert_max_num_queries):
    published = []

    def grow(n):
        for _ in range(n):  # published in date order, one a month
            published.append(condition_set("PL-01", effective_from=datetime.date(2020 + len(published) // 12,
                                                                                 len(published) % 12 + 1, 1)))

    assert_flat(login(vnpt_user), reverse("conditions:list"), grow, django_assert_max_num_queries)
