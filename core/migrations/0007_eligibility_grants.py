"""Assessors manage the catalogue and assess evidence; partners submit it; staff read it."""

from django.db import migrations


def update_roles(apps, schema_editor):
    from core.roles import sync_groups

    sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_downloadrecord"),
        ("conditions", "0002_conditionset_superseded_on_and_more"),
        ("agreements", "0003_historicaleligibilityflag_eligibilityflag"),
    ]
    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
