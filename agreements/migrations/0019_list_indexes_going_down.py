"""The agreement list's nullable sorts going down, empty values last (core.paging.ordering): an index each, on
PostgreSQL only (SQLite cannot index NULLS LAST; the demo's few rows sort without one)."""

from django.db import migrations

INDEXES = {
    "agreement_by_number_down": '"number_year" DESC NULLS LAST, "number" DESC NULLS LAST, "id" DESC',
    "agreement_by_term_end_down": '"term_end" DESC NULLS LAST, "id" DESC',
    "agreement_by_signing_down": '"signed_on" DESC NULLS LAST, "id" DESC',
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, columns in INDEXES.items():
            schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "agreements_agreement" ({columns})')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0018_private_storage'),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
