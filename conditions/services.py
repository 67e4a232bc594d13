"""Every write to the catalogue and to evidence goes through here."""

import calendar
import datetime
import functools

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from conditions import permissions
from conditions.models import Condition, ConditionSet, Evidence, EvidenceFile, EvidenceMessage
from core import notices, roles
from core.exceptions import AlreadyRecorded, Refused
from core.permissions import require
from core.tracking import as_stored, changes, only, tracked_delete, tracked_save
from core.uploads import check_partner_quota, checked_kinds, sha256_of, store_private_files
from partners.models import Partner

# What the catalogue pages change of a draft version and of its conditions.
SET_FIELDS = ("title", "effective_from", "decision_number", "decision_date")
CONDITION_FIELDS = ("code", "title", "description", "category", "mandatory", "evidence_required", "validity_months",
                    "position")


def add_months(day, months):
    """The same day `months` later, or the month's last day when it has no such day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


@transaction.atomic
def condition_set_create(*, by, title, effective_from, copy_from=None, decision_number="", decision_date=None):
    """Start a new draft version, optionally as a copy of an earlier one."""
    require(permissions.can_manage_catalogue(by), _("Your roles do not allow managing the conditions."))
    last = ConditionSet.objects.order_by("-version").values_list("version", flat=True).first() or 0
    condition_set = tracked_save(ConditionSet(version=last + 1, title=title, effective_from=effective_from,
                                              decision_number=decision_number, decision_date=decision_date),
                                 by=by, reason=_("New draft version"))
    if copy_from is not None:
        for condition in copy_from.conditions.all():
            condition.pk = None
            condition.condition_set = condition_set
            tracked_save(condition, by=by, reason=_("Copied from version %(v)s") % {"v": copy_from.version})
    return condition_set


def _lock_draft(condition_set, by):
    require(permissions.can_manage_catalogue(by), _("Your roles do not allow managing the conditions."))
    condition_set = ConditionSet.objects.select_for_update().get(pk=condition_set.pk)
    if not condition_set.is_editable:
        raise Refused(_("A published condition set is never edited: start a new version instead."))
    return condition_set


@transaction.atomic
def condition_set_update(*, condition_set, by, **fields):
    """Change a draft version's title or effective date."""
    condition_set = _lock_draft(condition_set, by)
    changed = changes(condition_set, only(fields, SET_FIELDS))
    if not changed:
        return condition_set  # saved as it was: nothing to record
    for name, value in changed.items():
        setattr(condition_set, name, value)
    return tracked_save(condition_set, by=by, reason=_("Draft edited"))


@transaction.atomic
def condition_save(*, condition_set, by, condition=None, **fields):
    """Add a condition to a draft version, or change one."""
    condition_set = _lock_draft(condition_set, by)
    fields = only(fields, CONDITION_FIELDS)
    if condition is None:
        condition = Condition(condition_set=condition_set)
    else:  # compared with the row as stored: a ModelForm has already written the new values on its instance
        # Only a condition of the draft set locked above: never one of a published set through it.
        condition = Condition.objects.select_for_update().filter(pk=condition.pk, condition_set=condition_set).first()
        if condition is None:
            raise Refused(_("This condition belongs to another condition set."))
        fields = changes(condition, fields)
        if not fields:
            return condition  # saved as it was: nothing to record
    for name, value in fields.items():
        setattr(condition, name, value)
    condition.full_clean()
    return tracked_save(condition, by=by, reason=_("Condition saved"))


@transaction.atomic
def condition_remove(*, condition, by):
    """Take a condition out of a draft version."""
    _lock_draft(condition.condition_set, by)
    tracked_delete(condition, by=by, reason=_("Condition removed"))


@transaction.atomic
def condition_set_publish(*, condition_set, by):
    """Publish a draft version; the version it replaces stays in force until the new effective date."""
    condition_set = _lock_draft(condition_set, by)
    problems = []
    if not condition_set.conditions.filter(mandatory=True).exists():
        problems.append(_("A condition set needs at least one mandatory condition."))
    if not (condition_set.decision_number.strip() and condition_set.decision_date):
        problems.append(_("Give the number and date of the decision that issues this version: the minutes cite "
                          "the conditions by it."))
    current = ConditionSet.objects.select_for_update().filter(status=ConditionSet.Status.PUBLISHED)
    for older in current:
        if older.effective_from >= condition_set.effective_from:
            problems.append(_("Version %(v)s takes effect on %(d)s; the new version must take effect later.") % {
                "v": older.version, "d": older.effective_from.strftime("%d/%m/%Y")})
    if problems:
        raise Refused(problems)
    for older in current:
        older.status = ConditionSet.Status.SUPERSEDED
        older.superseded_on = condition_set.effective_from
        tracked_save(older, by=by, reason=_("Superseded by version %(v)s") % {"v": condition_set.version})
    condition_set.status = ConditionSet.Status.PUBLISHED
    condition_set.published_at = timezone.now()
    return tracked_save(condition_set, by=by, reason=_("Published"))


