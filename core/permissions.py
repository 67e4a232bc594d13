"""Asking whether a user's roles grant a permission. Every app's permissions module asks here.

`user.has_perm()` says yes to a superuser for everything. In this application a superuser may do
only what its roles grant, like everyone else: the rules about who drafts, signs and assesses are
not waived for an account that also configures the system (the admin site is where that counts)."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from core.exceptions import NotPermitted


def has_grant(user, perm):
    """True when the user's roles or own permissions include `perm` ("app_label.codename")."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not hasattr(user, "_granted_perms"):  # one query per user object, as Django caches its own
        # Two small subqueries on the user's id, not an OR over joins of every user's groups: this runs
        # on every page, and must not grow with the number of users (issue 12).
        through_groups = Group.permissions.through.objects.filter(group__user=user).values("permission_id")
        own = Permission.user_set.through.objects.filter(user=user).values("permission_id")
        rows = (Permission.objects.filter(Q(pk__in=through_groups) | Q(pk__in=own))
                .values_list("content_type__app_label", "codename").distinct())
        user._granted_perms = frozenset(f"{app}.{codename}" for app, codename in rows)
    return perm in user._granted_perms


def require(allowed, message):
    """Raise NotPermitted, saying why, unless `allowed`; services call this before they change anything."""
    if not allowed:
        raise NotPermitted(message)


def can_view_history(user):
    return has_grant(user, "core.view_history")


def can_view_audit_record(user):
    return has_grant(user, "core.view_audit_record")


def can_view_downloads(user):
    return has_grant(user, "core.view_downloadrecord")
