import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from agreements import library, permissions, services
from agreements.forms import (
    AgreementForm,
    ClauseFormSet,
    LegalBasisFormSet,
    LibraryPickForm,
    ReasonForm,
    ReturnForm,
    ReviewRequestFormSet,
    SignForm,
    TerminateForm,
)
from agreements.models import Agreement, AgreementProvince, Clause, LegalBasis, ReviewRequest
from conditions import eligibility
from conditions.models import Evidence, Notice
from core.exceptions import Refused, flash_refusal
from core.historyview import history_entries
from core.models import Province
from core.paging import int_param, paginate
from partners.models import Partner


def _visible(request, pk):
    return get_object_or_404(Agreement.objects.visible_to(request.user), pk=pk)


def agreement_list(request):
    agreements = Agreement.objects.visible_to(request.user).select_related("partner", "handing_department")
    q = request.GET.get("q", "").strip()
    if q:
        agreements = agreements.filter(
            Q(title__icontains=q) | Q(partner__short_name__icontains=q) | Q(partner__legal_name__icontains=q)
            | Q(symbol__icontains=q) | Q(software_version__icontains=q)
            | (Q(number=int_param(q.split("/")[0])) if int_param(q.split("/")[0]) else Q(pk__in=[])))
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
        "page": page, "query": query, "q": q, "status": status, "partner": partner, "province": province,
        "statuses": Agreement.Status.choices,
        "partners": Partner.objects.visible_to(request.user).order_by("short_name"),
        "provinces": Province.objects.order_by("-valid_from", "name"),
        "can_create": permissions.can_create(request.user),
    })


def agreement_detail(request, pk):
    agreement = get_object_or_404(
        Agreement.objects.visible_to(request.user).select_related(
            "partner", "handing_department", "condition_set", "termination_clause", "created_by"),
        pk=pk)
    return render(request, "agreements/agreement_detail.html", {
        "agreement": agreement,
        "legal_bases": agreement.legal_bases.select_related("authority_document").order_by("position", "pk"),
        "clauses": agreement.clauses.order_by("position", "pk"),
        "provinces": Province.objects.filter(agreements=agreement).order_by("name"),
        "review_requests": agreement.review_requests.select_related("department"),
        "status_changes": agreement.status_changes.select_related("by"),
        "actions": permissions.actions_for(request.user, agreement),
        "can_edit": permissions.can_edit(request.user, agreement),
        "can_view_history": permissions.can_view_history(request.user),
        "flag": agreement.eligibility_flags.filter(cleared_on__isnull=True).first(),
        "notices": Notice.objects.filter(evidence__in=Evidence.objects.visible_to(request.user)
                                         .filter(partner=agreement.partner,
                                                 condition__condition_set=agreement.condition_set_id))
        .select_related("evidence__condition")[:10],
        "verdict": eligibility.verdict(agreement.partner, agreement.condition_set, timezone.localdate())
        if agreement.condition_set and agreement.status in (Agreement.Status.REVIEW, Agreement.Status.SIGNED)
        else None,
    })


def agreement_create(request):
    if not permissions.can_create(request.user):
        raise PermissionDenied
    initial = {}
    partner_id = request.GET.get("partner", "")
    if int_param(partner_id):
        partner = Partner.objects.visible_to(request.user).filter(pk=int_param(partner_id)).first()
        if partner:
            initial = {"partner": partner, "receiving_representative": partner.representative_name,
                       "receiving_title": partner.representative_title}
    form = AgreementForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        provinces = data.pop("provinces")
        agreement = services.agreement_create(by=request.user, provinces=provinces, **data)
        messages.success(request, _("Draft created. Add its legal bases, clauses and the departments to ask."))
        return redirect("agreements:edit", pk=agreement.pk)
    return render(request, "agreements/agreement_form.html", {"form": form})


def agreement_edit(request, pk):
    """The header, legal bases, clauses and departments asked, saved together or not at all."""
    agreement = _visible(request, pk)
    if not request.user.has_perm("agreements.change_agreement"):
        raise PermissionDenied
    if not agreement.is_editable:
        messages.error(request, _("Only a draft can be edited; this agreement is %(status)s.") % {
            "status": agreement.get_status_display().lower()})
        return redirect(agreement)
    data = request.POST if request.method == "POST" else None
    # A copy for the form to fill in; the service re-reads the row under its lock.
    form = AgreementForm(data, instance=copy.copy(agreement), user=request.user)
    formsets = [
        LegalBasisFormSet(data, instance=agreement, prefix="bases", form_kwargs={"partner": agreement.partner}),
        ClauseFormSet(data, instance=agreement, prefix="clauses"),
        ReviewRequestFormSet(data, instance=agreement, prefix="reviews"),
    ]
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for f in formsets):
        fields = dict(form.cleaned_data)
        provinces = fields.pop("provinces")
        fields.pop("partner", None)
        try:
            _save_all(agreement, request.user, fields, provinces, formsets)
        except Refused as refused:
            flash_refusal(request, refused)
            return redirect(agreement)
        messages.success(request, _("Draft saved."))
        if "continue" in request.POST:
            return redirect("agreements:edit", pk=agreement.pk)
        return redirect(agreement)
    return render(request, "agreements/agreement_edit.html", {
        "agreement": agreement, "form": form, "bases": formsets[0], "clauses": formsets[1], "reviews": formsets[2],
        "library": LibraryPickForm(agreement=agreement),
        "has_errors": request.method == "POST",
    })


