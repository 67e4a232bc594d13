"""Write the PDF of an agreement: the stored signed copy when there is one, else a draft."""

import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from agreements import pdf
from agreements.models import Agreement


def find(reference):
    """"15/BB-CNTT" (the latest year with that number), "15/BB-CNTT/2026", or a database id."""
    match = re.fullmatch(r"(\d+)/([^/\s]+)(?:/(\d{4}))?", reference.strip())
    if match:
        number, symbol, year = match.groups()
        found = Agreement.objects.filter(number=int(number), symbol=symbol)
        if year:
            found = found.filter(number_year=int(year))
        agreement = found.order_by("-number_year").first()
    elif reference.isascii() and reference.isdigit():
        agreement = Agreement.objects.filter(pk=int(reference)).first()
    else:
        raise CommandError("Give a number and symbol such as 15/BB-CNTT, or an agreement id.")
    if agreement is None:
        raise CommandError(f"No agreement {reference}.")
    return agreement


class Command(BaseCommand):
    help = "Write the minutes of an agreement as PDF: export_minutes NUMBER_OR_ID -o FILE"

    def add_arguments(self, parser):
        parser.add_argument("reference", help="15/BB-CNTT, 15/BB-CNTT/2026 or an id")
        parser.add_argument("-o", "--output", required=True, type=Path)

    def handle(self, *args, reference, output, **options):
        agreement = find(reference)
        copy = getattr(agreement, "signed_copy", None) if agreement.signed_on else None
        if copy is not None:
            data = bytes(copy.data)
        else:
            data = pdf.render_minutes(agreement, draft=True)
        output.write_bytes(data)
        kind = "signed copy" if copy is not None else "draft"
        self.stdout.write(f"{agreement}: {kind}, {len(data)} bytes written to {output}")
