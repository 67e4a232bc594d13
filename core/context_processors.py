from core import roles as role_defs


def roles(request):
    """Which menus to show. Pages still check every permission on the server."""
    user = getattr(request, "user", None)
    names = role_defs.role_names(user) if user is not None else frozenset()
    return {
        "user_roles": names,
        "user_role_labels": [role_defs.LABELS[n] for n in sorted(names) if n in role_defs.LABELS],
    }
