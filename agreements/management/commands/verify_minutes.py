"""Say whether a PDF file is a genuine signed copy of minutes kept by the system."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from agreements import selectors


class Command(BaseCommand):
    help = "Check a PDF against the signed copies: verify_minutes FILE (exit status 1 when not genuine)"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        if not file.is_file():
            raise CommandError(f"No file {file}.")
        copy = selectors.signed_copy_by_bytes(file.read_bytes())
        if copy is None:
            raise CommandError(f"NOT GENUINE: {file} matches no signed minutes kept by the system.")
        agreement = copy.agreement
        self.stdout.write(f"GENUINE: {agreement.number_and_symbol}, {agreement.partner.legal_name}, "
                          f"signed on {agreement.signed_on:%d/%m/%Y}, status {agreement.get_status_display()}.")
