import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import search
from core.downloads import private_download
from core.exceptions import Refused
from core.http import flash_refusal, paginate, search_text
from core.models import DownloadRecord
from core.permissions import can_view_history, has_grant
from core.timeline import history_entries
from partners import permissions, services
from partners import search as partner_search
from partners.forms import AuthorityDocumentForm, MemberAddForm, OwnPartnerForm, PartnerForm, PartnerStatusForm
from partners.models import AuthorityDocument, Membership, Partner


def _visible(request, pk):
    return get_object_or_404(Partner.objects.visible_to(request.user), pk=pk)


def _count_agreements(user, partners):
    """Set n_agreements on the partners shown: one grouped count over those partners' rows of the
    partner_id index, never over every agreement. A partner's member counts only the minutes it may
    read: those sent at least once."""
    agreements = Partner.agreements.field.model.objects  # the app above, reached through its relation
    if not has_grant(user, "agreements.view_agreement"):
        agreements = agreements.filter(first_sent_at__isnull=False)
    counts = dict(agreements.filter(partner_id__in=[p.pk for p in partners]).order_by()
                  .values_list("partner_id").annotate(n=Count("*"))) if partners else {}
    for partner in partners:
        partner.n_agreements = counts.get(partner.pk, 0)


def partner_list(request):
    partners = Partner.objects.visible_to(request.user)
    q = search_text(request)
    if q is None:
        partners = partners.none()
    elif q:
        # The same search as the agreement list's: case and diacritics ignored, each word starting a word.
        partners = partners.filter(pk__in=search.matching(partner_search.LABEL, q))
    status = request.GET.get("status", "")
    if status in Partner.Status.values:
        partners = partners.filter(status=status)
    kind = request.GET.get("kind", "")
    if kind in Partner.Kind.values:
        partners = partners.filter(kind=kind)
    page, query = paginate(request, partners.order_by("short_name", "pk"))
    page.object_list = list(page.object_list)
    _count_agreements(request.user, page.object_list)
    return render(request, "partners/partner_list.html", {
        "page": page, "query": query, "q": q or "", "status": status, "kind": kind,
        "statuses": Partner.Status.choices, "kinds": Partner.Kind.choices,
        "can_create": permissions.can_create(request.user),
    })


def partner_detail(request, pk):
    partner = _visible(request, pk)
    can_edit = permissions.can_edit(request.user, partner)
    return render(request, "partners/partner_detail.html", {
        "partner": partner,
        "documents": partner.authority_documents.all(),
        "members": Membership.objects.filter(partner=partner).select_related("user"),
        # The reverse relation keeps the agreements' own scoping without importing the app above.
        "agreements": partner.agreements.visible_to(request.user).select_related("partner").order_by("-updated_at"),
        "can_edit": can_edit,
        "can_change_status": permissions.can_change_status(request.user),
        "can_add_document": can_edit,
        "can_view_history": can_view_history(request.user),
        "can_manage_members": permissions.can_add_members(request.user),
        "status_form": PartnerStatusForm(),
    })


def partner_create(request):
    if not permissions.can_create(request.user):
        raise PermissionDenied
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        partner = services.partner_create(by=request.user, **form.cleaned_data)
        messages.success(request, _("Partner unit %(name)s registered.") % {"name": partner.short_name})
        return redirect("partners:detail", pk=partner.pk)
    return render(request, "partners/partner_form.html", {"form": form})


def partner_edit(request, pk):
    partner = _visible(request, pk)
    if not permissions.can_edit(request.user, partner):
        raise PermissionDenied
    form_class = PartnerForm if permissions.can_edit_identity(request.user) else OwnPartnerForm
    form = form_class(request.POST or None, instance=copy.copy(partner))  # the service writes, not the form
    if request.method == "POST" and form.is_valid():
        services.partner_update(partner=partner, by=request.user, **form.cleaned_data)
        messages.success(request, _("Profile saved."))
        return redirect("partners:detail", pk=partner.pk)
    return render(request, "partners/partner_form.html", {"form": form, "partner": partner})


@require_POST
def partner_status(request, pk):
    partner = _visible(request, pk)
    if not permissions.can_change_status(request.user):
        raise PermissionDenied
    form = PartnerStatusForm(request.POST)
    if form.is_valid():
        try:
            services.partner_set_status(partner=partner, by=request.user, **form.cleaned_data)
            messages.success(request, _("Status changed."))
        except Refused as refused:
            flash_refusal(request, refused)
    else:
        messages.error(request, _("Choose a status and give the reason."))
    return redirect("partners:detail", pk=partner.pk)


def document_add(request, pk):
    partner = _visible(request, pk)
    if not permissions.can_edit(request.user, partner):
        raise PermissionDenied
    form = AuthorityDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("upload")
        try:
            services.authority_document_add(partner=partner, by=request.user, upload=upload, **data)
        except ValidationError as error:
            form.add_error(None, error)
        except Refused as refused:
            form.add_error("upload", refused.reasons)
        else:
            messages.success(request, _("Authority document added."))
            return redirect("partners:detail", pk=partner.pk)
    return render(request, "partners/authoritydocument_form.html", {"form": form, "partner": partner})


def member_add(request, pk):
    partner = _visible(request, pk)
    if not permissions.can_add_members(request.user):
        raise PermissionDenied
    form = MemberAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_add(partner=partner, by=request.user, **form.cleaned_data)
        except Refused as refused:
            form.add_error("user", refused.reasons)
        else:
            messages.success(request, _("%(user)s now acts for %(partner)s.") % {
                "user": form.cleaned_data["user"].username, "partner": partner.short_name})
            return redirect(partner)
    return render(request, "partners/membership_form.html", {"form": form, "partner": partner})


@require_POST
def member_remove(request, pk):
    membership = get_object_or_404(Membership.objects.visible_to(request.user).select_related("user", "partner"),
                                   pk=pk)
    if not permissions.can_remove_members(request.user):
        raise PermissionDenied
    services.member_remove(membership=membership, by=request.user, reason=request.POST.get("reason", ""))
    messages.success(request, _("%(user)s no longer acts for %(partner)s.") % {
        "user": membership.user.username, "partner": membership.partner.short_name})
    return redirect(membership.partner)


def document_download(request, pk):
    document = get_object_or_404(AuthorityDocument.objects.visible_to(request.user), pk=pk)
    if not document.file:
        raise Http404
    filename = document.original_filename or document.file.name.rsplit("/", 1)[-1]
    return private_download(request, field_file=document.file, what=DownloadRecord.What.AUTHORITY_DOCUMENT,
                            object_id=document.pk, filename=filename, scope=(document.partner_id, None))


def partner_history(request, pk):
    partner = _visible(request, pk)
    if not can_view_history(request.user):
        raise PermissionDenied
    entries = history_entries(
        Partner.history.filter(id=partner.pk),
        AuthorityDocument.history.filter(partner_id=partner.pk),
        Membership.history.filter(partner_id=partner.pk),
        owner=partner,
    )
    return render(request, "core/history.html", {"object": partner, "entries": entries})
