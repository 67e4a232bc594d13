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
