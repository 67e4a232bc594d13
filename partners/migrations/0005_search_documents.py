from django.db import migrations


def write(apps, schema_editor):
    from partners import search

    search.rebuild(apps)


class Migration(migrations.Migration):
    dependencies = [("partners", "0004_authority_document_size"), ("core", "0017_search_documents")]

    operations = [migrations.RunPython(write, migrations.RunPython.noop)]
