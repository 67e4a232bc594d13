from django.db import migrations


def told_as_cancelled(apps, schema_editor):
    """Notices of cancelled minutes were notices of termination with a `cancelled` flag. A notice is rendered
    again each time it is read, and only notices/agreement_cancelled.txt tells a cancellation now: they become
    notices of that kind."""
    Notification = apps.get_model("core", "Notification")
    for notice in Notification.objects.filter(kind="agreement_terminated", params__cancelled=True):
        params = {name: value for name, value in notice.params.items() if name not in ("cancelled", "reason")}
        params["cancelled_on"] = params.pop("terminated_on", "")
        notice.kind, notice.params = "agreement_cancelled", params
        notice.key = notice.key.replace("terminated:", "cancelled:", 1)
        notice.save(update_fields=["kind", "params", "key"])


def told_as_terminated(apps, schema_editor):
    Notification = apps.get_model("core", "Notification")
    for notice in Notification.objects.filter(kind="agreement_cancelled"):
        params = {name: value for name, value in notice.params.items() if name != "cancelled_on"}
        params.update(terminated_on=notice.params.get("cancelled_on", ""), cancelled=True,
                      reason="Cancelled before signing")
        notice.kind, notice.params = "agreement_terminated", params
        notice.save(update_fields=["kind", "params"])


class Migration(migrations.Migration):

    dependencies = [
        ("agreements", "0022_refusal_requests"),
        ("core", "0011_review_round"),
    ]

    operations = [
        migrations.RunPython(told_as_cancelled, told_as_terminated),
    ]
