"""The events Django and its libraries report by signal, written to the audit record: history rows,
logins, logouts, failed logins, and every change of a person's groups, a group's permissions or an
object permission (django-guardian's tables included)."""

from django.apps import apps
from django.contrib.auth import get_user_model, user_logged_in, user_logged_out, user_login_failed
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from simple_history.signals import post_create_historical_record

from core import audit


def connect():
    post_create_historical_record.connect(audit.record_history, dispatch_uid="audit.history")
    user_logged_in.connect(_logged_in, dispatch_uid="audit.login")
    user_logged_out.connect(_logged_out, dispatch_uid="audit.logout")
    user_login_failed.connect(_login_failed, dispatch_uid="audit.login_failed")
    user_model = get_user_model()
    pre_save.connect(_account_flags_changing, sender=user_model, dispatch_uid="audit.account_flags")
    post_save.connect(_account_flags_changed, sender=user_model, dispatch_uid="audit.account_flags_saved")
    pre_delete.connect(_grants_going, sender=user_model, dispatch_uid="audit.user_deleted")
    pre_delete.connect(_grants_going, sender=Group, dispatch_uid="audit.group_deleted")
    for through in (user_model.groups.through, user_model.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(_membership_changed, sender=through, dispatch_uid=f"audit.m2m.{through._meta.label}")
    from guardian.models.models import BaseObjectPermission

    for model in apps.get_models():
        if issubclass(model, BaseObjectPermission):
            post_save.connect(_object_permission_saved, sender=model, dispatch_uid=f"audit.grant.{model._meta.label}")
            post_delete.connect(_object_permission_deleted, sender=model,
                                dispatch_uid=f"audit.revoke.{model._meta.label}")


# An account's flags that give or take away power over the whole system.
ACCOUNT_FLAGS = ("is_superuser", "is_staff", "is_active")


def _account_flags_changing(sender, instance, update_fields=None, **kwargs):
    """Note the flags as stored before a save that may change them (a login's last_login save may not)."""
    if instance.pk is None or (update_fields is not None and not set(update_fields) & set(ACCOUNT_FLAGS)):
        instance._audit_flags_before = None
        return
    instance._audit_flags_before = sender._default_manager.filter(pk=instance.pk).values(*ACCOUNT_FLAGS).first()


def _account_flags_changed(sender, instance, created, **kwargs):
    before = None if created else getattr(instance, "_audit_flags_before", None)
    if not created and before is None:
        return
    changed = {name: [before[name] if before else None, getattr(instance, name)] for name in ACCOUNT_FLAGS
               if (before[name] if before else False) != getattr(instance, name)}
    if changed:
        audit.record("permission", actor_id=audit.current_user_id(), model=instance._meta.label_lower,
                     object_id=instance.pk, label=instance.get_username(),
                     payload={"action": "account", "of": instance.get_username(), "flags": changed})


def _grants_going(sender, instance, **kwargs):
    """A person or a group deleted takes its memberships and permissions with it, past m2m_changed."""
    user_model = get_user_model()
    if isinstance(instance, Group):
        items = {"members": sorted(instance.user_set.values_list(user_model.USERNAME_FIELD, flat=True)),
                 "permissions": sorted(instance.permissions.values_list("codename", flat=True))}
    else:
        items = {"groups": sorted(instance.groups.values_list("name", flat=True)),
                 "permissions": sorted(instance.user_permissions.values_list("codename", flat=True))}
    audit.record("permission", actor_id=audit.current_user_id(), model=instance._meta.label_lower,
                 object_id=instance.pk, label=str(instance),
                 payload={"action": "revoked", "of": str(instance), "deleted": True,
                          "items": [f"{kind}: {name}" for kind, names in items.items() for name in names]})


def _logged_in(sender, request, user, **kwargs):
    audit.record("login", actor_id=user.pk, model=user._meta.label_lower, object_id=user.pk,
                 label=user.get_username(), payload={"ip": audit.client_address(request)})


def _logged_out(sender, request, user, **kwargs):
    if user is None:
        return
    audit.record("logout", actor_id=user.pk, model=user._meta.label_lower, object_id=user.pk,
                 label=user.get_username(), payload={"ip": audit.client_address(request)})


def _login_failed(sender, credentials, request=None, **kwargs):
    """The name tried (never the password) and where from; the person, when the name is one; whether it was
    refused unchecked because that name and address were cooling off (core.lockout)."""
    user_model = get_user_model()
    username = str(credentials.get(user_model.USERNAME_FIELD, credentials.get("username", "")))[:150]
    user_id = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).values_list(
        "pk", flat=True).first()
    payload = {"username": username, "ip": audit.client_address(request)}
    if getattr(request, "login_locked_out", False):
        payload["locked_out"] = True
    audit.record("login_failed", actor_id=user_id, model=user_model._meta.label_lower, object_id=user_id,
                 label=username, payload=payload)


M2M_ACTIONS = {"post_add": "granted", "post_remove": "revoked", "pre_clear": "revoked"}


def _membership_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A person's groups or permissions, or a group's permissions, changed from either side."""
    if action not in M2M_ACTIONS:
        return
    if action == "pre_clear":
        pk_set = _linked(sender, instance, model)
    if not pk_set:
        return
    others = {str(pk): str(obj) for pk, obj in model._default_manager.in_bulk(pk_set).items()}
    audit.record("permission", actor_id=audit.current_user_id(), model=instance._meta.label_lower,
                 object_id=instance.pk, label=str(instance),
                 payload={"action": M2M_ACTIONS[action], "relation": sender._meta.label_lower,
                          "of": str(instance), "items": [others.get(str(pk), pk) for pk in sorted(pk_set)]})


def _linked(through, instance, model):
    """The ids of `model` the through table links to `instance` (before a clear empties it)."""
    own = next(f for f in through._meta.fields if f.is_relation and isinstance(instance, f.related_model))
    other = next(f for f in through._meta.fields if f.is_relation and f.related_model is model and f is not own)
    return set(through._default_manager.filter(**{own.attname: instance.pk}).values_list(other.attname, flat=True))


def _object_permission_saved(sender, instance, created, **kwargs):
    if created:
        _object_permission(instance, "granted")


def _object_permission_deleted(sender, instance, **kwargs):
    _object_permission(instance, "revoked")


def _object_permission(grant, action):
    """One object permission given to or taken from a person or a group."""
    target = grant.content_object
    holder = getattr(grant, "user", None) or getattr(grant, "group", None)
    partner_id, agreement_id = audit.scope_of(target) if target is not None else (None, None)
    audit.record("permission", actor_id=audit.current_user_id(), model=target._meta.label_lower if target else "",
                 object_id=getattr(target, "pk", None), partner_id=partner_id, agreement_id=agreement_id,
                 label=str(target) if target is not None else "",
                 payload={"action": action, "permission": grant.permission.codename,
                          "holder": f"{holder._meta.model_name}:{holder.pk}", "holder_name": str(holder)})
