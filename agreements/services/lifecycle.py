"""The lifecycle moves, one service per action of agreements.actions. Each locks the row, checks who
acts and every rule of its move (agreements.guards), and records who, when and why. `status` is
assigned here and nowhere else."""

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements import notify, permissions
from agreements.actions import ACTIONS
from agreements.guards.ending import cancelling_problems, termination_problems
from agreements.guards.legal import text_drift_problems
from agreements.guards.opinions import duty_problems, opinion_problems
from agreements.guards.review import returning_problems, sending_problems
from agreements.guards.signing import signing_problems
from agreements.minutes_text import minutes_context
from agreements.models import Agreement, StatusChange
from agreements.services.handback import handback_open
from agreements.services.review import current_version, version_freeze
from core.exceptions import Refused
from core.permissions import require
from core.tracking import only, tracked_save

S = Agreement.Status


class TransitionRefused(Refused):
    pass


@transaction.atomic
def agreement_send_for_review(*, agreement, by, reason=""):
    """Send complete minutes to the departments asked."""
    agreement = _begin(agreement, ACTIONS["send"], by)
    _refuse_if(sending_problems(agreement))
    version = version_freeze(agreement, by=by)
    if agreement.first_sent_at is None:
        agreement.first_sent_at = timezone.now()  # from here on the receiving party may read the minutes
    agreement = _move(agreement, ACTIONS["send"], by, reason or _("%(version)s sent for review") % {
        "version": version.label})
    requests = list(agreement.review_requests.select_related("department"))
    for request in requests:  # every addressee is sent the new version, and answers that one
        request.sent_at, request.version = timezone.now(), version
        request.agreement = agreement
        tracked_save(request, by=by, reason=reason.strip() or _("%(version)s sent for review") % {
            "version": version.label})
    notify.review_requested(agreement, version, requests)
    return agreement


@transaction.atomic
def agreement_return_for_revision(*, agreement, by, reason):
    """Take minutes in review back to draft so the text can change."""
    agreement = _begin(agreement, ACTIONS["return"], by)
    _refuse_if(returning_problems(agreement, reason))
    agreement = _move(agreement, ACTIONS["return"], by, reason)
    requests = list(agreement.review_requests.select_related("department"))
    for request in requests:
        request.agreement = agreement
    notify.returned(agreement, reason=reason, requests=requests)
    return agreement


# How each side signs (Decree 30/2020/NĐ-CP): the form of signing on behalf, for whom, and the signatory's
# form of address. The signer may leave the form of address out when the representative named in the
# body signs: theirs is used.
SIGNING_FORM_FIELDS = tuple(f"{side}_{name}" for side in ("handing", "receiving")
                            for name in ("signatory_honorific", "sign_form", "signed_for", "signed_for_head"))


@transaction.atomic
def agreement_sign(*, agreement, by, number, symbol, signed_on, place, handing_signatory, handing_signatory_title,
                   receiving_signatory, receiving_signatory_title, reason="", overdue_reason="",
                   disagreements_acknowledged=False, **how):
    """Record that both parties signed; the text is frozen from here on. `overdue_reason` says why the
    signer goes on without an opinion that is overdue; `disagreements_acknowledged` that the signer read
    the drafter's explanation of every disagreement; `how` holds SIGNING_FORM_FIELDS."""
    only(how, SIGNING_FORM_FIELDS)
    agreement = _begin(agreement, ACTIONS["sign"], by)
    _lock_software(agreement.software_name)
    agreement.number, agreement.symbol, agreement.signed_on, agreement.place = number, symbol.strip(), signed_on, place
    agreement.number_year = signed_on.year if signed_on else None
    agreement.handing_signatory, agreement.handing_signatory_title = handing_signatory, handing_signatory_title
    agreement.receiving_signatory, agreement.receiving_signatory_title = receiving_signatory, receiving_signatory_title
    for name in SIGNING_FORM_FIELDS:
        setattr(agreement, name, (how.get(name) or "").strip())
    for side in ("handing", "receiving"):
        get = lambda name: getattr(agreement, f"{side}_{name}")  # noqa: E731
        if not get("signatory_honorific") and get("signatory").strip() == get("representative").strip():
            setattr(agreement, f"{side}_signatory_honorific", get("honorific"))
    version = current_version(agreement)
    _refuse_if([*duty_problems(agreement, version=version, by=by), *signing_problems(agreement),
                *opinion_problems(agreement, version=version, overdue_reason=overdue_reason,
                                  disagreements_acknowledged=disagreements_acknowledged)])
    # What the signed minutes say, computed once the details are sound: checked against the version sent,
    # written into the clauses, and rendered as the signed copy.
    context = minutes_context(agreement, draft=False)
    _refuse_if(text_drift_problems(agreement, version, context["articles"]))
    _freeze_clause_texts(agreement, by, context["articles"])
    said = [reason.strip() or _("Signed")]
    if overdue_reason.strip():
        said.append(_("Going on without the overdue opinions: %(why)s") % {"why": overdue_reason.strip()})
    if disagreements_acknowledged:
        said.append(_("The drafter's explanation of each disagreement was acknowledged."))
    agreement = _move(agreement, ACTIONS["sign"], by, " ".join(said))
    from agreements.services.signed_copies import signed_copy_create  # WeasyPrint loads only when someone signs

    signed_copy_create(agreement=agreement, by=by, context=context)
    requests = list(agreement.review_requests.select_related("department"))
    for request in requests:
        request.agreement = agreement
    notify.signed(agreement, requests=requests)
    return agreement


