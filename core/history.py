"""Every change to domain data goes through these helpers, so history always says who and why."""


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
    """[(field, old value, new value)] between two historical records of one object.

    Our own comparison rather than diff_against(), which skips non-editable fields such as
    an agreement's status: the very changes an auditor most wants to see."""
    if old is None:
        return []
    changes = []
    for field in new.instance_type._meta.concrete_fields:
        if field.primary_key or getattr(field, "auto_now", False):
            continue
        before, after = getattr(old, field.attname), getattr(new, field.attname)
        if before != after:
            changes.append((field, before, after))
    return changes
