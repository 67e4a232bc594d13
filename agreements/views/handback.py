"""After termination: the hand-back page (the obligations, their evidence, the receiving party's record and the
Ministry's answer), the evidence files, and the minutes of termination as a PDF. The hand-back is read by whoever
reads the deployment (Ministry staff, auditors, the receiving party's own users); to anyone else it does not
exist. The minutes of termination are read by whoever reads the signed minutes."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements import permissions, selectors, services
from agreements.handback_forms import HandbackDecisionForm, HandbackRecordForm
from agreements.models import Agreement, HandbackEvidence, HandbackObligation, TerminationMinutes
from agreements.views.agreement import visible_agreement
from core.downloads import pdf_download, private_download
from core.exceptions import NotPermitted, Refused
from core.models import DownloadRecord

DECISIONS = {"confirm": services.handback_confirm, "return": services.handback_return}


def _terminated_agreement(request, pk):
    """Terminated minutes whose hand-back the user may read; 404 otherwise."""
    agreement = visible_agreement(request, pk, Agreement.objects.select_related("partner", "handing_department"))
    if agreement.status != Agreement.Status.TERMINATED or not permissions.can_read_deployment(request.user, agreement):
        raise Http404
    return agreement


def _obligation(agreement, obligation_pk):
    obligation = get_object_or_404(HandbackObligation.objects.filter(agreement=agreement), pk=obligation_pk)
    obligation.agreement = agreement
    return obligation


def handback_page(request, pk, bound=None, status=200):
    """Every obligation with its deadline, status and evidence; the forms the user may use on it. `bound`
    ({obligation pk: form}) keeps a form sent back with its errors beside its fields."""
    agreement = _terminated_agreement(request, pk)
    state = selectors.handback_state(agreement)
    can_record = permissions.can_record_handback(request.user, agreement)
    can_confirm = permissions.can_confirm_handback(request.user)
    bound = bound or {}
    for obligation in state["handback"]:
        obligation.agreement = agreement
        obligation.record_form = obligation.decision_form = None
        if can_record and obligation.status in HandbackObligation.RECORDABLE:
            obligation.record_form = bound.get(obligation.pk) or HandbackRecordForm(obligation=obligation)
        if can_confirm and obligation.status == HandbackObligation.Status.RECORDED:
            obligation.decision_form = bound.get(obligation.pk) or HandbackDecisionForm(obligation=obligation)
    return render(request, "agreements/handback.html", {"agreement": agreement, **state}, status=status)


@require_POST
def handback_record(request, pk, obligation_pk):
    agreement = _terminated_agreement(request, pk)
    obligation = _obligation(agreement, obligation_pk)
    if not permissions.can_record_handback(request.user, agreement):
        raise PermissionDenied
    form = HandbackRecordForm(request.POST, request.FILES, obligation=obligation)
    if not form.is_valid():
        return handback_page(request, pk, bound={obligation.pk: form}, status=400)
    try:
        services.handback_record(obligation=obligation, by=request.user, notes=form.cleaned_data["notes"],
                                 uploads=form.cleaned_data["files"])
    except NotPermitted:
        raise
    except Refused as refused:
        for reason in refused.reasons:
            form.add_error(None, reason)
        return handback_page(request, pk, bound={obligation.pk: form}, status=409)
    messages.success(request, _("Recorded; the Ministry will confirm it or send it back."))
    return redirect(obligation)


@require_POST
def handback_decide(request, pk, obligation_pk, decision):
    agreement = _terminated_agreement(request, pk)
    obligation = _obligation(agreement, obligation_pk)
    if not permissions.can_confirm_handback(request.user):
        raise PermissionDenied
    form = HandbackDecisionForm(request.POST, obligation=obligation)
    if not form.is_valid():
        return handback_page(request, pk, bound={obligation.pk: form}, status=400)
    notes = form.cleaned_data["notes"]
    try:
        if decision == "return":
            services.handback_return(obligation=obligation, by=request.user, reason=notes)
        else:
            services.handback_confirm(obligation=obligation, by=request.user, notes=notes)
    except NotPermitted:
        raise
    except Refused as refused:
        for reason in refused.reasons:
            form.add_error("notes" if decision == "return" and not notes.strip() else None, reason)
        return handback_page(request, pk, bound={obligation.pk: form}, status=409)
    messages.success(request, _("Confirmed.") if decision == "confirm" else _("Returned to the receiving party."))
    return redirect(obligation)


def handback_file(request, pk, obligation_pk, file_pk):
    """A document of the hand-back, to those who read it; each download recorded."""
    agreement = _terminated_agreement(request, pk)
    obligation = _obligation(agreement, obligation_pk)
    item = get_object_or_404(HandbackEvidence, pk=file_pk, obligation=obligation)
    return private_download(request, field_file=item.file, filename=item.original_name,
                            what=DownloadRecord.What.HANDBACK_EVIDENCE, object_id=item.pk,
                            scope=(agreement.partner_id, agreement.pk))


def termination_pdf(request, pk):
    """The minutes of termination: the bytes frozen at termination, to whoever reads the signed minutes."""
    agreement = visible_agreement(request, pk, Agreement.objects.select_related("partner"))
    minutes = get_object_or_404(TerminationMinutes, agreement=agreement)
    return pdf_download(request, data=bytes(minutes.data), filename=minutes.filename,
                        what=DownloadRecord.What.TERMINATION_MINUTES, object_id=minutes.pk,
                        scope=(agreement.partner_id, agreement.pk))
