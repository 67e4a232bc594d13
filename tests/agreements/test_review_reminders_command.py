"""manage.py send_review_reminders runs the daily reminders for the day given (today by default), says
how many were told, and tells nobody twice however often it runs."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from core.models import Notification
from tests.factories import in_review, on_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(drafter, reviewer, vnpt):
    """VNPT's minutes in review, KHĐT's opinion due on the day returned; the drafter and the reviewer
    have addresses."""
    for user in (drafter, reviewer):
        user.email = f"{user.username}@example.vn"
        user.save()
    return in_review(by=drafter, partner=vnpt).review_requests.get().due_on


def _run(capture, *args):
    out = io.StringIO()
    with capture(execute=True):
        call_command("send_review_reminders", *args, stdout=out)
    return out.getvalue()


def test_the_command_reminds_for_the_day_given(due, django_capture_on_commit_callbacks, mailoutbox):
    day = due - datetime.timedelta(days=2)
    assert _run(django_capture_on_commit_callbacks, "--date", f"{day:%d/%m/%Y}") == (
        f"{day:%d/%m/%Y}: 1 told of opinions due within 3 days, 0 of overdue opinions.\n")
    assert [m.to for m in mailoutbox] == [["reviewer@example.vn"]]


def test_running_it_twice_the_same_day_and_the_next_sends_each_reminder_once(
        due, django_capture_on_commit_callbacks, mailoutbox):
    soon, late = f"{due - datetime.timedelta(days=1):%d/%m/%Y}", f"{due + datetime.timedelta(days=1):%d/%m/%Y}"
    outputs = [_run(django_capture_on_commit_callbacks, "--date", day) for day in (soon, soon, late, late)]
    assert outputs == [f"{soon}: 1 told of opinions due within 3 days, 0 of overdue opinions.\n",
                       f"{soon}: 0 told of opinions due within 3 days, 0 of overdue opinions.\n",
                       f"{late}: 0 told of opinions due within 3 days, 2 of overdue opinions.\n",
                       f"{late}: 0 told of opinions due within 3 days, 0 of overdue opinions.\n"]
    assert sorted(m.to[0] for m in mailoutbox) == ["drafter@example.vn", "reviewer@example.vn", "reviewer@example.vn"]
    assert sorted(Notification.objects.filter(kind__in=["review_due_soon", "review_overdue"])
                  .values_list("user__username", "kind")) == [
        ("drafter", "review_overdue"), ("reviewer", "review_due_soon"), ("reviewer", "review_overdue")]


def test_without_a_date_the_command_reminds_for_today(due, django_capture_on_commit_callbacks):
    today = due + datetime.timedelta(days=5)
    with on_day(today):
        output = _run(django_capture_on_commit_callbacks)
    assert output == f"{today:%d/%m/%Y}: 0 told of opinions due within 3 days, 2 of overdue opinions.\n"
    assert Notification.objects.filter(kind="review_overdue").count() == 2


@pytest.mark.parametrize("day, message", [
    ("2026-07-01", "--date wants a date as dd/mm/yyyy, not '2026-07-01'."),
    ("31/02/2026", "--date wants a date as dd/mm/yyyy, not '31/02/2026'."),
    ("31/12/9999", "--date wants a year between 1990 and 2100."),
])
def test_the_command_refuses_a_bad_date(db, day, message):
    with pytest.raises(CommandError, match=message):
        call_command("send_review_reminders", "--date", day, stdout=io.StringIO())
    assert not Notification.objects.exists()
