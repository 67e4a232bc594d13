"""Each list and dashboard block is read from an index that matches its filter and order, so its cost
follows the rows shown, not the size of the table (issue 12). Checked on PostgreSQL's plan of the very
query the page runs: without sequential scans or sorts on offer, the plan must walk the named index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agreements import selectors
from conditions import selectors as condition_selectors
from core.models import DownloadRecord, Notification
from tests.factories import PartnerFactory, catalogue, draft, in_review, submit

pytestmark = pytest.mark.django_db


def _drop_rivals(*indexes):
    """On a tiny table walking an index on the order alone, filtering the status as it goes, ties with the
    status index; at scale it would read every other status's rows first. Dropped here (the test's
    transaction brings them back), they are no rivals."""
    with connection.cursor() as cursor:
        for index in indexes:
            cursor.execute(f'DROP INDEX "{index}"')


def _plan(sql):
    with connection.cursor() as cursor:
        # A test's tables are tiny: without these the planner rightly prefers scanning and sorting them.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def _listing(captured, table):
    [sql] = [q["sql"] for q in captured if f'FROM "{table}"' in q["sql"] and " LIMIT " in q["sql"]]
    return sql


def plan_of_block(block, *args):
    with CaptureQueriesContext(connection) as captured:
        block(*args)
    return _plan(_listing(captured, "agreements_agreement"))


def plan_of_page(client, url, table):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return _plan(_listing(captured, table))


def assert_reads(plan, index):
    assert f" using {index} on " in plan, plan
    assert "Sort" not in plan, plan


def test_the_dashboards_drafts_and_review_blocks_read_the_status_and_update_index(drafter):
    draft(complete=False)
    _drop_rivals("agreement_by_update")
    assert_reads(plan_of_block(selectors.drafts, drafter), "agreement_status_by_update")
    assert_reads(plan_of_block(selectors.in_review, drafter), "agreement_status_by_update")


def test_the_ending_soon_block_reads_the_status_and_term_index(auditor):
    _drop_rivals("agreement_by_term_end")
    assert_reads(plan_of_block(selectors.ending_soon, auditor, timezone.localdate()), "agreement_status_term_end")


def test_the_latest_block_reads_the_update_index(auditor):
    assert_reads(plan_of_block(selectors.latest, auditor), "agreement_by_update")


def test_the_dashboards_notices_read_the_newest_first_index(auditor):
    with CaptureQueriesContext(connection) as captured:
        condition_selectors.notices_for(auditor)
    assert_reads(_plan(_listing(captured, "conditions_notice")), "notice_latest")


def test_the_download_log_reads_its_index_newest_first(login, auditor):
    DownloadRecord.objects.create(user=auditor, what=DownloadRecord.What.SIGNED_MINUTES, object_id=1, filename="a.pdf")
    assert_reads(plan_of_page(login(auditor), reverse("downloads"), "core_downloadrecord"), "download_latest")


def test_the_assessment_queue_reads_its_partial_index(login, assessor, vnpt):
    submit(vnpt, catalogue().conditions.first())
    plan = plan_of_page(login(assessor), reverse("conditions:queue"), "conditions_evidence")
    assert_reads(plan, "evidence_awaiting_assessment")


def test_the_partner_list_reads_the_name_index(login, drafter):
    PartnerFactory()
    assert_reads(plan_of_page(login(drafter), reverse("partners:list"), "partners_partner"), "partner_by_name")


def test_ones_notice_list_reads_its_index(login, drafter):
    Notification.objects.create(user=drafter, kind="review_requested", key="k")
    assert_reads(plan_of_page(login(drafter), reverse("notices"), "core_notification"), "notification_latest")


def test_a_block_sorted_on_a_column_no_index_leads_with_is_caught(drafter):
    """The check itself: ordered by the software version, which no index covers, the plan must sort."""
    in_review()
    with CaptureQueriesContext(connection) as captured:
        list(selectors._visible(drafter).order_by("software_version")[:10])
    assert "Sort" in _plan(_listing(captured, "agreements_agreement"))
