"""The early warning costs the same number of queries however many agreements, provinces and reports it reads
(for the same events), and the deployment page shows each province's flags for one query more, whatever their
number."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements import deployment_watch
from tests.agreements.abandonment_watching import OVERDUE_FROM, Q1, watch
from tests.agreements.deployment_reporting import TODAY, by_province, deployed, file_report
from tests.factories import current_province, on_day

pytestmark = pytest.mark.django_db


def _queries_of_a_run(day):
    """(queries, counts) of the watch on `day`, then undone: the next run sees the same events."""
    point = transaction.savepoint()
    with CaptureQueriesContext(connection) as counted:
        done = deployment_watch.check_all(day=day)
    transaction.savepoint_rollback(point)
    return len(counted), done


def _reported_everywhere(agreement, by, codes):
    for code in codes:
        file_report(agreement, by=by, province=current_province(code), period_start=Q1, day=datetime.date(2026, 4, 2))


def test_the_watch_runs_as_many_queries_for_three_agreements_as_for_one(drafter, vnpt, vnpt_user, vietsens,
                                                                       vietsens_user, django_assert_max_num_queries):
    small = deployed(by=drafter, partner=vnpt, codes=("01", "04"))
    _reported_everywhere(small, vnpt_user, ["01"])  # Cao Bằng goes overdue on 01/05: one event
    queries, done = _queries_of_a_run(OVERDUE_FROM)
    assert done == {"raised": 1, "cleared": 0, "notices": 1}
    _reported_everywhere(deployed(by=drafter, partner=vietsens, codes=("08", "11", "12"), number=3), vietsens_user,
                         ["08", "11", "12"])
    _reported_everywhere(deployed(by=drafter, partner=vnpt, codes=("14", "15"), number=2), vnpt_user, ["14", "15"])
    with django_assert_max_num_queries(queries):
        assert deployment_watch.check_all(day=OVERDUE_FROM) == done


def test_a_run_with_nothing_to_do_costs_the_same_for_three_agreements_as_for_one(drafter, vnpt, vnpt_user, vietsens,
                                                                                 vietsens_user,
                                                                                 django_assert_max_num_queries):
    small = deployed(by=drafter, partner=vnpt, codes=("01",))
    _reported_everywhere(small, vnpt_user, ["01"])
    queries, _done = _queries_of_a_run(OVERDUE_FROM)
    _reported_everywhere(deployed(by=drafter, partner=vietsens, codes=("08", "11", "12"), number=3), vietsens_user,
                         ["08", "11", "12"])
    with django_assert_max_num_queries(queries):
        assert deployment_watch.check_all(day=OVERDUE_FROM) == {"raised": 0, "cleared": 0, "notices": 0}


def test_the_deployment_page_shows_each_flag_with_its_reason_and_since_when(login, drafter, vnpt, vnpt_user,
                                                                            django_capture_on_commit_callbacks):
    minutes = deployed(by=drafter, partner=vnpt, codes=("01", "04"))
    _reported_everywhere(minutes, vnpt_user, ["01"])
    watch(django_capture_on_commit_callbacks, OVERDUE_FROM)
    with on_day(OVERDUE_FROM):
        response = login(vnpt_user).get(reverse("agreements:deployment", args=[minutes.pk]))
    rows = by_province(response)
    assert [risk.reason for risk in rows["Cao Bằng"].risks] == ["overdue"] and rows["Hà Nội"].risks == []
    assert 'data-reason="overdue"' in response.text and "Report overdue" in response.text
    assert "since 01/05/2026" in response.text


def test_the_page_runs_as_many_queries_with_five_flags_as_with_one(login, drafter, vnpt, vnpt_user,
                                                                   django_capture_on_commit_callbacks,
                                                                   django_assert_max_num_queries):
    small = deployed(by=drafter, partner=vnpt, codes=("01",))
    large = deployed(by=drafter, partner=vnpt, codes=("08", "11", "12", "14", "15"), number=2)
    watch(django_capture_on_commit_callbacks, OVERDUE_FROM)  # nothing reported: every province overdue
    client = login(drafter)
    with on_day(TODAY):
        with CaptureQueriesContext(connection) as counted:
            assert len(by_province(client.get(reverse("agreements:deployment", args=[small.pk])))["Hà Nội"].risks) == 1
        with django_assert_max_num_queries(len(counted)):
            rows = by_province(client.get(reverse("agreements:deployment", args=[large.pk]))).values()
            assert sum(len(row.risks) for row in rows) == 5
