"""Reviewers and partner users record opinions; the drafter no longer records signings (separation of
duties: whoever drafts the minutes does not sign them off)."""

from django.db import migrations


def update_roles(apps, schema_editor):
    from core.roles import sync_groups

    sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0011_review_round"),
        ("agreements", "0007_review_round"),
    ]
    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
