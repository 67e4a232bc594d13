"""Every write to an agreement that enforces a rule goes through here."""

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements import guards
from agreements.models import Agreement, AgreementProvince, ReviewRequest, StatusChange
from core.exceptions import Refused
from core.history import tracked_delete, tracked_save

S = Agreement.Status


class TransitionRefused(Refused):
    pass


class NotEditable(Refused):
    pass


@transaction.atomic
def agreement_transition(*, agreement, to, by, reason="", details=None):
    """Move an agreement to `to`, or raise TransitionRefused saying every reason why."""
    # Re-read under the lock: of two people pressing the same button, the second
    # waits here and then finds the move already made.
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    was = agreement.status
    if to == was:  # most often the second of two people pressing the same button
        raise TransitionRefused(_("The agreement is already %(status)s; someone else made this change.") % {
            "status": agreement.get_status_display().lower()})
    if to not in Agreement.MOVES[was]:
        raise TransitionRefused(_("A %(status)s agreement cannot become %(to)s.") % {
            "status": agreement.get_status_display().lower(), "to": S(to).label.lower()})
    for name, value in (details or {}).items():
        setattr(agreement, name, value)
    if to == S.SIGNED:
        _lock_software(agreement.software_name)
        if agreement.signed_on:
            agreement.number_year = agreement.signed_on.year
    found = list(guards.problems(agreement, to, by))
    if found:
        raise TransitionRefused(found)
    agreement.status = to
    reason = reason.strip() or _("%(from)s → %(to)s") % {"from": S(was).label, "to": S(to).label}
    try:
        with transaction.atomic():  # a savepoint, so a clash on the number is refused, not a 500
            tracked_save(agreement, by=by, reason=reason)
    except IntegrityError:
        raise TransitionRefused(_("Number %(ns)s is already used in %(year)s.") % {
            "ns": agreement.number_and_symbol, "year": agreement.number_year}) from None
    if to == S.SIGNED:
        from agreements.documents import signed_copy_create  # WeasyPrint loads only when someone signs

        signed_copy_create(agreement=agreement, by=by)
    if to == S.REVIEW:
        for request in agreement.review_requests.filter(sent_at__isnull=True):
            request.sent_at = timezone.now()
            tracked_save(request, by=by, reason=reason)
    tracked_save(StatusChange(agreement=agreement, from_status=was, to_status=to, by=by, reason=reason),
                 by=by, reason=reason)
    return agreement


def _lock_software(name):
    """Signings of the same software wait for each other, so two agreements covering one
    province cannot both pass the coverage check at once (each locks only its own row)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(lower(%s)))", [name])


def agreement_send_for_review(*, agreement, by, reason=""):
    """Send complete minutes to the departments asked."""
    return agreement_transition(agreement=agreement, to=S.REVIEW, by=by, reason=reason)


def agreement_return_for_revision(*, agreement, by, reason):
    """Take minutes in review back to draft so the text can change."""
    if not reason.strip():
        raise TransitionRefused(_("Say why the minutes go back for revision."))
    return agreement_transition(agreement=agreement, to=S.DRAFT, by=by, reason=reason)


def agreement_sign(*, agreement, by, number, symbol, signed_on, place, handing_signatory,
                   handing_signatory_title, receiving_signatory, receiving_signatory_title, reason=""):
    """Record that both parties signed; the text is frozen from here on."""
    details = dict(number=number, symbol=symbol.strip(), signed_on=signed_on, place=place,
                   handing_signatory=handing_signatory, handing_signatory_title=handing_signatory_title,
                   receiving_signatory=receiving_signatory, receiving_signatory_title=receiving_signatory_title)
    return agreement_transition(agreement=agreement, to=S.SIGNED, by=by, reason=reason or _("Signed"),
                                details=details)


def agreement_terminate(*, agreement, by, terminated_on, reason_code, notes="", clause=None):
    """End an agreement (or cancel one never signed), with the reason from DOMAIN.md's list."""
    details = dict(terminated_on=terminated_on, termination_reason=reason_code, termination_notes=notes,
                   termination_clause=clause)
    label = Agreement.TerminationReason(reason_code).label if reason_code else ""
    return agreement_transition(agreement=agreement, to=S.TERMINATED, by=by,
                                reason=f"{label}. {notes}".strip(" ."), details=details)


def next_number(year, symbol="BB-CNTT"):
    """The next free number of the year for a symbol; numbering restarts at 01 each year."""
    last = (Agreement.objects.filter(number_year=year, symbol=symbol).order_by("-number")
            .values_list("number", flat=True).first())
    return (last or 0) + 1


@transaction.atomic
def agreement_create(*, by, reason="", provinces=(), **fields):
    """Start new draft minutes."""
    agreement = Agreement(created_by=by, **fields)
    agreement.full_clean()
    tracked_save(agreement, by=by, reason=reason or _("Draft created"))
    _set_provinces(agreement, provinces, by=by, reason=reason or _("Draft created"))
    return agreement


@transaction.atomic
def agreement_update(*, agreement, by, reason="", provinces=None, **fields):
    """Change the header of draft minutes."""
    agreement = lock_editable(agreement)
    for name, value in fields.items():
        setattr(agreement, name, value)
    agreement.full_clean()
    reason = reason or _("Draft edited")
    tracked_save(agreement, by=by, reason=reason)
    if provinces is not None:
        _set_provinces(agreement, provinces, by=by, reason=reason)
    return agreement


@transaction.atomic
def agreement_save_parts(*, agreement, by, formsets, reason=""):
    """Save the legal bases, clauses and departments asked, in their order; drafts only."""
    lock_editable(agreement)
    reason = reason or _("Draft edited")
    try:
        with transaction.atomic():  # a savepoint: a clash on a unique row is refused, not a 500
            for formset in formsets:
                _save_rows(agreement, formset, by=by, reason=reason)
    except IntegrityError:
        raise Refused(_("Each department can be asked only once, and each province named once; "
                        "nothing was saved. Remove the duplicate and save again.")) from None


def _save_rows(agreement, formset, *, by, reason):
    for form in formset.deleted_forms:
        if form.instance.pk:
            tracked_delete(form.instance, by=by, reason=reason)
    for form in formset.forms:
        if form in formset.deleted_forms or not form.has_changed():
            continue
        item = form.save(commit=False)
        item.agreement = agreement
        if isinstance(item, ReviewRequest) and "department" in form.changed_data:
            item.sent_at = None  # a department is shown the minutes only once they are sent to it
        tracked_save(item, by=by, reason=reason)


def lock_editable(agreement):
    """Re-read a draft under the lock, or refuse: only a draft's text may change."""
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if not agreement.is_editable:
        raise NotEditable(_("Only a draft can be edited; this agreement is %(status)s.") % {
            "status": agreement.get_status_display().lower()})
    return agreement


def _set_provinces(agreement, provinces, *, by, reason):
    wanted = {p.pk for p in provinces}
    current = {row.province_id: row for row in agreement.scope.all()}
    for province_id, row in current.items():
        if province_id not in wanted:
            tracked_delete(row, by=by, reason=reason)
    for province_id in wanted - current.keys():
        tracked_save(AgreementProvince(agreement=agreement, province_id=province_id), by=by, reason=reason)
