"""The timeline pages by id, 50 entries a page: "Older" asks for the entries before the last one shown,
with no OFFSET and no COUNT, so a page deep in a large record costs what the first costs; and the
number of queries does not grow with what the entries hold."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains

from agreements import services
from core import audit, roles
from core.models import DownloadRecord
from tests.core.page_queries import assert_flat
from tests.factories import PartnerFactory, UserFactory, draft, member
from tests.portal.audit_pages import timeline

pytestmark = pytest.mark.django_db
counter = itertools.count(1)


def _exports(n, actor):
    return [audit.record("export", actor_id=actor.pk, payload={"format": "csv"}).pk for _ in range(n)]


def test_a_page_holds_50_entries_and_older_continues_where_it_stopped(login, auditor):
    ids = sorted(_exports(120, auditor), reverse=True)
    client = login(auditor)
    first = timeline(client, event="export")
    assert [row.entry.id for row in first.context["rows"]] == ids[:50]
    assertContains(first, f"before={ids[49]}")
    second = timeline(client, event="export", before=ids[49])
    assert [row.entry.id for row in second.context["rows"]] == ids[50:100]
    last = timeline(client, event="export", before=ids[99])
    assert [row.entry.id for row in last.context["rows"]] == ids[100:] and last.context["older"] is None


def test_no_page_counts_or_skips_rows(login, auditor):
    ids = _exports(60, auditor)
    client = login(auditor)
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("audit"), {"before": ids[-10]})
    read = [query["sql"].upper() for query in captured if "CORE_AUDITENTRY" in query["sql"].upper()]
    assert len(read) == 1 and "OFFSET" not in read[0] and "COUNT(" not in read[0] and "LIMIT 51" in read[0]


def test_the_timeline_is_flat_in_entries_of_every_kind(login, drafter, auditor, django_assert_max_num_queries):
    def grow(n):
        for _ in range(n):
            i = next(counter)
            partner = PartnerFactory(short_name=f"P{i}", tax_code=f"01{i:08d}")
            member(partner, username=f"m{i}")
            agreement = draft(by=drafter, partner=partner)
            services.agreement_update(agreement=agreement, by=drafter, header={"software_version": f"{i}"})
            _exports(1, drafter)

    assert_flat(login(auditor), reverse("audit"), grow, django_assert_max_num_queries)


@pytest.mark.parametrize("filters", ["event=download", "model=agreements.agreement"])
def test_each_row_of_its_own_agreement_and_partner_costs_no_query(login, auditor, filters,
                                                                   django_assert_max_num_queries):
    """One agreement, partner and person per row: names and related objects come in one query each."""
    def grow(n):
        for _ in range(n):
            i = next(counter)
            person = UserFactory(username=f"u{i}", first_name="Người", last_name=f"{i}", roles=[roles.DRAFTER])
            agreement = draft(by=person, partner=PartnerFactory(short_name=f"P{i}", tax_code=f"02{i:08d}"),
                              complete=False)
            download = DownloadRecord.objects.create(user=person, what=DownloadRecord.What.DRAFT_MINUTES,
                                                     object_id=agreement.pk, filename=f"{i}.pdf")
            audit.record_download(download, partner_id=agreement.partner_id, agreement_id=agreement.pk)

    assert_flat(login(auditor), f"{reverse('audit')}?{filters}", grow, django_assert_max_num_queries)