@transaction.atomic
def evidence_submit(*, partner, condition, by, statement, uploads):
    """A partner's submission for one condition: a statement and checked files, all or nothing, within the unit's
    storage quota. The same submission sent again while the first awaits assessment (a double click, a retry, four
    tabs at once) is recorded once: AlreadyRecorded names the first."""
    require(permissions.can_submit_for(by, partner),
            _("Only a member of the unit submits its evidence: the Ministry assesses, it does not submit."))
    problems = []
    if not ConditionSet.objects.open_for_evidence(timezone.localdate()).filter(pk=condition.condition_set_id).exists():
        problems.append(_("Evidence is submitted only under a condition set in force or one a signed agreement "
                          "in force was judged by."))
    if not statement.strip():
        problems.append(_("Write a statement."))
    if not uploads:
        problems.append(_("Attach at least one file."))
    kinds = checked_kinds(uploads, problems)
    if problems:
        raise Refused(problems)
    digests = [sha256_of(upload) for upload in uploads]
    # One submission of a unit at a time: the duplicate check and the quota below see every earlier one committed.
    Partner.objects.select_for_update().get(pk=partner.pk)
    earlier = _same_submission_pending(partner, condition, statement, digests)
    if earlier is not None:
        raise AlreadyRecorded(earlier)
    check_partner_quota(partner.pk, sum(upload.size for upload in uploads))
    evidence = tracked_save(Evidence(partner=partner, condition=condition, statement=statement, submitted_by=by),
                            by=by, reason=_("Evidence submitted"))
    store_private_files(uploads, kinds, make=functools.partial(EvidenceFile, evidence=evidence), by=by,
                        reason=_("Evidence submitted"), digests=digests)
    return evidence


def _same_submission_pending(partner, condition, statement, digests):
    """The unit's submission for this condition that still awaits assessment with this very statement and these
    very files, if there is one. Once decided, the same files may be sent again."""
    pending = (Evidence.objects.filter(partner=partner, condition=condition, status=Evidence.Status.SUBMITTED,
                                       statement=as_stored(statement))
               .prefetch_related("files").order_by("pk"))
    for evidence in pending:
        if sorted(item.sha256 for item in evidence.files.all()) == sorted(digests):
            return evidence
    return None


def reason_needed(decision):
    """A rejection and a request for more information are read by the partner: they say why."""
    return decision in (Evidence.Status.REJECTED, Evidence.Status.INFO_REQUESTED)


@transaction.atomic
def evidence_decide(*, evidence, by, decision, reason="", valid_from=None, valid_until=None):
    """Accept (with validity dates), reject or ask for more information, with the reason the partner sees. A request
    for more information opens (or continues) the evidence's thread: the partner answers on the same evidence."""
    require(permissions.can_assess(by), _("Your roles do not allow assessing evidence."))
    evidence = Evidence.objects.select_for_update().select_related("condition").get(pk=evidence.pk)
    if decision not in Evidence.DECISIONS:
        raise Refused(_("Choose a decision."))
    if decision not in Evidence.MOVES[evidence.status]:
        raise Refused(_("This evidence was already decided: %(status)s.") % {
            "status": evidence.get_status_display().lower()})
    problems = []
    if decision == Evidence.Status.ACCEPTED:
        valid_from = valid_from or timezone.localdate()
        valid_until = valid_until or default_valid_until(evidence.condition, valid_from)
        if valid_until is None:
            raise Refused(_("The validity would run past any date the system can count."))
        if valid_until < valid_from:
            problems.append(_("The evidence cannot be valid until a day before it is valid from."))
        evidence.valid_from, evidence.valid_until = valid_from, valid_until
    elif reason_needed(decision) and not reason.strip():
        problems.append(_("Give the reason the partner will read."))
    if problems:
        raise Refused(problems)
    evidence.status = decision
    evidence.decided_by, evidence.decided_at, evidence.decision_reason = by, timezone.now(), reason.strip()
    label = Evidence.Status(decision).label
    evidence = tracked_save(evidence, by=by, reason=f"{label}. {reason}".strip(" ."))
    if decision == Evidence.Status.INFO_REQUESTED:
        tracked_save(EvidenceMessage(evidence=evidence, kind=EvidenceMessage.Kind.REQUEST, author=by,
                                     text=reason.strip()), by=by, reason=label)
    _tell_partner(evidence)
    return evidence


