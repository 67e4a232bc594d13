"""The daily eligibility watch: flags, clears and notices (agreements.eligibility_watch). Idempotent."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from agreements import eligibility_watch
from core.commands import parse_day


class Command(BaseCommand):
    help = "Flag signed agreements whose partner is no longer eligible and send expiry notices (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--on", metavar="YYYY-MM-DD", type=parse_day, help="the day to check (default: today)")

    def handle(self, *args, on=None, **options):
        day = on or timezone.localdate()
        done = eligibility_watch.check_all(day=day)
        self.stdout.write(f"{day:%d/%m/%Y}: {done['flagged']} flagged, {done['cleared']} cleared, "
                          f"{done['notices']} notices sent.")
