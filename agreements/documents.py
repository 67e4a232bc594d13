"""The signed copy of the minutes: rendered once at signing, kept privately, checked by anyone."""

import base64
import hashlib
import secrets

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from agreements import pdf
from agreements.models import SignedCopy
from core.history import tracked_save


def new_code():
    """12 characters from an alphabet with no look-alikes, printed as XXXX-XXXX-XXXX."""
    return base64.b32encode(secrets.token_bytes(10)).decode()[:12]


def format_code(code):
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def normalise_code(text):
    return "".join(c for c in (text or "").upper() if c.isalnum())


def verify_url():
    return (getattr(settings, "PUBLIC_BASE_URL", "") or "").rstrip("/") + reverse("verify")


def signed_copy_create(*, agreement, by):
    """Render the signed minutes once and record their SHA-256; called inside the signing transaction."""
    code = new_code()
    context = pdf.minutes_context(agreement, draft=False)
    data = pdf.render_minutes(agreement, draft=False, verification_code=format_code(code), verify_path=verify_url())
    copy = SignedCopy(agreement=agreement, data=data, sha256=hashlib.sha256(data).hexdigest(),
                      verification_code=code, content_sha256=pdf.content_fingerprint(context))
    return tracked_save(copy, by=by, reason=_("Signed copy rendered"))


def find_by_code(text):
    """By the verification code, or by the SHA-256 fingerprint printed on the minutes."""
    code = normalise_code(text)
    if not code:
        return None
    copies = SignedCopy.objects.select_related("agreement__partner", "agreement__handing_department")
    if len(code) == 64:
        return copies.filter(content_sha256=code.lower()).first()
    return copies.filter(verification_code=code).first()


def find_by_bytes(data):
    return SignedCopy.objects.select_related("agreement__partner", "agreement__handing_department").filter(
        sha256=hashlib.sha256(data).hexdigest()).first()
