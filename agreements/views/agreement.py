"""The register of agreements, one agreement's page, drafting and its history."""

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements import exports as agreement_exports
from agreements import listing, permissions, selectors, services
from agreements.forms import (
    AgreementForm,
    ClauseFormSet,
    LegalBasisFormSet,
    LibraryPickForm,
    ProvinceDayForm,
    ReviewRequestFormSet,
    province_label,
)
from agreements.guards import review
from agreements.models import (
    Agreement,
    AgreementProvince,
    AgreementVersion,
    Answer,
    Clause,
    Comment,
    DeploymentReport,
    DeploymentReportFile,
    LegalBasis,
    Opinion,
    RefusalProvince,
    RefusalRequest,
    RefusalRequestFile,
    ReviewRequest,
)
from agreements.services.drafting import ROW_FIELDS
from core import search
from core.exceptions import Refused
from core.http import flash_refusal, int_param
from core.models import Province
from core.paging import keyset_page
from core.permissions import can_view_history
from core.timeline import history_entries
from partners import search as partner_search
from partners.models import Partner


def visible_agreement(request, pk, queryset=None):
    """The agreement if the user may see it; 404 otherwise, whether or not it exists."""
    queryset = Agreement.objects.all() if queryset is None else queryset
    return get_object_or_404(queryset.visible_to(request.user), pk=pk)


def _list_filters(request):
    return listing.ListFilterForm(request.GET)


def agreement_list(request):
    """The register: searched, filtered and sorted as the query string says, 25 rows a page."""
    form = _list_filters(request)
    keys, sort = listing.sort_keys(request.GET.get("sort", listing.DEFAULT_SORT))
    agreements = Agreement.objects.visible_to(request.user)
    agreements = listing.selected(agreements, form.cleaned_data) if form.is_valid() else agreements.none()
    page = keyset_page(request, listing.with_columns(agreements), keys)
    return render(request, "agreements/agreement_list.html", {
        "page": page, "form": form, "sort": sort, "can_create": permissions.can_create(request.user),
        "columns": _sortable_columns(request, sort),
    })


def _sortable_columns(request, sort):
    """The headings a reader sorts by: each links to its sort, the other way round when it is the current one."""
    params = request.GET.copy()
    for name in ("after", "before", "page", "sort"):
        params.pop(name, None)
    headings = [("number", _("Agreement")), ("partner", _("Receiving party")), (None, _("Provinces")),
                ("status", _("Status")), ("term", _("Term")), ("signed", _("Signed on"))]
    columns = []
    for name, title in headings:
        if name is None:
            columns.append({"title": title})
            continue
        current = sort.removeprefix("-") == name
        params["sort"] = f"-{name}" if current and not sort.startswith("-") else name
        columns.append({"title": title, "link": "?" + params.urlencode(),
                        "order": ("descending" if sort.startswith("-") else "ascending") if current else ""})
    return columns


def agreement_export(request, fmt):
    """Exactly the rows the list shows with the same query string, as CSV or XLSX, streamed; logged as a
    download."""
    form = _list_filters(request)
    if not form.is_valid():
        return render(request, "agreements/agreement_list.html", {
            "page": keyset_page(request, Agreement.objects.none(), listing.sort_keys(listing.DEFAULT_SORT)[0]),
            "form": form, "columns": []}, status=400)
    keys, _sort = listing.sort_keys(request.GET.get("sort", listing.DEFAULT_SORT))
    agreements = listing.selected(Agreement.objects.visible_to(request.user), form.cleaned_data)
    return agreement_exports.response(request, fmt, agreements, keys)


def partner_suggestions(request):
    """Up to ten partner units the user may see whose name or tax code holds what was typed (type-ahead)."""
    text = request.GET.get("q", "").strip()[:100]
    partners = []
    if text:
        partners = (Partner.objects.visible_to(request.user)
                    .filter(pk__in=search.matching(partner_search.LABEL, text))
                    .order_by("short_name", "pk")[:10])
    return JsonResponse({"partners": [{"value": p.tax_code, "label": f"{p.short_name} — {p.legal_name}"}
                                      for p in partners]})


def province_options(request):
    """The provinces in force on the day `on` (as the term's start is typed; today without it), for the province
    picker of the draft forms."""
    if not permissions.can_draft(request.user):
        raise PermissionDenied
    form = ProvinceDayForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    day = form.cleaned_data["on"] or timezone.localdate()
    provinces = Province.objects.in_force_on(day).order_by("name", "-valid_from")
    return JsonResponse({"on": day.strftime("%d/%m/%Y"), "provinces": [
        {"value": str(province.pk), "text": province_label(province)} for province in provinces]})


