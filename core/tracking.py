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


def only(values, allowed):
    """`values` when every key is a field in `allowed`; a TypeError naming the others. A service that
    takes fields by name uses it, so no caller can set a status or a signing detail through it."""
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"fields not allowed here: {', '.join(sorted(unknown))}")
    return values
