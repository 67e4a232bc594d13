from django.db import migrations


def write(apps, schema_editor):
    from agreements import search

    search.rebuild(apps)


class Migration(migrations.Migration):
    dependencies = [("agreements", "0014_bounded_clause_texts"), ("partners", "0005_search_documents"),
                    ("core", "0017_search_documents")]

    operations = [migrations.RunPython(write, migrations.RunPython.noop)]
