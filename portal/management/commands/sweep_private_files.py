"""Delete private files no row refers to: what an upload leaves when its transaction rolls back.

Files are written before their transaction commits (neither a file system nor a bucket has a rollback), so a
failed commit can leave one behind. Run this daily, beside watch_eligibility, on one server: it walks the private
storage (core.storage), the directory or the bucket that every server shares."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from agreements import pdf_cache
from agreements.models import Opinion
from conditions.models import EvidenceFile
from core import storage
from partners.models import AuthorityDocument


class Command(BaseCommand):
    help = "Delete private files (evidence, authority documents, opinion letters) that no row refers to."

    def add_arguments(self, parser):
        parser.add_argument("--min-age", type=int, default=60, metavar="MINUTES",
                            help="spare younger files: their upload may still be committing (default 60)")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, min_age, dry_run, **options):
        known = set(EvidenceFile.objects.values_list("file", flat=True))
        known |= set(AuthorityDocument.objects.exclude(file="").values_list("file", flat=True))
        known |= set(Opinion.objects.exclude(letter="").values_list("letter", flat=True))
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
