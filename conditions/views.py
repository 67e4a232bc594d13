from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from conditions import eligibility, permissions, services
from conditions.forms import (
    AnswerForm,
    ConditionForm,
    ConditionSetForm,
    DecisionForm,
    EligibilityDayForm,
    EvidenceForm,
    NewVersionForm,
)
from conditions.models import Condition, ConditionSet, Evidence, EvidenceFile, EvidenceMessage
from core.downloads import private_download
from core.exceptions import AlreadyRecorded, Refused
from core.http import flash_refusal, int_param, paginate
from core.models import DownloadRecord
from core.paging import Key, keyset_page
from partners.models import Partner


def _set(request, pk):
    return get_object_or_404(ConditionSet.objects.visible_to(request.user), pk=pk)


def _manage(request):
    if not permissions.can_manage_catalogue(request.user):
        raise PermissionDenied


# --- the catalogue -------------------------------------------------------------------------------

def conditionset_list(request):
    sets = ConditionSet.objects.visible_to(request.user).annotate(n_conditions=Count("conditions"))
    return render(request, "conditions/conditionset_list.html", {
        "sets": sets, "can_manage": permissions.can_manage_catalogue(request.user),
        "in_force": ConditionSet.objects.in_force_on(timezone.localdate()),
    })


def conditionset_detail(request, pk):
    condition_set = _set(request, pk)
    return render(request, "conditions/conditionset_detail.html", {
        "set": condition_set, "conditions": condition_set.conditions.all(),
        "can_edit": condition_set.is_editable and permissions.can_manage_catalogue(request.user),
    })


def conditionset_create(request):
    _manage(request)
    latest = ConditionSet.objects.order_by("-version").first()
    form = NewVersionForm(request.POST or None, initial={"copy_from": latest})
    if request.method == "POST" and form.is_valid():
        condition_set = services.condition_set_create(by=request.user, **form.cleaned_data)
        messages.success(request, _("Draft version %(v)s created.") % {"v": condition_set.version})
        return redirect(condition_set)
    return render(request, "conditions/conditionset_form.html", {"form": form})


def conditionset_edit(request, pk):
    condition_set = _set(request, pk)
    _manage(request)
    # A copy for the form to write on: the service changes the set itself, under its lock.
    copy = ConditionSet(**{name: getattr(condition_set, name) for name in services.SET_FIELDS})
    form = ConditionSetForm(request.POST or None, instance=copy)
    if request.method == "POST" and form.is_valid():
        try:
            services.condition_set_update(condition_set=condition_set, by=request.user, **form.cleaned_data)
        except Refused as refused:
            flash_refusal(request, refused)
        return redirect(condition_set)
    return render(request, "conditions/conditionset_form.html", {"form": form, "set": condition_set})


@require_POST
def conditionset_publish(request, pk):
    condition_set = _set(request, pk)
    _manage(request)
    try:
        services.condition_set_publish(condition_set=condition_set, by=request.user)
        messages.success(request, _("Version %(v)s published.") % {"v": condition_set.version})
    except Refused as refused:
        flash_refusal(request, refused)
    return redirect(condition_set)


def condition_edit(request, pk, condition_pk=None):
    condition_set = _set(request, pk)
    _manage(request)
    condition = get_object_or_404(condition_set.conditions, pk=condition_pk) if condition_pk else None
    form = ConditionForm(request.POST or None, instance=condition or Condition(condition_set=condition_set),
                         condition_set=condition_set)
    if request.method == "POST" and form.is_valid():
        try:
            services.condition_save(condition_set=condition_set, condition=condition, by=request.user,
                                    **form.cleaned_data)
        except Refused as refused:
            flash_refusal(request, refused)
        return redirect(condition_set)
    return render(request, "conditions/condition_form.html", {"form": form, "set": condition_set})


@require_POST
def condition_remove(request, pk, condition_pk):
    condition_set = _set(request, pk)
    _manage(request)
    condition = get_object_or_404(condition_set.conditions, pk=condition_pk)
    try:
        services.condition_remove(condition=condition, by=request.user)
    except Refused as refused:
        flash_refusal(request, refused)
    return redirect(condition_set)


# --- eligibility ---------------------------------------------------------------------------------

def _day(request):
    form = EligibilityDayForm(request.GET or None)
    return (form.cleaned_data.get("on") if form.is_valid() else None) or timezone.localdate(), form


def eligibility_overview(request):
    """Every visible partner's verdict under the set in force: a fixed number of queries."""
    day, day_form = _day(request)
    condition_set = ConditionSet.objects.in_force_on(day)
    page, query = paginate(request, Partner.objects.visible_to(request.user).order_by("short_name", "pk"))
    verdicts = eligibility.verdicts(page.object_list, condition_set, day)
    rows = [(partner, verdicts[partner.pk]) for partner in page.object_list]
    return render(request, "conditions/eligibility_overview.html", {
        "rows": rows, "page": page, "query": query, "set": condition_set, "day": day, "day_form": day_form})


def partner_eligibility(request, partner_pk):
    partner = get_object_or_404(Partner.objects.visible_to(request.user), pk=partner_pk)
    day, day_form = _day(request)
    condition_set = ConditionSet.objects.in_force_on(day)
    if int_param(request.GET.get("set")):
        condition_set = _set(request, int_param(request.GET["set"]))
    verdict = eligibility.verdict(partner, condition_set, day)
    return render(request, "conditions/partner_eligibility.html", {
        "partner": partner, "verdict": verdict, "set": condition_set, "day": day, "day_form": day_form,
        "can_submit": permissions.can_submit_for(request.user, partner) and condition_set is not None
        and ConditionSet.objects.open_for_evidence(timezone.localdate()).filter(pk=condition_set.pk).exists(),
    })


