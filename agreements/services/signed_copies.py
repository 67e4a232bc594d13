"""The signed copy of the minutes: rendered once at signing, inside the signing transaction, and kept
with its SHA-256, a fingerprint of its text and a code anyone can check on the public page."""

import base64
import hashlib
import secrets

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from agreements import minutes_pdf
from agreements.models import SignedCopy
from core.tracking import tracked_save


def new_code():
    """12 characters from an alphabet with no look-alikes, printed as XXXX-XXXX-XXXX."""
    return base64.b32encode(secrets.token_bytes(10)).decode()[:12]


def format_code(code):
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def verify_url():
    return (getattr(settings, "PUBLIC_BASE_URL", "") or "").rstrip("/") + reverse("verify")


def signed_copy_create(*, agreement, by, context):
    """Render the signed minutes once, from `context` (what they say, as agreement_sign computed it), and
    record their SHA-256; called by agreement_sign only."""
    code = new_code()
    fingerprint = minutes_pdf.content_fingerprint(context)
    data = minutes_pdf.render_context({**context, "fingerprint": fingerprint, "verification_code": format_code(code),
                                       "verify_path": verify_url()})
    record = {key: context[key] for key in ("handing_department", "partner", "handing", "receiving")}
    copy = SignedCopy(agreement=agreement, data=data, sha256=hashlib.sha256(data).hexdigest(),
                      verification_code=code, content_sha256=fingerprint, record=record)
    return tracked_save(copy, by=by, reason=_("Signed copy rendered"))
