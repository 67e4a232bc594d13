"""Uploaded files: checked by their content, stored privately under names we choose."""

import hashlib
import os
import unicodedata
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.db.models import Sum
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from core.exceptions import Refused
from core.tracking import tracked_save

# Magic numbers of the only formats we take: what a file is, not what it is called.
SIGNATURES = {
    b"%PDF-": ("application/pdf", ".pdf"),
    b"\x89PNG\r\n\x1a\n": ("image/png", ".png"),
    b"\xff\xd8\xff": ("image/jpeg", ".jpg"),
}


# The names an uploader may give a file of each detected type; any other name gets the type's own extension.
EXTENSIONS = {".pdf": {".pdf"}, ".png": {".png"}, ".jpg": {".jpg", ".jpeg"}}


def named_as_detected(name, extension):
    """The uploader's name with the extension of what the file is: a PNG sent as scan.pdf is shown and downloaded
    as scan.png (a viewer chosen by the name would otherwise fail on it, or worse, parse it)."""
    stem, current = os.path.splitext(name)
    if current.lower() in EXTENSIONS.get(extension, {extension}):
        return name
    return f"{stem}{extension}"


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


# Files a partner sends in one submission: a condition's evidence is a few documents, not a folder.
MAX_FILES_PER_SUBMISSION = 20


def check_file_count(uploads):
    """Refuse more files than one submission takes, before any of them is read."""
    if len(uploads) > MAX_FILES_PER_SUBMISSION:
        raise ValidationError(_("At most %(max)d files in one submission: %(count)d were chosen.") % {
            "max": MAX_FILES_PER_SUBMISSION, "count": len(uploads)}, code="too_many_files")


def checked_kinds(uploads, problems):
    """What each upload is, by its content, under the rules of every private file (how many, which types, how
    large); what breaks them is added to `problems`. Forms check too; this is the rule, for every caller."""
    try:
        check_file_count(uploads)
    except ValidationError as error:
        problems.extend(error.messages)
        return []  # too many to read
    kinds = []
    for upload in uploads:
        try:
            kinds.append(validate_upload(upload))
        except ValidationError as error:
            problems.extend(f"{upload.name}: {message}" for message in error.messages)
    return kinds


def store_private_files(uploads, kinds, *, make, by, reason, digests=None):
    """Each checked upload kept privately as the row `make(original_name=…, content_type=…, size=…, sha256=…)`
    gives (a core.models.PrivateFile), under the extension of what it is, with its history; all or nothing: if one
    fails, the files already written are deleted, since no storage rolls back with the transaction."""
    written = []
    try:
        for upload, (content_type, extension), digest in zip(uploads, kinds, digests or map(sha256_of, uploads)):
            item = make(original_name=named_as_detected(upload.name, extension), content_type=content_type,
                        size=upload.size, sha256=digest)
            item.file.save(f"upload{extension}", upload, save=False)
            written.append(item.file)
            tracked_save(item, by=by, reason=reason)
    except Exception:
        for stored in written:
            stored.delete(save=False)
        raise


# Where each app keeps a partner's files: (model, lookup to the partner's id, size field). core knows no app, so the
# apps say it themselves (their AppConfig.ready); the quota counts every place.
_partner_files = []


def counts_toward_partner_quota(model, *, partner, size="size"):
    _partner_files.append((model, partner, size))


def partner_storage_used(partner_id):
    """Bytes of the files a partner unit has sent, everywhere they are kept."""
    return sum(model.objects.filter(**{partner: partner_id}).aggregate(total=Sum(size))["total"] or 0
               for model, partner, size in _partner_files)


def check_partner_quota(partner_id, adding):
    """Refuse files that would take the unit past its storage quota. Callers hold the partner row's lock, so two
    submissions at once cannot both fit into the last free space."""
    used, allowed = partner_storage_used(partner_id), settings.PARTNER_UPLOAD_QUOTA_BYTES
    if used + adding > allowed:
        raise Refused(_("These files (%(adding)s) would pass the unit's storage quota: %(used)s of %(allowed)s are "
                        "used. Ask the Department of Information Technology for more space.") % {
            "adding": filesizeformat(adding), "used": filesizeformat(used), "allowed": filesizeformat(allowed)})


class StopPastLimit(FileUploadHandler):
    """Counts the bytes of the files of a request as they stream in, and stops reading the body as soon as they
    pass `limit`: a body is then never read whole to be refused (put it first among the request's handlers, before
    its CSRF check reads the body). `stopped` tells the view that files are missing."""

    def __init__(self, request, limit):
        super().__init__(request)
        self.limit, self.received, self.stopped = limit, 0, False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.stopped = True
            raise StopUpload(connection_reset=True)  # read no more of the body
        return raw_data  # on to the handler that keeps the file

    def file_complete(self, file_size):
        return None