def evidence_submit(request, partner_pk, condition_pk):
    partner = get_object_or_404(Partner.objects.visible_to(request.user), pk=partner_pk)
    condition = get_object_or_404(Condition.objects.select_related("condition_set").exclude(
        condition_set__status=ConditionSet.Status.DRAFT), pk=condition_pk)
    if not permissions.can_submit_for(request.user, partner):
        raise PermissionDenied
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            evidence = services.evidence_submit(partner=partner, condition=condition, by=request.user,
                                                statement=form.cleaned_data["statement"],
                                                uploads=form.cleaned_data["files"])
        except AlreadyRecorded as already:  # sent twice: the first is shown, nothing is recorded again
            messages.info(request, _("This submission was already recorded; it is shown here and was not "
                                     "recorded again."))
            return redirect("conditions:evidence", pk=already.existing.pk)
        except Refused as refused:
            for reason in refused.reasons:
                form.add_error(None, reason)
        else:
            messages.success(request, _("Evidence submitted for %(code)s; an assessor will review it.") % {
                "code": condition.code})
            return redirect("conditions:evidence", pk=evidence.pk)
    return render(request, "conditions/evidence_form.html", {"form": form, "partner": partner,
                                                             "condition": condition})


# --- assessment ----------------------------------------------------------------------------------

def assessment_queue(request):
    if not permissions.can_assess(request.user):
        raise PermissionDenied
    queue = Evidence.objects.visible_to(request.user).awaiting_assessment().select_related(
        "partner", "condition", "condition__condition_set", "submitted_by")
    # Oldest first, by keyset pages read from the partial index evidence_awaiting_assessment.
    page = keyset_page(request, queue, (Key("submitted_at"),))
    return render(request, "conditions/assessment_queue.html", {"page": page})


def _evidence(request, pk):
    return get_object_or_404(
        Evidence.objects.visible_to(request.user).select_related(
            "partner", "condition", "condition__condition_set", "submitted_by", "decided_by")
        .prefetch_related(Prefetch("files", queryset=EvidenceFile.objects.filter(message=None).order_by("pk")),
                          Prefetch("messages", queryset=EvidenceMessage.objects.select_related("author")
                                   .prefetch_related(Prefetch("files", queryset=EvidenceFile.objects.order_by("pk"))))),
        pk=pk)


def _evidence_page(request, evidence, *, form=None, answer_form=None):
    """The evidence, its thread and earlier submissions; the assessor's form or the partner's answer when theirs
    to give, bound to what was sent when it came back with errors (the choice kept, each error beside its field)."""
    today = timezone.localdate()
    can_decide = permissions.can_assess(request.user) and evidence.status == Evidence.Status.SUBMITTED
    can_answer = (evidence.status == Evidence.Status.INFO_REQUESTED
                  and permissions.can_submit_for(request.user, evidence.partner))
    earlier = (Evidence.objects.filter(partner=evidence.partner, condition=evidence.condition)
               .exclude(pk=evidence.pk).select_related("decided_by").order_by("-submitted_at", "-pk")[:20])
    if can_decide and form is None:
        form = DecisionForm(initial={"valid_from": today, "valid_until": services.default_valid_until(
            evidence.condition, today)})
    if can_answer and answer_form is None:
        answer_form = AnswerForm()
    return render(request, "conditions/evidence_detail.html", {
        "evidence": evidence, "earlier": earlier, "thread": evidence.messages.all(),
        "can_decide": can_decide, "form": form if can_decide else None,
        "can_answer": can_answer, "answer_form": answer_form if can_answer else None,
        "can_resubmit": not can_answer and permissions.can_submit_for(request.user, evidence.partner)
        and ConditionSet.objects.open_for_evidence(today).filter(pk=evidence.condition.condition_set_id).exists(),
    })


def evidence_detail(request, pk):
    return _evidence_page(request, _evidence(request, pk))


@require_POST
def evidence_decide(request, pk):
    evidence = _evidence(request, pk)
    if not permissions.can_assess(request.user):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.evidence_decide(evidence=evidence, by=request.user, **form.cleaned_data)
        except Refused as refused:
            evidence = _evidence(request, pk)  # as it stands now
            if evidence.status != Evidence.Status.SUBMITTED:
                flash_refusal(request, refused)  # decided meanwhile: the page shows what stands now
                return redirect("conditions:evidence", pk=evidence.pk)
            for reason in refused.reasons:
                form.add_error(None, reason)
        else:
            messages.success(request, _("Decision recorded."))
            return redirect("conditions:queue")
    return _evidence_page(request, evidence, form=form)


@require_POST
def evidence_answer(request, pk):
    evidence = _evidence(request, pk)
    if not permissions.can_submit_for(request.user, evidence.partner):
        raise PermissionDenied
    form = AnswerForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.evidence_answer(evidence=evidence, by=request.user, text=form.cleaned_data["text"],
                                     uploads=form.cleaned_data["files"])
        except Refused as refused:
            for reason in refused.reasons:
                form.add_error(None, reason)
        else:
            messages.success(request, _("Answer sent: the evidence is back with the assessor."))
            return redirect("conditions:evidence", pk=evidence.pk)
    return _evidence_page(request, evidence, answer_form=form)


def evidence_file_download(request, pk):
    item = get_object_or_404(EvidenceFile.objects.filter(evidence__in=Evidence.objects.visible_to(request.user))
                             .select_related("evidence"), pk=pk)
    if not item.file:
        raise Http404
    return private_download(request, field_file=item.file, filename=item.original_name,
                            what=DownloadRecord.What.EVIDENCE_FILE, object_id=item.pk,
                            scope=(item.evidence.partner_id, None))
