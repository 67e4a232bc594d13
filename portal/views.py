"""Pages that span every app: what waits for each user, their notices, who downloaded what, and the
auditors' timeline of the whole audit record."""

from typing import NamedTuple

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from agreements import selectors as agreement_selectors
from conditions import selectors as condition_selectors
from core import audit, notices, roles
from core.http import int_param, paginate, search_text
from core.models import AuditEntry, DownloadRecord, Notification
from core.paging import Key, keyset_page
from core.permissions import can_view_audit_record, can_view_downloads
from partners.models import Partner
from portal import audit_log, exports
from portal.forms import AuditFilterForm


class Block(NamedTuple):
    key: str
    title: str
    rows: list


def dashboard(request):
    """What waits for me, by role. Each block is one query, whatever the data size."""
    user = request.user
    names = roles.role_names(user)
    department = getattr(getattr(user, "staff_profile", None), "department", None)
    blocks = []
    if roles.DRAFTER in names:
        blocks.append(Block("drafts", _("Drafts to complete and send for review"), agreement_selectors.drafts(user)))
    if names & {roles.SIGNER, roles.DRAFTER}:
        blocks.append(Block("in_review", _("In review: awaiting opinions or signature"),
                       agreement_selectors.in_review(user)))
    if roles.REVIEWER in names and department:
        blocks.append(Block("asked_of_me", _("Asked of my department for an opinion"),
                       agreement_selectors.asked_of(user, department)))
    if names & {roles.DRAFTER, roles.AUDITOR, roles.SIGNER}:
        blocks.append(Block("ending_soon", _("Signed agreements ending within 90 days"),
                       agreement_selectors.ending_soon(user, timezone.localdate())))
    if roles.PARTNER in names or not names & {roles.DRAFTER, roles.SIGNER, roles.REVIEWER}:
        blocks.append(Block("mine", _("My unit's agreements"), agreement_selectors.latest(user)))
    if names & {roles.DRAFTER, roles.SIGNER, roles.AUDITOR, roles.PARTNER}:
        blocks.append(Block("flagged", _("Signed agreements whose partner is no longer eligible"),
                       agreement_selectors.flagged(user)))
        blocks.append(Block("at_risk", _("Signed agreements with a province at risk of abandonment"),
                       agreement_selectors.at_risk(user)))
        blocks.append(Block("refusal_waiting", _("Requests to refuse the right to use waiting for the Ministry"),
                       agreement_selectors.refusal_waiting(user)))
    return render(request, "portal/dashboard.html", {
        "blocks": blocks, "department": department,
        "own_partner": Partner.objects.visible_to(user).first() if roles.PARTNER in names else None,
        "counts": agreement_selectors.counts_by_status(user),
        "notices": condition_selectors.notices_for(user),
        "queue_size": condition_selectors.queue_size(user),
        "evidence_waiting": condition_selectors.waiting_on_unit(user, timezone.localdate())
        if roles.PARTNER in names else [],
    })


def download_list(request):
    """Who downloaded what and when: for auditors and Ministry staff."""
    if not can_view_downloads(request.user):
        raise PermissionDenied
    records = DownloadRecord.objects.select_related("user")
    username = search_text(request, "user")
    if username is None:
        records = records.none()
    elif username:
        records = records.filter(user__username__icontains=username)
    # Keyset pages: the 1,000th page of a long log costs what the first does (core.paging), in the order
    # of the index download_latest.
    page = keyset_page(request, records, (Key("at", descending=True),), per_page=50)
    audit_log.name_downloads(page.object_list)
    return render(request, "portal/download_list.html", {"page": page, "username": username or ""})


def notice_list(request):
    """The user's own notices, newest first, each in the reader's language; the unread marked."""
    page, query = paginate(request, Notification.objects.filter(user=request.user).order_by("-created_at", "-pk"))
    for notice in page:
        notice.subject, notice.body = notices.render(notice.kind, notice.params)
    return render(request, "portal/notice_list.html", {"page": page, "query": query})


@require_POST
def notices_read(request):
    """Mark the one notice posted as `id` read, or all of the user's notices; another's id changes nothing."""
    one = int_param(request.POST.get("id"))
    notices.mark_read(request.user, None if one is None else [one])
    back = request.POST.get("next", "")
    if not (back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                                                       require_https=request.is_secure())):
        back = reverse("notices")
    return HttpResponseRedirect(back)


def _audit_filters(request):
    """The filters asked for, for those who may read the whole audit record; 403 for anyone else."""
    if not can_view_audit_record(request.user):
        raise PermissionDenied
    return AuditFilterForm(request.GET)


def _audit_page(request, form, rows=(), older=None, status=200):
    params = request.GET.copy()
    params.pop("before", None)
    return render(request, "portal/audit_timeline.html", {
        "form": form, "rows": rows, "older": older, "query": params.urlencode(), "deep": "before" in request.GET,
    }, status=status)


def audit_timeline(request):
    """Every entry of the audit record, newest first, 50 a page, as the filters select them."""
    form = _audit_filters(request)
    if not form.is_valid():
        return _audit_page(request, form)
    entries, older = audit_log.page_of(audit_log.selected(form.cleaned_data), int_param(request.GET.get("before")))
    return _audit_page(request, form, audit_log.describe(entries), older)


def _audit_export(request, fmt, respond):
    """The filtered timeline as a file: the export is itself an entry, and the file holds what was
    recorded before it."""
    form = _audit_filters(request)
    if not form.is_valid():
        return _audit_page(request, form, status=400)
    filters = {name: request.GET[name] for name in form.fields if request.GET.get(name, "").strip()}
    entry = audit.record(AuditEntry.Kind.EXPORT, actor_id=request.user.pk,
                         payload={"format": fmt, "filters": filters})
    return respond(audit_log.selected(form.cleaned_data).filter(id__lt=entry.pk))


def audit_export_csv(request):
    return _audit_export(request, "csv", exports.csv_response)


def audit_export_xlsx(request):
    return _audit_export(request, "xlsx", exports.xlsx_response)
