"""Delete private files no row refers to: what an upload leaves when its transaction rolls back.

Files are written before their transaction commits (a file system has no rollback), so a failed
commit can leave one behind. Run this daily, beside watch_eligibility."""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from agreements import pdf_cache
from conditions.models import EvidenceFile
from partners.models import AuthorityDocument


class Command(BaseCommand):
    help = "Delete files in PRIVATE_MEDIA_ROOT that no row refers to (older than --min-age minutes)."

    def add_arguments(self, parser):
        parser.add_argument("--min-age", type=int, default=60, metavar="MINUTES",
                            help="spare younger files: their upload may still be committing (default 60)")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, min_age, dry_run, **options):
        root = Path(settings.PRIVATE_MEDIA_ROOT)
        known = set(EvidenceFile.objects.values_list("file", flat=True))
        known |= set(AuthorityDocument.objects.exclude(file="").values_list("file", flat=True))
        cutoff = time.time() - min_age * 60
        removed = 0
        cache = pdf_cache.folder()  # PDFs kept by fingerprint: no row refers to them, the cache bounds itself
        for path in (p for p in root.rglob("*") if p.is_file()) if root.exists() else ():
            if path.relative_to(root).as_posix() in known or path.stat().st_mtime > cutoff or cache in path.parents:
                continue
            removed += 1
            if not dry_run:
                path.unlink()
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(f"{verb} {removed} unreferenced file(s) under {root}")
