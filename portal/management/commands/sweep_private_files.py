"""Delete private files no row refers to: what an upload leaves when its transaction rolls back.

Files are written before their transaction commits (neither a file system nor a bucket has a rollback), so a
failed commit can leave one behind. Run this daily, beside watch_eligibility, on one server: it walks the private
storage (core.storage), the directory or the bucket that every server shares."""

import datetime

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models
from django.utils import timezone

from agreements import pdf_cache
from core import storage


def referenced():
    """The name of every private file a row refers to: every file field kept in the private storage, of every
    model (evidence, authority documents, opinion letters, deployment reports, refusal requests, and whatever
    comes next), so that no new kind of file is swept for want of a line here."""
    names = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and field.storage is storage.private_storage:
                names |= set(model._default_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True))
    return names


class Command(BaseCommand):
    help = "Delete private files (evidence, authority documents, opinion letters, reports, …) that no row refers to."

    def add_arguments(self, parser):
        parser.add_argument("--min-age", type=int, default=60, metavar="MINUTES",
                            help="spare younger files: their upload may still be committing (default 60)")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, min_age, dry_run, **options):
        known = referenced()
        cutoff = timezone.now() - datetime.timedelta(minutes=min_age)
        removed = 0
        for name in storage.walk():
            # PDFs kept by fingerprint: no row refers to them, the cache bounds itself (on a file system it lives
            # in the same directory).
            if name in known or name.startswith(f"{pdf_cache.FOLDER}/"):
                continue
            modified = storage.modified_time(name)
            if modified is None or modified > cutoff:  # None: another server swept it meanwhile
                continue
            removed += 1
            if not dry_run:
                storage.private_storage.delete(name)
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(f"{verb} {removed} unreferenced file(s) under {storage.where()}")
