"""Print each partner's eligibility verdict, as the web page shows it, for operators."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from conditions import eligibility
from conditions.models import ConditionSet
from core.commands import parse_day
from partners.models import Partner


class Command(BaseCommand):
    help = "Print eligibility verdicts: every partner, or one by --partner TAX_CODE, on a day (--on YYYY-MM-DD)."

    def add_arguments(self, parser):
        parser.add_argument("--partner", metavar="TAX_CODE")
        parser.add_argument("--on", metavar="YYYY-MM-DD", type=parse_day)

    def handle(self, *args, partner=None, on=None, **options):
        day = on or timezone.localdate()
        partners = Partner.objects.order_by("short_name")
        if partner:
            partners = partners.filter(tax_code=partner)
            if not partners.exists():
                raise CommandError(f"No partner unit has the tax code {partner}.")
        condition_set = ConditionSet.objects.in_force_on(day)
        if condition_set is None:
            raise CommandError(f"No published condition set is in force on {day:%d/%m/%Y}.")
        self.stdout.write(f"{condition_set} — {day:%d/%m/%Y}")
        for verdict in eligibility.verdicts(partners, condition_set, day).values():
            state = "ELIGIBLE" if verdict.eligible else "NOT ELIGIBLE"
            self.stdout.write(f"{verdict.partner.tax_code}  {verdict.partner.short_name}: {state}")
            for reason in verdict.reasons():
                self.stdout.write(f"    - {reason}")
            for standing in verdict.expiring:
                self.stdout.write(f"    ! {standing.condition.code} expires on {standing.valid.valid_until:%d/%m/%Y}")
