"""Check the whole audit record (core.audit_check); exit status 1 naming the first broken link."""

import sys

from django.core.management.base import BaseCommand

from core import audit_check
from core.models import AuditEntry, AuditLink


class Command(BaseCommand):
    help = ("Walk the audit chain and the seals, compare each entry with the row it recorded, check the signed "
            "copies; name the first problem and exit with status 1 when there is one.")

    def add_arguments(self, parser):
        parser.add_argument("--seals", help="The seal file to check against (default: AUDIT_SEAL_FILE).")
        parser.add_argument("--all", action="store_true", help="List every problem, not only the first.")

    def handle(self, *args, seals=None, all=False, **options):
        found = 0
        for problem in audit_check.problems(seals):
            found += 1
            self.stderr.write(("Broken: " if found == 1 else "Also: ") + str(problem) + ".")
            if not all:
                break
        if found:
            sys.exit(1)
        self.stdout.write(f"The audit record holds: {AuditLink.objects.count()} links, "
                          f"{AuditEntry.objects.count()} entries.")
