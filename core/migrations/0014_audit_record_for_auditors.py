"""The whole audit record (everyone's logins, addresses, downloads and grants) is the auditors' to read;
staff who may read an object's history keep that."""

from django.db import migrations


def update_roles(apps, schema_editor):
    from core.roles import sync_groups

    sync_groups(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0013_audit_record'),
        ('agreements', '0012_verbose_names_of_parents'),
        ('conditions', '0006_verbose_names_of_parents'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='auditentry',
            options={'ordering': ['-id'], 'permissions': [('view_audit_record', 'Can read the whole audit record')], 'verbose_name': 'audit entry', 'verbose_name_plural': 'audit entries'},
        ),
        migrations.RunPython(update_roles, migrations.RunPython.noop),
    ]
