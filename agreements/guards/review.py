"""Sending minutes for review, and taking them back for revision."""

from django.utils.translation import gettext as _

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
    if not agreement.review_requests.exists():
        yield _("Ask at least one department for its opinion.")


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
