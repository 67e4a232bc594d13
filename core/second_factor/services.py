"""Setting up, proving, renewing and resetting a second factor. Every check of a code goes through a device's
own verify_token(), so django-otp's throttling (ThrottlingMixin: after n wrong codes in a row, the device
refuses any code for 2^(n-1) seconds) and its refusal of a TOTP code already used both hold. Setting up,
recovery codes used or renewed, resets and wrong codes are written to the audit record."""

import base64

import segno
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import audit
from core.exceptions import NotPermitted, Refused
from core.second_factor.rules import required_for

RECOVERY_CODES = 10
APP = "authenticator app"  # the devices' names, shown to administrators in the audit record
CODES = "recovery codes"


def pending_device(user):
    """The authenticator app being set up: made unconfirmed on the first visit, the same key until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    return device or TOTPDevice.objects.create(user=user, name=APP, confirmed=False)


def qr_svg(device):
    """The device's otpauth:// address as an inline SVG QR code, drawn here: the key never leaves the server."""
    # omitsize: a viewBox and no fixed size, so the stylesheet scales the whole code (quiet zone included).
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, omitsize=True, title=_("QR code for your authenticator app"))


def secret_text(device):
    """The key as an app asks for it when typed by hand: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode()
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


def device_confirm(*, request, token):
    """Confirm the signed-in user's pending authenticator app with its first code: the session is verified and
    the new recovery codes are returned, to be shown once. Refused when the code is wrong."""
    user = request.user
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("id").first()
        if device is None or TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            raise Refused(_("There is no authenticator app being set up: start again."))
        refusal = _check(device, token, request)
        if refusal is None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = _new_codes(user)
            _record_account(user, by=user, action="second_factor_enrolled", items=[APP, CODES])
    # Outside the transaction: a wrong code still counts towards the device's throttle.
    if refusal:
        raise Refused(refusal)
    _verified(request, device)
    return codes


def code_check(*, request, code):
    """Prove the signed-in user's second factor with a code of their app or one recovery code, used up:
    the session is verified. Refused when the code is wrong or the device waits after wrong codes."""
    user = request.user
    code = "".join(code.split()).replace("-", "").lower()
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    with transaction.atomic():
        device = model.objects.select_for_update().filter(user=user, confirmed=True).order_by("id").first()
        refusal = _check(device, code, request)
        if refusal is None and model is StaticDevice:
            audit.record("login", actor_id=user.pk, model=user._meta.label_lower, object_id=user.pk,
                         label=user.get_username(),
                         payload={"ip": audit.client_address(request), "second_factor": "recovery_code",
                                  "recovery_codes_left": device.token_set.count()})
    if refusal:
        raise Refused(refusal)
    _verified(request, device)
    return device


@transaction.atomic
def recovery_codes_renew(*, user, by):
    """Replace `user`'s recovery codes with new ones, returned to be shown once."""
    if by.pk != user.pk:
        raise NotPermitted(_("Only the holder renews their recovery codes."))
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise Refused(_("Set up an authenticator app first."))
    codes = _new_codes(user)
    _record_account(user, by=by, action="recovery_codes_renewed", items=[CODES])
    return codes


@transaction.atomic
def second_factor_reset(*, user, by):
    """Remove `user`'s authenticator app and recovery codes: an administrator's act for someone who lost
    theirs (who sets up a new one at their next login), or a partner user's for their own optional one."""
    if not (by.has_perm("auth.change_user") or (by.pk == user.pk and not required_for(user))):
        raise NotPermitted(_("Only an administrator resets a second factor that is required."))
    removed = sorted({device.name for model in (TOTPDevice, StaticDevice)
                      for device in model.objects.select_for_update().filter(user=user)})
    # Devices are not history-tracked: the audit entry below is their record.
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).delete()
    _record_account(user, by=by, action="second_factor_reset", items=removed)
    return removed


def _check(device, token, request):
    """None when `device` accepts `token`, else why not; a wrong code, and any code tried while the device waits
    after wrong ones, is also written to the audit record."""
    refusal, why = None, "wrong_code"
    if device is not None:
        allowed, details = device.verify_is_allowed()
        if not allowed:
            refusal, why = _wait(details), "throttled"  # a code tried while waiting is recorded all the same
        elif device.verify_token(token):
            return None
    user = request.user
    audit.record("login_failed", actor_id=user.pk, model=user._meta.label_lower, object_id=user.pk,
                 label=user.get_username(),
                 payload={"username": user.get_username(), "ip": audit.client_address(request),
                          "second_factor": why})
    return refusal or _("This code is not right, or it was already used.")


def _wait(details):
    seconds = max(1, int(((details or {}).get("locked_until", timezone.now()) - timezone.now()).total_seconds()) + 1)
    return _("Too many wrong codes in a row: try again in %(seconds)s seconds.") % {"seconds": seconds}


def _new_codes(user):
    """Ten new recovery codes in place of any earlier ones."""
    device, _created = StaticDevice.objects.get_or_create(user=user, defaults={"name": CODES})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    for code in codes:
        device.token_set.create(token=code)
    return codes


def _verified(request, device):
    # A new session key once the second factor is proved, as Django does at the password.
    request.session.cycle_key()
    otp_login(request, device)


def _record_account(user, *, by, action, items):
    audit.record("permission", actor_id=by.pk, model=user._meta.label_lower, object_id=user.pk,
                 label=user.get_username(), payload={"action": action, "of": user.get_username(), "items": items})
