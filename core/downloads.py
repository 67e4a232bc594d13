"""Files leaving the system: sent as attachments with safe headers, each download recorded for auditors.
Callers check permission first."""

import logging

from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header

from core import audit
from core.http import client_address
from core.models import DownloadRecord
from core.uploads import named_as_detected, sniff

logger = logging.getLogger(__name__)


def log_download(request, *, what, object_id, filename, scope=(None, None)):
    """The download log's row and its audit entry; `scope` is (partner id, agreement id) of the file."""
    download = DownloadRecord.objects.create(user=request.user, what=what, object_id=object_id, filename=filename,
                                             ip_address=client_address(request) or None)
    audit.record_download(download, partner_id=scope[0], agreement_id=scope[1])


def private_headers(response):
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def pdf_download(request, *, data, filename, what, object_id, scope):
    """Send PDF bytes as an attachment and record who took them. Callers check permission first."""
    log_download(request, what=what, object_id=object_id, filename=filename, scope=scope)
    response = HttpResponse(data, content_type="application/pdf")
    # RFC 6266: a name with quotes, line breaks or Vietnamese letters goes as filename*=utf-8''…, never raw.
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return private_headers(response)


def private_download(request, *, field_file, filename, what, object_id, scope):
    """Send a private file as an attachment and record who took it. Callers check permission first.
    The type sent is the one found in the file's content, never one guessed from its name, and the name sent
    ends in that type's extension (files kept before names followed the content too)."""
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        # A row whose file has gone from storage (deleted by hand, a bucket restored from an older copy): the user
        # gets a plain "not found", the operators an error in the log naming what is missing.
        logger.error("private file missing from storage: %s (%s #%s)", field_file.name, what, object_id)
        raise Http404 from None
    kind = sniff(handle)
    if kind:
        filename = named_as_detected(filename, kind[1])
    log_download(request, what=what, object_id=object_id, filename=filename, scope=scope)
    response = FileResponse(handle, as_attachment=True, filename=filename,
                            content_type=kind[0] if kind else "application/octet-stream")
    return private_headers(response)
