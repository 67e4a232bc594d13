"""The daily hand-back watch: obligations past their deadline told once (agreements.handback_watch). Idempotent."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from agreements import handback_watch
from core.commands import parse_day


class Command(BaseCommand):
    help = "Tell the receiving party and the drafters of hand-back obligations past their deadline (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--on", metavar="YYYY-MM-DD", type=parse_day, help="the day to check (default: today)")

    def handle(self, *args, on=None, **options):
        day = on or timezone.localdate()
        done = handback_watch.check_all(day=day)
        self.stdout.write(f"{day:%d/%m/%Y}: {done['overdue']} overdue, {done['told']} newly told.")
