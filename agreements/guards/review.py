"""Sending minutes for review, and taking them back for revision."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.guards import legal
from agreements.guards.common import partner_problems
from agreements.models import Clause
from agreements.models.agreement import term_problem


@dataclass(frozen=True)
class Check:
    """One thing sending for review needs: met when it has no problems. `anchor` is the id of the place on the
    edit page where it is fixed (None: on the receiving party's page)."""

    name: str
    label: str
    anchor: str | None
    problems: tuple

    @property
    def met(self):
        return not self.problems


# What the draft page's checklist says for each check, in the order the refusal names the problems.
CHECKS = {
    "partner": (gettext_lazy("The receiving party is an active partner unit"), None),
    "legal_bases": (gettext_lazy("Legal bases, among them an authority document of the receiving party"),
                    "legal-bases"),
    "clauses": (gettext_lazy("A clause in each required section"), "clauses"),
    "provinces": (gettext_lazy("At least one province in scope"), "id_provinces"),
    "term": (gettext_lazy("The term, and provinces in force when it starts"), "id_term_start"),
    "authority": (gettext_lazy("Both parties' authority to sign, and how their representatives are addressed"),
                  "legal-bases"),
    "law": (gettext_lazy("The cited law is in force on the day the minutes cite the law of"), "legal-bases"),
    "reviews": (gettext_lazy("The departments to ask, with their request letters and due dates"), "reviews"),
}


def sending_checks(agreement):
    """Every check sending for review makes, met or not: the draft page's checklist and the refusal read these."""
    bases = list(agreement.legal_bases.select_related("authority_document"))
    provinces = list(agreement.provinces.all())
    found = {
        "partner": partner_problems(agreement.partner),
        "legal_bases": basis_problems(agreement, bases),
        "clauses": clause_problems(agreement),
        "provinces": [] if provinces else [_("Name at least one province in scope.")],
        "term": term_problems(agreement, provinces),
        "authority": legal.authority_problems(agreement),
        "law": legal.law_problems(agreement, agreement.law_day()),
        "reviews": review_problems(agreement),
    }
    return [Check(name=name, label=label, anchor=anchor, problems=tuple(found[name]))
            for name, (label, anchor) in CHECKS.items()]


def sending_problems(agreement):
    """The minutes may go for review only when complete (DOMAIN.md, lifecycle rules)."""
    for check in sending_checks(agreement):
        yield from check.problems


def basis_problems(agreement, bases):
    if not bases:
        yield _("Add at least one legal basis.")
    if not any(b.authority_document_id and b.authority_document.partner_id == agreement.partner_id for b in bases):
        yield _("Cite among the legal bases an authority document of %(partner)s.") % {
            "partner": agreement.partner.short_name}


def clause_problems(agreement):
    present = set(agreement.clauses.values_list("section", flat=True))
    for section in Clause.REQUIRED_SECTIONS:
        if section not in present:
            yield _("Add a clause in the section “%(section)s”.") % {"section": Clause.Section(section).label}


def term_problems(agreement, provinces):
    if not agreement.term_start or not agreement.term_end:
        yield _("Set the term: its start and its end.")
    elif term_problem(agreement.term_start, agreement.term_end):
        yield str(term_problem(agreement.term_start, agreement.term_end))
    else:
        stale = provinces_not_in_force(provinces, agreement.term_start)
        if stale:
            yield stale


def review_problems(agreement):
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
