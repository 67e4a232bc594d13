"""The daily deployment watch: provinces at risk of abandonment flagged, cleared and told
(agreements.deployment_watch). Idempotent; run it after watch_eligibility, whose flags it reads."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from agreements import deployment_watch
from core.commands import parse_day


class Command(BaseCommand):
    help = ("Flag the provinces of signed minutes at risk of abandonment (report overdue, figures flat, partner "
            "no longer eligible) and clear the flags whose cause went (run daily, after watch_eligibility).")

    def add_arguments(self, parser):
        parser.add_argument("--on", metavar="YYYY-MM-DD", type=parse_day, help="the day to check (default: today)")

    def handle(self, *args, on=None, **options):
        day = on or timezone.localdate()
        done = deployment_watch.check_all(day=day)
        self.stdout.write(f"{day:%d/%m/%Y}: {done['raised']} raised, {done['cleared']} cleared, "
                          f"{done['notices']} notices sent.")
