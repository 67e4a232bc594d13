"""Signing in as the login page and the second-factor page would: the password step by force_login, the
second factor by a confirmed authenticator app whose id the session holds, as django_otp.login leaves it."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.second_factor.rules import required_for


def authenticator(user):
    """`user`'s confirmed authenticator app, set up if they have none (its codes: django_otp.oath.totp)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)


def recovery_code(user, code="abcd2345"):
    """One more recovery code for `user` (who then has an authenticator app too)."""
    authenticator(user)
    device, _created = StaticDevice.objects.get_or_create(user=user, defaults={"name": "recovery codes"})
    device.token_set.create(token=code)
    return code


def sign_in(client, user):
    """`client` signed in as `user`, the second factor proved when they must have one (or have one)."""
    client.force_login(user)
    fresh = type(user)._default_manager.get(pk=user.pk)  # core.roles caches a user's roles on the object
    if required_for(fresh) or TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
        session.save()
    return client
