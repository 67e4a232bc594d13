"""The dashboard and the download log run no more SQL queries with 50 rows than with 2."""

import itertools

import pytest
from django.urls import reverse

from core.models import DownloadRecord
from tests.core.page_queries import assert_flat
from tests.factories import catalogue, draft, in_review

pytestmark = pytest.mark.django_db
counter = itertools.count(1)


def test_a_drafters_dashboard_is_flat_in_drafts_and_minutes_in_review(login, drafter, django_assert_max_num_queries):
    def grow(n):
        rules = catalogue()
        for _ in range(n):
            draft(condition_set=rules)
            in_review(condition_set=rules)

    assert_flat(login(drafter), reverse("dashboard"), grow, django_assert_max_num_queries)


def test_the_download_log_is_flat(login, drafter, auditor, django_assert_max_num_queries):
    def grow(n):
        for _ in range(n):
            i = next(counter)
            DownloadRecord.objects.create(user=drafter, what=DownloadRecord.What.EVIDENCE_FILE, object_id=i,
                                          filename=f"{i}.pdf")

    assert_flat(login(auditor), reverse("downloads"), grow, django_assert_max_num_queries)
