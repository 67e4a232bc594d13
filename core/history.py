"""Every change to domain data goes through these helpers, so history always says who and why."""

from django.utils.translation import gettext as _


def tracked_save(obj, *, by, reason, **save_kwargs):
    obj._history_user = by
    obj._change_reason = str(reason)
    obj.save(**save_kwargs)
    return obj


def tracked_delete(obj, *, by, reason):
    obj._history_user = by
    obj._change_reason = str(reason)
    obj.delete()


def field_changes(new, old):
    """[(field verbose name, old value, new value)] between two historical records."""
    if old is None:
        return []
    delta = new.diff_against(old)
    rows = []
    for change in delta.changes:
        field = new.instance_type._meta.get_field(change.field)
        rows.append((field.verbose_name, _display(field, change.old), _display(field, change.new)))
    return rows


def _display(field, value):
    if value in (None, ""):
        return "—"
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y %H:%M") if hasattr(value, "hour") else value.strftime("%d/%m/%Y")
    return value