def agreement_detail(request, pk):
    agreement = visible_agreement(request, pk, Agreement.objects.select_related(
        "partner", "handing_department", "condition_set", "termination_clause", "created_by"))
    can_edit = permissions.can_edit(request.user, agreement)
    return render(request, "agreements/agreement_detail.html", {
        "agreement": agreement,
        **selectors.agreement_page(request.user, agreement),
        "actions": permissions.actions_for(request.user, agreement),
        "can_edit": can_edit,
        # What sending for review still needs: the same checks the refusal makes.
        "sending_checks": review.sending_checks(agreement) if can_edit else None,
        "can_view_history": can_view_history(request.user),
        "can_read_all": permissions.can_read_all(request.user),
        "can_read_deployment": agreement.signed_on is not None
        and permissions.can_read_deployment(request.user, agreement),
        "can_ask_refusal": agreement.status == Agreement.Status.SIGNED
        and permissions.can_ask_refusal(request.user, agreement),
    })


def agreement_create(request):
    if not permissions.can_create(request.user):
        raise PermissionDenied
    initial = {}
    partner_id = int_param(request.GET.get("partner", ""))
    if partner_id:
        partner = Partner.objects.visible_to(request.user).filter(pk=partner_id).first()
        if partner:
            initial = {"partner": partner, "receiving_representative": partner.representative_name,
                       "receiving_title": partner.representative_title}
    form = AgreementForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        header = dict(form.cleaned_data)
        provinces, partner = header.pop("provinces"), header.pop("partner")
        try:
            agreement = services.agreement_create(by=request.user, partner=partner, provinces=provinces, **header)
        except Refused as refused:
            for reason in refused.reasons:
                form.add_error(None, reason)
        else:
            messages.success(request, _("Draft created. Add its legal bases, clauses and the departments to ask."))
            return redirect("agreements:edit", pk=agreement.pk)
    return render(request, "agreements/agreement_form.html", {"form": form})


def agreement_edit(request, pk):
    """The header, legal bases, clauses and departments asked, saved together or not at all."""
    agreement = visible_agreement(request, pk)
    if not permissions.can_draft(request.user):
        raise PermissionDenied
    if not agreement.is_editable:
        messages.error(request, _("Only a draft can be edited; this agreement is %(status)s.") % {
            "status": agreement.get_status_display().lower()})
        return redirect(agreement)
    data = request.POST if request.method == "POST" else None
    # A copy for the form to fill in; the service re-reads the row under its lock.
    form = AgreementForm(data, instance=copy.copy(agreement), user=request.user)
    bases = LegalBasisFormSet(data, instance=agreement, prefix="bases", form_kwargs={"partner": agreement.partner})
    clauses = ClauseFormSet(data, instance=agreement, prefix="clauses")
    reviews = ReviewRequestFormSet(data, instance=agreement, prefix="reviews")
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for f in (bases, clauses, reviews)):
        header = dict(form.cleaned_data)
        provinces = header.pop("provinces")
        header.pop("partner", None)
        try:
            services.agreement_update(agreement=agreement, by=request.user, header=header, provinces=provinces,
                                      legal_bases=_rows(bases, LegalBasis), clauses=_rows(clauses, Clause),
                                      review_requests=_rows(reviews, ReviewRequest))
        except Refused as refused:
            flash_refusal(request, refused)
            return redirect(agreement)
        messages.success(request, _("Draft saved."))
        if "continue" in request.POST:
            return redirect("agreements:edit", pk=agreement.pk)
        return redirect(agreement)
    return render(request, "agreements/agreement_edit.html", {
        "agreement": agreement, "form": form, "bases": bases, "clauses": clauses, "reviews": reviews,
        "library": LibraryPickForm(agreement=agreement),
        "has_errors": request.method == "POST",
    })


def _rows(formset, model):
    """The rows a valid formset leaves: kept and changed ones with their values, empty extra forms skipped."""
    rows = []
    for form in formset.forms:
        if form in formset.deleted_forms or (form.instance.pk is None and not form.has_changed()):
            continue
        rows.append(services.Row(pk=form.instance.pk,
                                 values={name: form.cleaned_data.get(name) for name in ROW_FIELDS[model]}))
    return rows


def agreement_history(request, pk):
    agreement = visible_agreement(request, pk)
    if not can_view_history(request.user):
        raise PermissionDenied
    entries = history_entries(
        Agreement.history.filter(id=agreement.pk),
        LegalBasis.history.filter(agreement_id=agreement.pk),
        Clause.history.filter(agreement_id=agreement.pk),
        AgreementProvince.history.filter(agreement_id=agreement.pk),
        ReviewRequest.history.filter(agreement_id=agreement.pk),
        AgreementVersion.history.filter(agreement_id=agreement.pk),
        Opinion.history.filter(request__agreement_id=agreement.pk),
        Comment.history.filter(opinion__request__agreement_id=agreement.pk),
        Answer.history.filter(comment__opinion__request__agreement_id=agreement.pk),
        DeploymentReport.history.filter(agreement_id=agreement.pk),
        DeploymentReportFile.history.filter(report__agreement_id=agreement.pk),
        RefusalRequest.history.filter(agreement_id=agreement.pk),
        RefusalProvince.history.filter(request__agreement_id=agreement.pk),
        RefusalRequestFile.history.filter(request__agreement_id=agreement.pk),
        owner=agreement,
    )
    return render(request, "core/history.html", {"object": agreement, "entries": entries})
