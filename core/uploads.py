"""Uploaded files: checked by their content, stored privately under names we choose."""

import hashlib
import os
import unicodedata
import uuid
import warnings

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
    """Refuse anything but a non-empty PDF, PNG or JPEG within the size limit, judged by content."""
    name = upload.name or ""
    if (not name.strip() or len(name) > 200 or "/" in name or "\\" in name or ".." in name
            or any(unicodedata.category(c) in {"Cc", "Cf"} for c in name)):
        raise ValidationError(_("The file name contains characters that are not allowed."))
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(mb)d MB.") % {"mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)}
        )
    kind = sniff(upload)
    if kind is not None and kind[0] != "application/pdf":
        pixels = _pixels(upload)
        if pixels is not None and pixels > IMAGE_MAX_PIXELS:
            raise ValidationError(_("The image has more than %(mp)d megapixels: scan it at a lower resolution.") % {
                "mp": IMAGE_MAX_PIXELS // 1_000_000})
    if kind is None or not _whole_file_fits(upload, kind[0]):
        raise ValidationError(_("Only PDF, PNG or JPEG files are accepted; this file is none of them."))
    return kind


# A scanned A4 page at 600 dpi is about 35 megapixels; 144 would take seconds of CPU and gigabytes to decode.
IMAGE_MAX_PIXELS = 40_000_000


def _pixels(upload):
    """Width × height as the image's header states them, read before anything is decoded; None when the
    header cannot be read (the content check then refuses the file)."""
    from PIL import Image

    try:
        with warnings.catch_warnings():  # Pillow's own warning about large images: we refuse them ourselves
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:  # reads the header only
                return image.width * image.height
    except Image.DecompressionBombError:  # past twice Pillow's own limit
        return IMAGE_MAX_PIXELS + 1
    except Exception:  # noqa: BLE001 - not an image Pillow can read: judged by the content check
        return None
    finally:
        upload.seek(0)


def _whole_file_fits(upload, content_type):
    """The start of a file is easy to fake; check its end too, and let Pillow read images."""
    if content_type == "application/pdf":
        upload.seek(max(0, upload.size - 2048))
        tail = upload.read()
        upload.seek(0)
        return b"%%EOF" in tail
    try:
        from PIL import Image

        with Image.open(upload) as image:
            image.verify()
        return True
    except Exception:  # any decoding failure means "not an image": refuse, do not hide
        return False
    finally:
        upload.seek(0)


def sha256_of(upload):
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


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
