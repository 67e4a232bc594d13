"""The daily eligibility watch: flags, clears and notices (agreements.watch). Idempotent."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from agreements import watch


def _day(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--on wants a date as YYYY-MM-DD, not {text!r}.") from None


class Command(BaseCommand):
    help = "Flag signed agreements whose partner is no longer eligible and send expiry notices (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--on", metavar="YYYY-MM-DD", type=_day, help="the day to check (default: today)")

    def handle(self, *args, on=None, **options):
        day = on or timezone.localdate()
        done = watch.check_all(day=day)
        self.stdout.write(f"{day:%d/%m/%Y}: {done['flagged']} flagged, {done['cleared']} cleared, "
                          f"{done['notices']} notices sent.")
