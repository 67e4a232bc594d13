"""Who must prove a second factor, and where a signed-in person who has not proved it yet goes."""

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import roles


def required_for(user):
    """Every account must have a second factor but a partner user's, for whom it is optional: Ministry roles,
    auditors, administrators, staff and superusers, and (denied by default) an account with no role yet."""
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    return user.is_staff or user.is_superuser or roles.role_names(user) != {roles.PARTNER}


def has_second_factor(user):
    """A confirmed authenticator app; its recovery codes are made and removed with it."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def next_step(user):
    """For a signed-in person whose session has not proved a second factor: "verify" when they have one,
    "enrol" when they must have one, None when they may go on without."""
    if has_second_factor(user):
        return "verify"
    return "enrol" if required_for(user) else None
