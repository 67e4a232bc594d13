from core import roles as role_defs


def roles(request):
    """The roles shown beside the user's name."""
    user = getattr(request, "user", None)
    names = role_defs.role_names(user) if user is not None else frozenset()
    return {
        "user_role_labels": [role_defs.LABELS[n] for n in sorted(names) if n in role_defs.LABELS],
    }
