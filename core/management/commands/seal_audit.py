"""Seal the audit chain's head (core.seals). Run at least daily, e.g. from cron:
    15 0 * * *  cd /srv/hssk && .venv/bin/python manage.py seal_audit"""

from django.core.management.base import BaseCommand

from core import seals


class Command(BaseCommand):
    help = "Chain waiting audit entries, then seal the head with DJANGO_AUDIT_SEAL_KEY to the seal file and auditors."

    def handle(self, *args, **options):
        entry = seals.seal()
        if entry is None:
            self.stdout.write("The audit chain is empty: nothing to seal.")
        else:
            self.stdout.write(f"Sealed link {entry['link']} ({entry['hash']}) in {seals.seal_file()}.")
