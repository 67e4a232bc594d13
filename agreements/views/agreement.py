"""The register of agreements, one agreement's page, drafting and its history."""

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from agreements import permissions, selectors, services
from agreements.forms import AgreementForm, ClauseFormSet, LegalBasisFormSet, LibraryPickForm, ReviewRequestFormSet
from agreements.models import (
    Agreement,
    AgreementProvince,
    AgreementVersion,
    Answer,
    Clause,
    Comment,
    LegalBasis,
    Opinion,
    ReviewRequest,
)
from agreements.services.drafting import ROW_FIELDS
from core.exceptions import Refused
from core.http import flash_refusal, int_param, paginate, search_text
from core.models import Province
from core.permissions import can_view_history
from core.timeline import history_entries
from partners.models import Partner


def visible_agreement(request, pk, queryset=None):
    """The agreement if the user may see it; 404 otherwise, whether or not it exists."""
    queryset = Agreement.objects.all() if queryset is None else queryset
    return get_object_or_404(queryset.visible_to(request.user), pk=pk)


def agreement_list(request):
    agreements = Agreement.objects.visible_to(request.user).select_related("partner", "handing_department")
    q = search_text(request)
    if q is None:
        agreements = agreements.none()
    elif q:
        number = int_param(q.split("/")[0])
        agreements = agreements.filter(
            Q(title__icontains=q) | Q(partner__short_name__icontains=q) | Q(partner__legal_name__icontains=q)
            | Q(symbol__icontains=q) | Q(software_version__icontains=q)
            | (Q(number=number) if number else Q(pk__in=[])))
    status = request.GET.get("status", "")
    if status in Agreement.Status.values:
        agreements = agreements.filter(status=status)
    partner = request.GET.get("partner", "")
    if int_param(partner):
        agreements = agreements.filter(partner_id=int_param(partner))
    province = request.GET.get("province", "")
    if int_param(province):
        agreements = agreements.filter(scope__province_id=int_param(province)).distinct()
    page, query = paginate(request, agreements.prefetch_related(
        Prefetch("scope", queryset=AgreementProvince.objects.select_related("province"))
    ).order_by("-updated_at", "-pk"))
    return render(request, "agreements/agreement_list.html", {
        "page": page, "query": query, "q": q or "", "status": status, "partner": partner, "province": province,
        "statuses": Agreement.Status.choices,
        "partners": Partner.objects.visible_to(request.user).order_by("short_name"),
        "provinces": Province.objects.order_by("-valid_from", "name"),
        "can_create": permissions.can_create(request.user),
    })


def agreement_detail(request, pk):
    agreement = visible_agreement(request, pk, Agreement.objects.select_related(
        "partner", "handing_department", "condition_set", "termination_clause", "created_by"))
    return render(request, "agreements/agreement_detail.html", {
        "agreement": agreement,
        **selectors.agreement_page(request.user, agreement),
        "actions": permissions.actions_for(request.user, agreement),
        "can_edit": permissions.can_edit(request.user, agreement),
        "can_view_history": can_view_history(request.user),
        "can_read_all": permissions.can_read_all(request.user),
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
        owner=agreement,
    )
    return render(request, "core/history.html", {"object": agreement, "entries": entries})
