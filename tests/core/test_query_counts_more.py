"""The pages added for the libraries and the download log stay flat in their number of queries."""

import pytest
from django.urls import reverse

from agreements.models import ClauseTemplate, LegalDocument
from core.models import DownloadRecord
from tests.core.test_query_counts import _flat

pytestmark = pytest.mark.django_db


def test_the_library_page_is_flat(client, drafter, django_assert_max_num_queries):
    client.force_login(drafter)

    def grow(n):
        start = LegalDocument.objects.count()
        for i in range(n):
            LegalDocument.objects.create(kind="decision", number=f"{start + i}/QĐ-BYT", issuer="Bộ trưởng Bộ Y tế")
            ClauseTemplate.objects.create(section="effect", heading=f"Hiệu lực {i}", text="…")

    _flat(client, reverse("agreements:library"), grow, django_assert_max_num_queries)


def test_the_download_log_is_flat(client, drafter, auditor, django_assert_max_num_queries):
    client.force_login(auditor)

    def grow(n):
        for i in range(n):
            DownloadRecord.objects.create(user=drafter, what="evidence_file", object_id=i, filename=f"{i}.pdf")

    _flat(client, reverse("downloads"), grow, django_assert_max_num_queries)
