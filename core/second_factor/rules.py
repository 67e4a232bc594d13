"""Who must prove a second factor, and where a signed-in person who has not proved it yet goes."""

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import roles


def required_for(user):
    """A second factor is required of Ministry roles, auditors, administrators, staff and superusers; optional for
    partner users. An account with no role opens nothing (a former member gets 404 for its former unit's pages),
    so it is asked for nothing more either."""
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    return user.is_staff or user.is_superuser or bool(roles.role_names(user) - {roles.PARTNER})


def has_second_factor(user):
    """A confirmed authenticator app; its recovery codes are made and removed with it."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def next_step(user):
    """For a signed-in person whose session has not proved a second factor: "verify" when they have one,
    "enrol" when they must have one, None when they may go on without."""
    if has_second_factor(user):
        return "verify"
    return "enrol" if required_for(user) else None