def _freeze_clause_texts(agreement, by, articles):
    """Signed clauses say what the signed copy prints: their placeholders are filled for the signing day,
    so no later change to the legal library reaches a signed text."""
    printed = ["\n".join(article["paragraphs"]) for article in articles]
    for clause, text in zip(agreement.clauses.order_by("position", "pk"), printed, strict=True):
        if clause.text != text:
            clause.text = text
            tracked_save(clause, by=by, reason=_("Placeholders filled at signing"))


@transaction.atomic
def agreement_cancel(*, agreement, by, cancelled_on, notes=""):
    """Cancel minutes that were never signed."""
    agreement = _begin(agreement, ACTIONS["cancel"], by)
    agreement.cancelled_on, agreement.cancellation_notes = cancelled_on, notes
    _refuse_if(cancelling_problems(agreement))
    said = _("Cancelled before signing")  # its own words, not a reason for termination: nothing was in force
    agreement = _move(agreement, ACTIONS["cancel"], by, f"{said}. {notes}".strip(" ."))
    notify.cancelled(agreement)
    return agreement


@transaction.atomic
def agreement_terminate(*, agreement, by, terminated_on, reason_code, notes="", clause=None):
    """End a signed agreement, with the reason from DOMAIN.md's list."""
    agreement = _begin(agreement, ACTIONS["terminate"], by)
    agreement.terminated_on, agreement.termination_notes = terminated_on, notes
    agreement.termination_reason, agreement.termination_clause = reason_code, clause
    _refuse_if(termination_problems(agreement))
    label = Agreement.TerminationReason(reason_code).label
    agreement = _move(agreement, ACTIONS["terminate"], by, f"{label}. {notes}".strip(" ."))
    # Issue 13, item 4: the end opens what the receiving party must hand back, and the minutes of termination
    # that say so, in this very transaction: a termination that rolls back leaves neither behind.
    obligations = handback_open(agreement=agreement, by=by)
    from agreements.services.termination import termination_minutes_create  # WeasyPrint loads only here

    termination_minutes_create(agreement=agreement, by=by, obligations=obligations)
    notify.terminated(agreement)
    return agreement


def _begin(agreement, action, by):
    """Re-read the row under the lock and check the move and who makes it.

    Of two people pressing the same button, the second waits here and then finds the move made."""
    require(permissions.may_act(by, action), _("Your roles do not allow “%(action)s”.") % {"action": action.button})
    require(Agreement.objects.visible_to(by).filter(pk=agreement.pk).exists(), _("These minutes are not open to you."))
    agreement = Agreement.objects.select_for_update().select_related("partner").get(pk=agreement.pk)
    if agreement.status == action.to:
        raise TransitionRefused(_("The agreement is already %(status)s; someone else made this change.") % {
            "status": agreement.get_status_display().lower()})
    if action.to not in Agreement.MOVES[agreement.status]:
        raise TransitionRefused(_("A %(status)s agreement cannot become %(to)s.") % {
            "status": agreement.get_status_display().lower(), "to": S(action.to).label.lower()})
    if agreement.status not in action.sources:
        raise TransitionRefused(_("“%(action)s” is not available while the agreement is %(status)s.") % {
            "action": action.button, "status": agreement.get_status_display().lower()})
    return agreement


def _refuse_if(problems):
    found = list(problems)
    if found:
        raise TransitionRefused(found)


def _move(agreement, action, by, reason):
    was = agreement.status
    agreement.status = action.to
    # No default reason: the move itself is recorded (from, to), and the history shows it once in its own
    # column; a reason that only repeated the move said nothing more (issue 14).
    reason = reason.strip()
    try:
        with transaction.atomic():  # a savepoint, so a clash on the number is refused, not a 500
            tracked_save(agreement, by=by, reason=reason)
    except IntegrityError:
        raise TransitionRefused(_("Number %(ns)s is already used in %(year)s.") % {
            "ns": agreement.number_and_symbol, "year": agreement.number_year}) from None
    tracked_save(StatusChange(agreement=agreement, from_status=was, to_status=action.to, by=by, reason=reason),
                 by=by, reason=reason)
    return agreement


def _lock_software(name):
    """Signings of the same software wait for each other, so two agreements covering one
    province cannot both pass the coverage check at once (each locks only its own row)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(lower(%s)))", [name])
