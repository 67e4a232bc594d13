"""The minutes as a PDF, and the public page where anyone checks a signed copy."""

import time

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from agreements import permissions, selectors
from agreements.forms import VerifyForm
from agreements.integrity import signed_copy_problem
from agreements.models import Agreement
from agreements.models.signed import signed_names
from agreements.services.review import current_version
from agreements.views.agreement import visible_agreement
from agreements.views.renders import renders_limited
from agreements.views.versions import version_download
from core.downloads import pdf_download
from core.http import client_address
from core.ratelimit import allow
from core.uploads import StopPastLimit


@renders_limited
def minutes_pdf(request, pk):
    """A signed agreement answers with the bytes stored at signing. Before that, Ministry staff get the
    draft as it is now, and reviewers and partner users the version last sent to them: they never read
    a text that was not sent (issue 8, items 1 and 10)."""
    agreement = visible_agreement(request, pk, Agreement.objects.select_related("partner", "handing_department"))
    if agreement.signed_on is None and not permissions.can_read_all(request.user):
        version = current_version(agreement)
        if version is None:
            raise Http404
        return version_download(request, version)
    data, filename, what = selectors.minutes_file(agreement, by=request.user)
    return pdf_download(request, data=data, what=what, object_id=agreement.pk, filename=filename,
                        scope=(agreement.partner_id, agreement.pk))


# Checks one address may make in a window: a clerk with a pile of copies gets through, a crawl of codes does not.
VERIFY_CHECKS, VERIFY_WINDOW = 30, 10 * 60
# Room in a check's body for the form's fields and the multipart framing, beyond the file itself.
VERIFY_FIELDS_ROOM = 1024 * 1024


@login_not_required
@csrf_exempt  # Django's CSRF check reads the whole body: the limits go in first, then _verify checks the token
def verify(request):
    """Public: says only whether a copy is genuine (kept at signing, its audit entry intact), and if so what
    it is and whether it is in force today. Anyone may ask, so a check is bounded before its body is read: so
    many a window per address, a body no larger than a signed copy, and the body's reading stopped past that."""
    if request.method != "POST":
        return _verify(request, None)
    if not allow("verify", client_address(request), limit=VERIFY_CHECKS, per=VERIFY_WINDOW):
        refused = _verify_refused(request, 429, _("Too many checks from your address: try again in a few minutes."))
        refused["Retry-After"] = str(VERIFY_WINDOW - int(time.time()) % VERIFY_WINDOW)  # when the window turns
        return refused
    if _content_length(request) > settings.UPLOAD_MAX_BYTES + VERIFY_FIELDS_ROOM:
        return _verify_refused(request, 413, _too_large())
    limit = StopPastLimit(request, settings.UPLOAD_MAX_BYTES)
    request.upload_handlers.insert(0, limit)
    return _verify(request, limit)


@csrf_protect
def _verify(request, limit):
    form = VerifyForm(request.POST or None, request.FILES or None)
    if limit is not None and limit.stopped:
        return _verify_refused(request, 413, _too_large())
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        # Signed handover minutes first, then minutes of termination (frozen the same way at termination).
        if upload is not None:
            data = b"".join(upload.chunks())
            copy = selectors.signed_copy_by_bytes(data)
            ending = None if copy else selectors.termination_minutes_by_bytes(data)
        else:
            copy = selectors.signed_copy_by_code(form.cleaned_data["code"])
            ending = None if copy else selectors.termination_minutes_by_code(form.cleaned_data["code"])
        found = copy or ending
        # A copy whose bytes, hash and audit entry disagree was altered after signing: never certified.
        altered = found is not None and signed_copy_problem(found) is not None
        result = {"genuine": found is not None and not altered}
        if altered:
            result["altered"] = True
        elif copy is not None:
            result.update(_public_facts(copy.agreement))
        elif ending is not None:
            result.update(_public_facts(ending.agreement), termination=_termination_facts(ending))
    return render(request, "agreements/verify.html", {"form": form, "result": result})


def _content_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _too_large():
    return _("The file is larger than %(mb)d MB: no signed minutes are that large, and it was not read.") % {
        "mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)}


def _verify_refused(request, status, message):
    """The page again, empty, with why the check was not made."""
    return render(request, "agreements/verify.html", {"form": VerifyForm(), "result": None, "refusal": message},
                  status=status)


def _public_facts(agreement):
    today = timezone.localdate()
    S = Agreement.Status
    if agreement.status == S.TERMINATED and agreement.terminated_on and agreement.terminated_on <= today:
        state = _("Terminated on %(date)s") % {"date": agreement.terminated_on.strftime("%d/%m/%Y")}
    elif agreement.term_end < today:
        state = _("Term ended on %(date)s") % {"date": agreement.term_end.strftime("%d/%m/%Y")}
    elif agreement.term_start > today:
        state = _("Signed; in force from %(date)s") % {"date": agreement.term_start.strftime("%d/%m/%Y")}
    else:
        state = _("In force")
    # The parties as the signed minutes name them, not as they are called today.
    record = signed_names(agreement) or {"handing_department": agreement.handing_department.name,
                                         "partner": {"legal_name": agreement.partner.legal_name}}
    handing = f"{_('Ministry of Health')} — {record['handing_department']}"
    return {"number": agreement.number_and_symbol, "handing": handing,
            "receiving": record["partner"]["legal_name"], "signed_on": agreement.signed_on, "state": state}


def _termination_facts(minutes):
    """What the public may read of minutes of termination: their number, the handover minutes they end, and when."""
    record = minutes.record or {}
    return {"number": minutes.number_and_symbol, "year": minutes.number_year, "issued_on": minutes.issued_on,
            "handover": minutes.agreement.number_and_symbol, "terminated_on": minutes.agreement.terminated_on,
            "reason": record.get("reason", "")}
