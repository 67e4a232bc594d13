"""The daily reminders of opinions due within 3 days or overdue (agreements.reminders). Idempotent."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from agreements import reminders
from core.dates import EARLIEST_YEAR, LATEST_YEAR


def parse_date(text):
    """A --date argument: dd/mm/yyyy, the way dates are written everywhere in the application."""
    try:
        day = datetime.datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        raise CommandError(f"--date wants a date as dd/mm/yyyy, not {text!r}.") from None
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise CommandError(f"--date wants a year between {EARLIEST_YEAR} and {LATEST_YEAR}.")
    return day


class Command(BaseCommand):
    help = "Remind addressees of opinions due within 3 days or overdue, and the drafters of overdue ones (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--date", metavar="DD/MM/YYYY", type=parse_date,
                            help="the day to remind for (default: today)")

    def handle(self, *args, date=None, **options):
        day = date or timezone.localdate()
        told = reminders.send_reminders(day=day)
        self.stdout.write(f"{day:%d/%m/%Y}: {told['review_due_soon']} told of opinions due within 3 days, "
                          f"{told['review_overdue']} of overdue opinions.")
