"""Helpers shared by management commands."""

import datetime

from django.core.management.base import CommandError

from core.dates import EARLIEST_YEAR, LATEST_YEAR


def parse_day(text):
    """A --on argument: a date as YYYY-MM-DD, or a clear error."""
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--on wants a date as YYYY-MM-DD, not {text!r}.") from None
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise CommandError(f"--on wants a year between {EARLIEST_YEAR} and {LATEST_YEAR}.")
    return day
