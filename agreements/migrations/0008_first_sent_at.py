"""Agreements sent before this change: their first sending is the first move to review."""

from django.db import migrations


def first_sent(apps, schema_editor):
    Agreement = apps.get_model("agreements", "Agreement")
    StatusChange = apps.get_model("agreements", "StatusChange")
    for agreement in Agreement.objects.filter(first_sent_at__isnull=True):
        move = StatusChange.objects.filter(agreement=agreement, to_status="review").order_by("at").first()
        if move is not None:
            agreement.first_sent_at = move.at
            agreement.save(update_fields=["first_sent_at"])


class Migration(migrations.Migration):
    dependencies = [("agreements", "0007_review_round")]
    operations = [migrations.RunPython(first_sent, migrations.RunPython.noop)]
