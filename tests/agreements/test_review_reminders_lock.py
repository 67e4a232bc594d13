"""Two servers running the daily reminders at once tell each person once: the run takes a PostgreSQL
advisory lock before it reads anything, so the second run waits for the first to commit and then finds
its notices. Real locks, so a transactional test (a plain test runs in one transaction and hides them);
serialized_rollback brings back the migrations' data for the tests that follow."""

import threading
import time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from agreements import reminders
from core.models import Notification
from tests.factories import in_review

race = pytest.mark.django_db(transaction=True, serialized_rollback=True)
LOCK = "SELECT pg_advisory_xact_lock(hashtext('send_review_reminders'))"


def _waits_of_other_sessions():
    """What the other sessions of this database wait for: "advisory" for an advisory lock,
    "transactionid" for a row another transaction is writing."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event FROM pg_stat_activity WHERE datname = current_database() "
                       "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'")
        return [row[0] for row in cursor.fetchall()]


def _thread(target):
    def run():
        try:
            target()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.mark.django_db
def test_the_run_takes_the_advisory_lock_before_anything_else(drafter, vnpt):
    due = in_review(by=drafter, partner=vnpt).review_requests.get().due_on
    with CaptureQueriesContext(connection) as captured:
        reminders.send_reminders(day=due)
    statements = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    assert statements[0] == LOCK


@race
def test_a_second_run_waits_on_the_lock_until_the_first_commits_and_then_tells_nobody_again(
        drafter, reviewer, vnpt, mailoutbox):
    reviewer.email = "reviewer@example.vn"
    reviewer.save()
    due = in_review(by=drafter, partner=vnpt).review_requests.get().due_on
    mailoutbox.clear()  # the request itself, mailed when the sending committed
    first, second, sent, commit = [], [], threading.Event(), threading.Event()

    def first_server():
        with transaction.atomic():  # its run done but not yet committed: the lock is still held
            first.append(reminders.send_reminders(day=due))
            sent.set()
            commit.wait(10)

    one = _thread(first_server)
    assert sent.wait(10)
    two = _thread(lambda: second.append(reminders.send_reminders(day=due)))
    deadline = time.monotonic() + 10
    while not _waits_of_other_sessions() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _waits_of_other_sessions() == ["advisory"] and second == []
    commit.set()
    one.join(10)
    two.join(10)
    assert first == [{"review_due_soon": 1, "review_overdue": 0}]
    assert second == [{"review_due_soon": 0, "review_overdue": 0}]
    assert Notification.objects.filter(kind="review_due_soon").count() == 1
    assert [m.to for m in mailoutbox] == [["reviewer@example.vn"]]
