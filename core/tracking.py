"""Every change to domain data goes through these helpers, so history always says who and why."""


def tracked_save(obj, *, by, reason, **save_kwargs):
    normalise_line_endings(obj)
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


def changes(obj, values):
    """The items of `values` that differ from what `obj` holds, compared as stored (a related row by its
    key, text with "\n" line endings): a service saves only when there are some, so a form sent back as
    it was records no history row and no audit entry (issue 10, item 6)."""
    return {name: value for name, value in values.items()
            if getattr(obj, obj._meta.get_field(name).attname) != _as_stored_value(value)}


def _as_stored_value(value):
    return value.pk if hasattr(value, "_meta") else as_stored(value)


def normalise_line_endings(obj):
    """Text typed in a browser arrives with "\r\n": stored as "\n", a save that changes nothing else
    records no change of its own."""
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname, None)
        if isinstance(value, str) and "\r" in value:
            setattr(obj, field.attname, as_stored(value))


def as_stored(value):
    """A text value as it is kept: line endings normalised to "\n"."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value
