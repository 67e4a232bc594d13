"""The receiving party's request to refuse the right to use, and the Ministry's decision on it.

DOMAIN.md: a partner may ask to refuse the right to use only by citing one of the refusal cases in its own
agreement. Accepting a request for every province still in scope terminates the agreement (reason "refused",
the clause cited); for some of them, it releases those provinces from the scope. Each service locks the
agreement first, then the request, so a filing and a decision on the same agreement take turns."""

import functools

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements import notify, permissions
from agreements.models import Agreement, AgreementProvince, Clause, RefusalProvince, RefusalRequest, RefusalRequestFile
from agreements.services.lifecycle import agreement_terminate
from core.exceptions import Refused
from core.permissions import require
from core.tracking import as_stored, tracked_save
from core.uploads import check_partner_quota, checked_kinds, store_private_files
from partners.models import Partner

S = Agreement.Status
def refusal_clauses(agreement):
    """The refusal cases of this agreement, in the order the minutes print them."""
    return agreement.clauses.filter(section=Clause.Section.REFUSAL).order_by("position", "pk")


def scope_in_force(agreement):
    """The provinces of the agreement's scope not released by an earlier refusal."""
    return agreement.scope.filter(released_on__isnull=True).select_related("province").order_by("province__name")


@transaction.atomic
def refusal_file(*, agreement, by, clause, provinces, facts, uploads):
    """The receiving party asks to refuse the right to use for `provinces` (rows of the agreement's scope),
    citing `clause`, one of the agreement's own refusal cases, with the facts and documents."""
    require(permissions.can_ask_refusal(by, agreement),
            _("Only a member of the receiving party asks to refuse the right to use under its agreement."))
    require(Agreement.objects.visible_to(by).filter(pk=agreement.pk).exists(), _("These minutes are not open to you."))
    agreement = Agreement.objects.select_for_update().select_related("partner").get(pk=agreement.pk)
    problems = []
    if agreement.status != S.SIGNED:
        problems.append(_("Only signed minutes in force can be refused; these are %(status)s.") % {
            "status": agreement.get_status_display().lower()})
    if clause is None or clause.agreement_id != agreement.pk or clause.section != Clause.Section.REFUSAL:
        problems.append(_("Cite one of the refusal cases of these very minutes."))
    asked = list(AgreementProvince.objects.filter(pk__in=[p.pk for p in provinces or ()]).select_related("province"))
    if not asked:
        problems.append(_("Choose at least one province."))
    for row in asked:
        if row.agreement_id != agreement.pk:
            problems.append(_("%(province)s is not in the scope of these minutes.") % {"province": row.province.name})
        elif row.released_on:
            problems.append(_("%(province)s was already released from the scope on %(day)s.") % {
                "province": row.province.name, "day": row.released_on.strftime("%d/%m/%Y")})
    if not (facts or "").strip():
        problems.append(_("State the facts that bring the case about."))
    if agreement.refusal_requests.filter(status=RefusalRequest.Status.PENDING).exists():
        problems.append(_("A refusal request already waits for the Ministry's decision on these minutes."))
    kinds = checked_kinds(uploads, problems)
    if problems:
        raise Refused(problems)
    if uploads:
        Partner.objects.select_for_update().get(pk=agreement.partner_id)  # two submissions cannot share the space
        check_partner_quota(agreement.partner_id, sum(upload.size for upload in uploads))
    why = _("Refusal of the right to use asked under clause %(n)s") % {"n": clause.article_number()}
    request = tracked_save(RefusalRequest(agreement=agreement, clause=clause, facts=as_stored(facts).strip(),
                                          filed_by=by), by=by, reason=why)
    for row in asked:
        tracked_save(RefusalProvince(request=request, scope=row), by=by, reason=why)
    store_private_files(uploads, kinds, make=functools.partial(RefusalRequestFile, request=request), by=by,
                        reason=why)
    notify.refusal_filed(request)
    return request


def _lock(request, by):
    """The request and its agreement re-read under their locks (agreement first, as refusal_file takes it)."""
    require(permissions.can_decide_refusal(by),
            _("Only the Ministry's staff who may terminate agreements decide on a refusal."))
    agreement = Agreement.objects.select_for_update().select_related("partner").get(pk=request.agreement_id)
    request = RefusalRequest.objects.select_for_update().select_related("clause").get(pk=request.pk)
    request.agreement = agreement
    if not request.is_pending:
        raise Refused(_("This request was already decided: %(status)s.") % {
            "status": request.get_status_display().lower()})
    return request


@transaction.atomic
def refusal_accept(*, request, by, reason=""):
    """Accept the request: terminate the agreement when it covers every province still in scope, otherwise
    release the provinces asked from the scope."""
    request = _lock(request, by)
    agreement = request.agreement
    if agreement.status != S.SIGNED:
        raise Refused(_("The agreement is %(status)s: there is nothing left to refuse.") % {
            "status": agreement.get_status_display().lower()})
    asked = list(AgreementProvince.objects.select_for_update().filter(
        pk__in=request.asked.values("scope_id")).select_related("province").order_by("province__name"))
    released = [row for row in asked if row.released_on]
    if released:
        raise Refused([_("%(province)s was already released from the scope.") % {"province": row.province.name}
                       for row in released])
    today, reason = timezone.localdate(), as_stored(reason).strip()
    number = request.clause.article_number()
    refused_under = _("Refused under clause %(n)s") % {"n": number}
    if not scope_in_force(agreement).exclude(pk__in=[row.pk for row in asked]).exists():
        notes = _("Refusal request #%(pk)s of %(day)s, under clause %(n)s.") % {
            "pk": request.pk, "day": timezone.localtime(request.filed_at).strftime("%d/%m/%Y"), "n": number}
        agreement_terminate(agreement=agreement, by=by, terminated_on=today,
                            reason_code=Agreement.TerminationReason.REFUSED, clause=request.clause,
                            notes=f"{notes} {reason}".strip())
        request.outcome = RefusalRequest.Outcome.TERMINATED
    else:
        for row in asked:
            row.released_on = today
            row.released_reason = f"{refused_under}. {reason}".strip(" .")
            tracked_save(row, by=by, reason=row.released_reason)
        request.outcome = RefusalRequest.Outcome.NARROWED
    return _decide(request, RefusalRequest.Status.ACCEPTED, by=by, reason=reason)


@transaction.atomic
def refusal_reject(*, request, by, reason):
    """Reject the request, with the reasons the receiving party reads."""
    request = _lock(request, by)
    if not (reason or "").strip():
        raise Refused(_("Give the reasons the receiving party will read."))
    return _decide(request, RefusalRequest.Status.REJECTED, by=by, reason=as_stored(reason).strip())


def _decide(request, status, *, by, reason):
    request.status = status
    request.decided_by, request.decided_at, request.decision_reason = by, timezone.now(), reason
    label = RefusalRequest.Status(status).label
    tracked_save(request, by=by, reason=f"{label}. {reason}".strip(" ."))
    notify.refusal_decided(request)
    return request