def _save_all(agreement, user, fields, provinces, formsets):
    from django.db import transaction

    with transaction.atomic():
        services.agreement_update(agreement=agreement, by=user, provinces=provinces, **fields)
        services.agreement_save_parts(agreement=agreement, by=user, formsets=formsets)


@require_POST
def add_standard_clauses(request, pk):
    agreement = _visible(request, pk)
    if not request.user.has_perm("agreements.change_agreement"):
        raise PermissionDenied
    try:
        added = library.agreement_add_standard_clauses(agreement=agreement, by=request.user)
    except Refused as refused:
        flash_refusal(request, refused)
        return redirect(agreement)
    if added:
        messages.success(request, _("%(n)d standard clauses inserted; edit them as needed.") % {"n": added})
    else:
        messages.info(request, _("Every section already has a clause."))
    return redirect("agreements:edit", pk=agreement.pk)


FORMS = {"send": ReasonForm, "return": ReturnForm, "sign": SignForm, "cancel": TerminateForm,
         "terminate": TerminateForm}


def _action_form(action, agreement, data=None):
    form_class = FORMS[action]
    if form_class is TerminateForm:
        return TerminateForm(data, agreement=agreement, initial={"terminated_on": timezone.localdate()})
    if form_class is SignForm and data is None:
        today = timezone.localdate()
        return SignForm(initial={
            "number": services.next_number(today.year), "signed_on": today, "place": agreement.place,
            "handing_signatory": agreement.handing_representative, "handing_signatory_title": agreement.handing_title,
            "receiving_signatory": agreement.receiving_representative,
            "receiving_signatory_title": agreement.receiving_title})
    return form_class(data)


def _check_action(request, agreement, action):
    if action not in permissions.ACTIONS:
        raise Http404
    if not permissions.may_act(request.user, action):
        raise PermissionDenied


@require_GET
def transition_confirm(request, pk, action):
    """The confirmation step: what is about to happen, and the details it needs."""
    agreement = _visible(request, pk)
    _check_action(request, agreement, action)
    return render(request, "agreements/agreement_transition.html", {
        "agreement": agreement, "action": action, "form": _action_form(action, agreement),
        "offered": action in permissions.actions_for(request.user, agreement),
    })


@require_POST
def transition(request, pk, action):
    agreement = _visible(request, pk)
    _check_action(request, agreement, action)
    form = _action_form(action, agreement, request.POST)
    if form.is_valid():
        try:
            _perform(action, agreement, request.user, form.cleaned_data)
        except Refused as refused:
            return render(request, "agreements/agreement_transition.html", {
                "agreement": agreement, "action": action, "form": form, "refusals": refused.reasons,
                "offered": True}, status=409)
        messages.success(request, DONE[action])
        return redirect(agreement)
    return render(request, "agreements/agreement_transition.html", {
        "agreement": agreement, "action": action, "form": form, "offered": True}, status=400)


DONE = {
    "send": gettext_lazy("Sent for review."),
    "return": gettext_lazy("Returned for revision."),
    "sign": gettext_lazy("Signing recorded. The minutes are now frozen."),
    "cancel": gettext_lazy("Agreement cancelled."),
    "terminate": gettext_lazy("Agreement terminated."),
}


def _perform(action, agreement, user, data):
    if action == "send":
        return services.agreement_send_for_review(agreement=agreement, by=user, reason=data["reason"])
    if action == "return":
        return services.agreement_return_for_revision(agreement=agreement, by=user, reason=data["reason"])
    if action == "sign":
        return services.agreement_sign(agreement=agreement, by=user, **data)
    return services.agreement_terminate(agreement=agreement, by=user, terminated_on=data["terminated_on"],
                                        reason_code=data["reason_code"], notes=data["notes"],
                                        clause=data.get("clause"))


def agreement_history(request, pk):
    agreement = _visible(request, pk)
    if not permissions.can_view_history(request.user):
        raise PermissionDenied
    entries = history_entries(
        Agreement.history.filter(id=agreement.pk),
        LegalBasis.history.filter(agreement_id=agreement.pk),
        Clause.history.filter(agreement_id=agreement.pk),
        AgreementProvince.history.filter(agreement_id=agreement.pk),
        ReviewRequest.history.filter(agreement_id=agreement.pk),
    )
    return render(request, "core/history.html", {"object": agreement, "entries": entries})
