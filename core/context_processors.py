from core import roles as role_defs
from core.second_factor.rules import required_for


def roles(request):
    """The roles shown beside the user's name, and whether the session has yet to prove a second factor it
    needs (the menu of pages it cannot open yet is not shown)."""
    user = getattr(request, "user", None)
    names = role_defs.role_names(user) if user is not None else frozenset()
    pending = bool(user is not None and user.is_authenticated and hasattr(user, "is_verified")
                   and not user.is_verified() and required_for(user))
    return {
        "user_role_labels": [role_defs.LABELS[n] for n in sorted(names) if n in role_defs.LABELS],
        "second_factor_pending": pending,
    }
