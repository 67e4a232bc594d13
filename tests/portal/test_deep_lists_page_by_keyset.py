"""The download log and the assessment queue page by keyset (core.paging): "next" carries where the page
ends, so a deep page reads the index from there instead of skipping every row before it (issue 12)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import DownloadRecord
from tests.factories import condition_set, submit

pytestmark = pytest.mark.django_db


def _downloads(user, n):
    for i in range(n):
        DownloadRecord.objects.create(user=user, what=DownloadRecord.What.SIGNED_MINUTES, object_id=i,
                                      filename=f"{i}.pdf")
    return DownloadRecord.objects.order_by("-at", "-pk")


def test_the_download_logs_next_page_follows_on_from_the_first(login, auditor):
    records = list(_downloads(auditor, 52))
    client = login(auditor)
    first = client.get(reverse("downloads")).context["page"]
    assert list(first) == records[:50] and first.has_next
    second = client.get(reverse("downloads") + first.next_link).context["page"]
    assert list(second) == records[50:] and not second.has_next


def test_the_download_logs_next_page_skips_no_rows_by_offset(login, auditor):
    _downloads(auditor, 52)
    client = login(auditor)
    next_link = client.get(reverse("downloads")).context["page"].next_link
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("downloads") + next_link).status_code == 200
    listing = [q["sql"] for q in captured if 'FROM "core_downloadrecord"' in q["sql"] and " LIMIT " in q["sql"]]
    assert listing and all(" OFFSET " not in sql for sql in listing)


def test_the_assessment_queues_next_page_follows_on_oldest_first(login, assessor, vnpt):
    rules = condition_set(*[f"PL-{n:02d}" for n in range(26)])
    waiting = [submit(vnpt, condition) for condition in rules.conditions.order_by("pk")]
    client = login(assessor)
    first = client.get(reverse("conditions:queue")).context["page"]
    assert list(first) == waiting[:25]
    assert list(client.get(reverse("conditions:queue") + first.next_link).context["page"]) == waiting[25:]
