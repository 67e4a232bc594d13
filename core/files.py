"""Uploaded files: checked by their content, stored privately under names we choose."""

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _

# Magic numbers of the only formats we take: what a file is, not what it is called.
SIGNATURES = {
    b"%PDF-": ("application/pdf", ".pdf"),
    b"\x89PNG\r\n\x1a\n": ("image/png", ".png"),
    b"\xff\xd8\xff": ("image/jpeg", ".jpg"),
}


class PrivateStorage(LazyObject):
    """A file system storage with no URL: files leave only through permission-checked views."""

    def _setup(self):
        self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


private_storage = PrivateStorage()


def sniff(upload):
    head = upload.read(16)
    upload.seek(0)
    for magic, kind in SIGNATURES.items():
        if head.startswith(magic):
            return kind
    return None


def validate_upload(upload):
    """Refuse anything but a non-empty PDF, PNG or JPEG within the size limit."""
    name = upload.name or ""
    if any(ord(c) < 32 or c == "\x7f" for c in name) or "/" in name or "\\" in name or ".." in name:
        raise ValidationError(_("The file name contains characters that are not allowed."))
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(mb)d MB.") % {"mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)}
        )
    if sniff(upload) is None:
        raise ValidationError(_("Only PDF, PNG or JPEG files are accepted; this file is none of them."))


@deconstructible
class PrivateUploadTo:
    """A server-generated name, so nothing the uploader typed reaches the file system."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        extension = os.path.splitext(filename)[1].lower()
        if extension not in {".pdf", ".png", ".jpg", ".jpeg"}:
            extension = ".bin"
        return f"{self.folder}/{uuid.uuid4().hex}{extension}"
