"""Sending minutes for review, and taking them back for revision."""

from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.guards import legal
from agreements.guards.common import partner_problems
from agreements.models import Clause
from agreements.models.agreement import term_problem


def sending_problems(agreement):
    """The minutes may go for review only when complete (DOMAIN.md, lifecycle rules)."""
    yield from partner_problems(agreement.partner)
    bases = list(agreement.legal_bases.select_related("authority_document"))
    if not bases:
        yield _("Add at least one legal basis.")
    if not any(b.authority_document_id and b.authority_document.partner_id == agreement.partner_id for b in bases):
        yield _("Cite among the legal bases an authority document of %(partner)s.") % {
            "partner": agreement.partner.short_name}
    present = set(agreement.clauses.values_list("section", flat=True))
    for section in Clause.REQUIRED_SECTIONS:
        if section not in present:
            yield _("Add a clause in the section “%(section)s”.") % {"section": Clause.Section(section).label}
    provinces = list(agreement.provinces.all())
    if not provinces:
        yield _("Name at least one province in scope.")
    if not agreement.term_start or not agreement.term_end:
        yield _("Set the term: its start and its end.")
    elif term_problem(agreement.term_start, agreement.term_end):
        yield str(term_problem(agreement.term_start, agreement.term_end))
    else:
        stale = provinces_not_in_force(provinces, agreement.term_start)
        if stale:
            yield stale
    yield from legal.authority_problems(agreement)
    yield from legal.law_problems(agreement, agreement.law_day())
    requests = list(agreement.review_requests.select_related("department"))
    if not any(r.department_id for r in requests):
        yield _("Ask at least one department for its opinion.")
    yield from request_problems(agreement, requests)


def request_problems(agreement, requests):
    """Each addressee needs the request letter's number and date, and a due date not before the letter.
    (A due date already past when the version is sent is allowed, but silence then never counts as
    agreement: guards.opinions.)"""
    today = timezone.localdate()
    for request in requests:
        who = request.department.name if request.department_id else agreement.partner.short_name
        if not request.letter_number.strip() or not request.letter_date:
            yield _("Give the number and date of the request letter to %(who)s.") % {"who": who}
        elif request.letter_date > today:
            yield _("The request letter to %(who)s cannot be dated in the future.") % {"who": who}
        if not request.due_on:
            yield _("Give the date by which %(who)s should answer.") % {"who": who}
        elif request.letter_date and request.due_on < request.letter_date:
            yield _("%(who)s cannot be asked to answer before the request letter's date.") % {"who": who}


def provinces_not_in_force(provinces, day):
    """The provinces of another period than the term's first day, named in one message (or None).
    The edit page shows the same message beside the field."""
    stale = [p for p in provinces if not p.in_force_on(day)]
    if not stale:
        return None
    return _("Not in force when the term starts (%(date)s): %(names)s. Choose the provinces of that period.") % {
        "date": day.strftime("%d/%m/%Y"), "names": ", ".join(p.name for p in stale)}


def returning_problems(agreement, reason):
    if not reason.strip():
        yield _("Say why the minutes go back for revision.")
