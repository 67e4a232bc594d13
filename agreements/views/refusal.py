"""The receiving party's refusal request: asking, reading it with its documents, and the Ministry's decision.
Who sees a request is who sees its agreement (visible_to); who files and who decides, agreements.services.refusal."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements import permissions, services
from agreements.models import Agreement, AgreementProvince, RefusalRequest, RefusalRequestFile
from agreements.refusal_forms import RefusalDecisionForm, RefusalRequestForm
from agreements.services.refusal import refusal_clauses
from agreements.views.agreement import visible_agreement
from core.downloads import private_download
from core.exceptions import NotPermitted, Refused
from core.models import DownloadRecord

DECISIONS = {"accept": services.refusal_accept, "reject": services.refusal_reject}


def refusal_create(request, pk):
    """The partner's form; when the minutes cannot be refused (not signed, no refusal case, a request
    already waiting) the page says why and offers nothing to submit."""
    agreement = visible_agreement(request, pk, Agreement.objects.select_related("partner"))
    if not permissions.can_ask_refusal(request.user, agreement):
        raise PermissionDenied
    pending = agreement.refusal_requests.filter(status=RefusalRequest.Status.PENDING).first()
    closed = None
    if agreement.status != Agreement.Status.SIGNED:
        closed = _("Only signed minutes in force can be refused; these are %(status)s.") % {
            "status": agreement.get_status_display().lower()}
    elif not refusal_clauses(agreement).exists():
        closed = _("These minutes name no case in which the receiving party may refuse the right to use, so no "
                   "refusal can be asked under them.")
    elif pending is not None:
        closed = _("A refusal request already waits for the Ministry's decision on these minutes.")
    if closed:
        return render(request, "agreements/refusal_form.html", {
            "agreement": agreement, "closed": closed, "pending": pending},
            status=409 if request.method == "POST" else 200)
    form = RefusalRequestForm(request.POST or None, request.FILES or None, agreement=agreement)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.refusal_file(agreement=agreement, by=request.user, clause=form.cleaned_data["clause"],
                                         provinces=list(form.cleaned_data["provinces"]),
                                         facts=form.cleaned_data["facts"], uploads=form.cleaned_data["files"])
        except NotPermitted:
            raise
        except Refused as refused:
            for reason in refused.reasons:
                form.add_error(None, reason)
        else:
            messages.success(request, _("Your request was filed; the Ministry will accept or reject it."))
            return redirect(made)
    return render(request, "agreements/refusal_form.html", {"agreement": agreement, "form": form},
                  status=400 if request.method == "POST" else 200)


def _visible_request(request, pk, refusal_pk):
    agreement = visible_agreement(request, pk, Agreement.objects.select_related("partner"))
    refusal = get_object_or_404(
        RefusalRequest.objects.filter(agreement=agreement)
        .select_related("clause", "filed_by", "decided_by")
        .prefetch_related(Prefetch("files", queryset=RefusalRequestFile.objects.order_by("pk")),
                          Prefetch("provinces", queryset=AgreementProvince.objects.select_related("province")
                                   .order_by("province__name"))), pk=refusal_pk)
    refusal.agreement = agreement
    return agreement, refusal


def refusal_detail(request, pk, refusal_pk, form=None, status=200, refusals=()):
    agreement, refusal = _visible_request(request, pk, refusal_pk)
    can_decide = permissions.can_decide_refusal(request.user) and refusal.is_pending
    return render(request, "agreements/refusal_detail.html", {
        "agreement": agreement, "refusal": refusal, "article": refusal.clause.article_number(),
        "can_decide": can_decide, "form": form or (RefusalDecisionForm() if can_decide else None),
        "refusals": refusals}, status=status)


@require_POST
def refusal_decide(request, pk, refusal_pk, decision):
    agreement, refusal = _visible_request(request, pk, refusal_pk)
    if not permissions.can_decide_refusal(request.user):
        raise PermissionDenied
    form = RefusalDecisionForm(request.POST)
    if not form.is_valid():
        return refusal_detail(request, pk, refusal_pk, form=form, status=400)
    try:
        DECISIONS[decision](request=refusal, by=request.user, reason=form.cleaned_data["reason"])
    except NotPermitted:
        raise
    except Refused as refused:
        return refusal_detail(request, pk, refusal_pk, form=form, status=409, refusals=refused.reasons)
    messages.success(request, _("Request accepted.") if decision == "accept" else _("Request rejected."))
    return redirect("agreements:refusal", pk=agreement.pk, refusal_pk=refusal.pk)


def refusal_file(request, pk, refusal_pk, file_pk):
    """A document of the request, to those who may read the agreement; each download recorded."""
    agreement, refusal = _visible_request(request, pk, refusal_pk)
    item = get_object_or_404(RefusalRequestFile, pk=file_pk, request=refusal)
    return private_download(request, field_file=item.file, filename=item.original_name,
                            what=DownloadRecord.What.REFUSAL_FILE, object_id=item.pk,
                            scope=(agreement.partner_id, agreement.pk))
