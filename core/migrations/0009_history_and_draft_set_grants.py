"""Reading history is core's permission now (no app needs another's to show a history page); Ministry
staff who read everything may read draft condition sets. The old agreements.view_history goes."""

from django.db import migrations


def update_roles(apps, schema_editor):
    from core.roles import sync_groups

    sync_groups(apps)
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="agreements", codename="view_history").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_view_history_in_core"),
        ("conditions", "0004_view_draft_conditionset"),
        ("agreements", "0006_drafting_rules_on_the_model"),
    ]
    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
