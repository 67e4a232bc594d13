"""manage.py watch_eligibility runs the daily watch for the day given (today by default), and says what it did."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from agreements.models import EligibilityFlag
from conditions.models import Notice
from tests.agreements.eligibility_watching import EXPIRED_ON
from tests.factories import on_day

pytestmark = pytest.mark.django_db


def _run(*args):
    out = io.StringIO()
    call_command("watch_eligibility", *args, stdout=out)
    return out.getvalue()


def test_the_command_runs_the_watch_for_the_day_given(watched):
    assert _run("--on", "2026-07-01") == "01/07/2026: 1 flagged, 0 cleared, 1 notices sent.\n"
    assert EligibilityFlag.objects.get().raised_on == EXPIRED_ON
    assert list(Notice.objects.values_list("kind", flat=True)) == [Notice.Kind.EXPIRED]


def test_running_the_command_again_the_same_day_changes_nothing(watched):
    _run("--on", "2026-07-01")
    assert _run("--on", "2026-07-01") == "01/07/2026: 0 flagged, 0 cleared, 0 notices sent.\n"
    assert EligibilityFlag.objects.count() == 1


def test_without_a_day_the_command_watches_today(watched):
    with on_day(datetime.date(2026, 7, 5)):
        assert _run() == "05/07/2026: 1 flagged, 0 cleared, 1 notices sent.\n"
    assert EligibilityFlag.objects.get().raised_on == datetime.date(2026, 7, 5)


@pytest.mark.parametrize("day, message", [
    ("01/07/2026", "--on wants a date as YYYY-MM-DD, not '01/07/2026'."),
    ("9999-12-31", "--on wants a year between 1990 and 2100."),
])
def test_the_command_refuses_a_bad_date(db, day, message):
    with pytest.raises(CommandError, match=message):
        _run("--on", day)
    assert not EligibilityFlag.objects.exists()
