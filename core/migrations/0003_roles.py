"""Create the role groups of DOMAIN.md with their global permissions (core.roles.GRANTS)."""

from django.db import migrations


def create_roles(apps, schema_editor):
    from core.roles import sync_groups

    sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_load_provinces"),
        ("partners", "0001_initial"),
        ("conditions", "0001_initial"),
        ("agreements", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
