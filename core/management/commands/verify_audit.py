"""Walk the audit chain and name the first broken link; exit status 1 when one is found."""

import sys

from django.apps import apps
from django.core.management.base import BaseCommand

from core import audit
from core.models import AuditEntry


class Command(BaseCommand):
    help = "Check the audit chain: each link's hash, and each history row against the link that recorded it."

    def handle(self, *args, **options):
        entries = AuditEntry.objects.order_by("id").iterator(chunk_size=2000)
        count = AuditEntry.objects.count()
        for entry, problem in audit.broken_links(entries, apps.get_model):
            self.stderr.write(f"Broken at entry {entry.pk} ({entry.target}, {entry.at:%d/%m/%Y %H:%M:%S}): {problem}.")
            sys.exit(1)
        self.stdout.write(f"The audit chain holds: {count} entries.")
