"""Helpers shared by management commands."""

import datetime

from django.core.management.base import CommandError


def parse_day(text):
    """A --on argument: a date as YYYY-MM-DD, or a clear error."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--on wants a date as YYYY-MM-DD, not {text!r}.") from None
