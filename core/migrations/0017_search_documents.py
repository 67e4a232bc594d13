from django.db import migrations, models

# On PostgreSQL, "contains" over the folded documents is served by a trigram index. pg_trgm is a trusted
# extension (PostgreSQL 13+): the database's owner may create it; SQLite (the demo) scans, which is enough there.
TRIGRAMS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX search_document_text_trgm ON core_searchdocument USING gin (text gin_trgm_ops)",
]
NO_TRIGRAMS = ["DROP INDEX IF EXISTS search_document_text_trgm"]


def on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0016_rate_counts'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('model', models.CharField(max_length=60)),
                ('object_id', models.BigIntegerField()),
                ('text', models.TextField()),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('model', 'object_id'), name='search_document_one_per_object')],
            },
        ),
        migrations.RunPython(on_postgresql(TRIGRAMS), on_postgresql(NO_TRIGRAMS)),
    ]
