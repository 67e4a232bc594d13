"""The history page of an object and the records that hang off it: who changed which field from
what to what, in full, and why. A fixed number of queries: one per tracked model, one per related model."""

from collections import defaultdict
from itertools import groupby

from django.utils.translation import gettext_lazy as _

from core import changes as shown_changes
from core.naming import own_label, owned

HISTORY_TYPES = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}


def field_changes(new, old):
    """[(field, old value, new value)] between two historical records of one object.

    Our own comparison rather than diff_against(), which skips non-editable fields such as
    an agreement's status: the very changes an auditor most wants to see."""
    if old is None:
        return []
    changes = []
    for field in new.instance_type._meta.concrete_fields:
        if not shown_changes.shown(field):
            continue
        before, after = getattr(old, field.attname), getattr(new, field.attname)
        if before != after:
            changes.append((field, before, after))
    return changes


def history_entries(*querysets, owner):
    """Merge historical querysets into one timeline, newest first, each with its field changes; every
    row is named under `owner`, the agreement or partner whose page this is (core.naming)."""
    entries = []
    for queryset in querysets:
        records = list(queryset.select_related("history_user").order_by("id", "history_date", "history_id"))
        for _pk, group in groupby(records, key=lambda r: r.id):
            previous = None
            for record in group:
                entries.append({
                    "record": record,
                    "model": record.instance_type._meta.verbose_name,
                    "is_owner": isinstance(owner, record.instance_type) and record.id == owner.pk,
                    "object": own_label(record),
                    "action": HISTORY_TYPES[record.history_type],
                    "changes": field_changes(record, previous) if record.history_type == "~" else [],
                    "user": record.history_user,
                    "when": record.history_date,
                    "reason": record.history_change_reason or "",
                })
                previous = record
    _display_values(entries)
    _without_repeated_moves(entries)
    _name_by_relation(entries)
    for entry in entries:
        entry["name"] = (owned(owner, entry["model"]) if entry["is_owner"]
                         else owned(owner, entry["model"], entry["object"]))
    entries.sort(key=lambda e: (e["when"], e["record"].history_id), reverse=True)
    return entries


def _display_values(entries):
    """Replace raw values by what a reader understands (core.changes): every value in full."""
    described = shown_changes.describe([entry["changes"] for entry in entries])
    for entry, changes in zip(entries, described, strict=True):
        entry["changes"] = changes


def _without_repeated_moves(entries):
    """Hide a reason that only repeats a move shown in the changes column ("Draft → In review"): the
    lifecycle wrote one when no reason was given until issue 14, and such rows stay in the history."""
    moves = {f"{change.old} → {change.new}" for entry in entries for change in entry["changes"]}
    for entry in entries:
        if entry["reason"] in moves:
            entry["reason"] = ""


# Rows with no name of their own are named after what they point to.
NAMING_RELATIONS = ("province", "department", "user")


def _name_by_relation(entries):
    wanted = defaultdict(set)
    for entry in entries:
        for name in NAMING_RELATIONS:
            if getattr(entry["record"], f"{name}_id", None) is not None:
                model = entry["record"].instance_type._meta.get_field(name).related_model
                wanted[model].add(getattr(entry["record"], f"{name}_id"))
                break
    found = {model: model._base_manager.in_bulk(ids) for model, ids in wanted.items()}
    for entry in entries:
        for name in NAMING_RELATIONS:
            value = getattr(entry["record"], f"{name}_id", None)
            if value is not None:
                model = entry["record"].instance_type._meta.get_field(name).related_model
                entry["object"] = str(found[model].get(value, entry["object"]))
                break
