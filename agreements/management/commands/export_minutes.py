"""Write the PDF of an agreement: the stored signed copy when there is one, else a draft."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from agreements import selectors
from core.models import DownloadRecord


class Command(BaseCommand):
    help = "Write the minutes of an agreement as PDF: export_minutes NUMBER_OR_ID -o FILE"

    def add_arguments(self, parser):
        parser.add_argument("reference", help="15/BB-CNTT, 15/BB-CNTT/2026 or an id")
        parser.add_argument("-o", "--output", required=True, type=Path)

    def handle(self, *args, reference, output, **options):
        try:
            agreement = selectors.find_by_reference(reference)
        except ValueError:
            raise CommandError("Give a number and symbol such as 15/BB-CNTT, or an agreement id.") from None
        if agreement is None:
            raise CommandError(f"No agreement {reference}.")
        data, _filename, what = selectors.minutes_file(agreement)
        output.write_bytes(data)
        kind = "signed copy" if what == DownloadRecord.What.SIGNED_MINUTES else "draft"
        self.stdout.write(f"{agreement}: {kind}, {len(data)} bytes written to {output}")
