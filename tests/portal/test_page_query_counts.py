"""The dashboard and the download log run no more SQL queries with 50 rows than with 2 (the download log
names each agreement by its number: in one query for the page)."""

import itertools

import pytest
from django.urls import reverse

from core import audit
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


def test_the_download_log_naming_each_agreement_is_flat(login, drafter, auditor, django_assert_max_num_queries):
    def grow(n):
        for _ in range(n):
            agreement = draft(by=drafter, complete=False)
            download = DownloadRecord.objects.create(user=drafter, what=DownloadRecord.What.DRAFT_MINUTES,
                                                     object_id=agreement.pk, filename=f"{agreement.pk}.pdf")
            audit.record_download(download, partner_id=agreement.partner_id, agreement_id=agreement.pk)

    assert_flat(login(auditor), reverse("downloads"), grow, django_assert_max_num_queries)
