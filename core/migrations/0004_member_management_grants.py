"""Drafters and administrators manage the members of partner units."""

from django.db import migrations


def update_roles(apps, schema_editor):
    from core.roles import sync_groups

    sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_roles"), ("partners", "0002_tax_code_ascii_digits")]
    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