@transaction.atomic
def evidence_answer(*, evidence, by, text, uploads=()):
    """The partner's answer to a request for more information, on the same evidence: a text and, if it likes,
    checked files, within the unit's storage quota. The evidence goes back before the assessor, who decides on
    the whole thread."""
    require(permissions.can_submit_for(by, evidence.partner),
            _("Only a member of the unit answers for its evidence."))
    evidence = Evidence.objects.select_for_update().select_related("condition", "partner").get(pk=evidence.pk)
    if Evidence.Status.SUBMITTED not in Evidence.MOVES[evidence.status]:
        raise Refused(_("No more information is asked on this evidence: it is %(status)s.") % {
            "status": evidence.get_status_display().lower()})
    problems = []
    if not text.strip():
        problems.append(_("Write your answer."))
    kinds = checked_kinds(uploads, problems)
    if problems:
        raise Refused(problems)
    digests = [sha256_of(upload) for upload in uploads]
    Partner.objects.select_for_update().get(pk=evidence.partner_id)  # the quota sees every earlier file committed
    check_partner_quota(evidence.partner_id, sum(upload.size for upload in uploads))
    asked_by = evidence.decided_by
    message = tracked_save(EvidenceMessage(evidence=evidence, kind=EvidenceMessage.Kind.ANSWER, author=by,
                                           text=text), by=by, reason=_("Answer to the request for more information"))
    store_private_files(uploads, kinds, make=functools.partial(EvidenceFile, evidence=evidence, message=message),
                        by=by, reason=_("Answer to the request for more information"), digests=digests)
    # Awaiting assessment again; the request it answers stays in the thread and in the history.
    evidence.status = Evidence.Status.SUBMITTED
    evidence.decided_by, evidence.decided_at, evidence.decision_reason = None, None, ""
    tracked_save(evidence, by=by, reason=_("More information given"))
    _tell_assessors(evidence, message, asked_by)
    return message


def _tell_partner(evidence):
    """The partner unit's members read the decision in the app and by mail. Whoever submitted the
    evidence is among them while still a member; one who has left the unit is not told (the evidence
    is no longer theirs to open)."""
    User = get_user_model()
    members = User.objects.filter(membership__partner_id=evidence.partner_id)
    notices.notify(
        members, kind=f"evidence_{evidence.status}",
        key=f"evidence_{evidence.status}:{evidence.pk}:{evidence.decided_at.isoformat()}",
        url=reverse("conditions:evidence", args=[evidence.pk]),
        params={"partner": evidence.partner.short_name, "code": evidence.condition.code,
                "title": evidence.condition.title, "reason": evidence.decision_reason,
                "valid_from": _d(evidence.valid_from), "valid_until": _d(evidence.valid_until)})


def _tell_assessors(evidence, message, asked_by):
    """The assessor who asked reads the answer; when that one no longer assesses, every assessor does (the
    evidence is back in their queue either way)."""
    people = [asked_by] if asked_by is not None and permissions.can_assess(asked_by) else (
        get_user_model().objects.filter(groups__name=roles.ASSESSOR, is_active=True))
    notices.notify(
        people, kind="evidence_answered", key=f"evidence_answered:{message.pk}",
        url=reverse("conditions:evidence", args=[evidence.pk]),
        params={"partner": evidence.partner.short_name, "code": evidence.condition.code,
                "title": evidence.condition.title, "reason": message.text})


def _d(day):
    return day.strftime("%d/%m/%Y") if day else ""


def default_valid_until(condition, valid_from):
    """The last day of the condition's validity counted from `valid_from`; None past year 9999."""
    try:
        return add_months(valid_from, condition.validity_months) - datetime.timedelta(days=1)
    except (OverflowError, ValueError):
        return None
