"""The history page of an object and the records that hang off it: who changed which
field from what to what, and why. One query per tracked model, whatever the length."""

from itertools import groupby

from core.history import field_changes


def history_entries(*querysets, labels=None):
    """Merge historical querysets into one timeline, newest first, each with its field changes."""
    entries = []
    for queryset in querysets:
        records = list(queryset.select_related("history_user").order_by("id", "history_date", "history_id"))
        for _pk, group in groupby(records, key=lambda r: r.id):
            previous = None
            for record in group:
                entries.append({
                    "record": record,
                    "model": record.instance_type._meta.verbose_name,
                    "object": _label(record),
                    "action": record.get_history_type_display(),
                    "changes": field_changes(record, previous) if record.history_type == "~" else [],
                    "user": record.history_user,
                    "when": record.history_date,
                    "reason": record.history_change_reason or "",
                })
                previous = record
    entries.sort(key=lambda e: (e["when"], e["record"].history_id), reverse=True)
    return entries


def _label(record):
    for name in ("short_name", "heading", "citation", "number", "code"):
        value = getattr(record, name, None)
        if value:
            return str(value)[:80]
    return f"#{record.id}"
