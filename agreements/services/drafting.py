"""Writing draft minutes: the header, the provinces, the legal bases, the clauses and the departments
asked, and entries taken from the libraries. Only a draft's text changes, and only by a drafter."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from agreements import permissions, placeholders
from agreements.guards.common import partner_problems
from agreements.models import Agreement, AgreementProvince, Clause, ClauseTemplate, LegalBasis, ReviewRequest
from core.exceptions import NotPermitted, Refused, full_clean_or_refuse
from core.permissions import require
from core.tracking import changes, only, tracked_delete, tracked_save
from partners.models import Partner


class NotEditable(Refused):
    pass


@dataclass
class Row:
    """One row of a draft's legal bases, clauses or departments asked: `pk` None for a new row."""

    pk: int | None
    values: dict = field(default_factory=dict)


# The fields of each kind of row the edit page writes.
ROW_FIELDS = {
    LegalBasis: ("position", "kind", "citation", "authority_document"),
    Clause: ("position", "section", "heading", "text"),
    ReviewRequest: ("department", "to_partner", "letter_number", "letter_date", "due_on", "silence_is_agreement"),
}


@transaction.atomic
def agreement_create(*, by, partner, provinces=(), reason="", **header):
    """Start new draft minutes for an active partner unit the drafter can see."""
    require(permissions.can_create(by), _("Your roles do not allow starting minutes."))
    require(Partner.objects.visible_to(by).filter(pk=partner.pk).exists(), _("This partner unit is not open to you."))
    partner = Partner.objects.select_for_update().get(pk=partner.pk)  # its status as it is now, held
    problems = list(partner_problems(partner))
    if problems:
        raise Refused(problems)
    agreement = full_clean_or_refuse(Agreement(created_by=by, partner=partner, **only(header, Agreement.DRAFT_FIELDS)))
    reason = reason or _("Draft created")
    tracked_save(agreement, by=by, reason=reason)
    _set_provinces(agreement, provinces, by=by, reason=reason)
    return agreement


@transaction.atomic
def agreement_update(*, agreement, by, header=None, provinces=None, legal_bases=None, clauses=None,
                     review_requests=None, reason=""):
    """Change a draft, all or nothing: its header (a dict of Agreement.DRAFT_FIELDS), its provinces,
    and its legal bases, clauses and departments asked (each a list of Row: the rows the draft has
    afterwards; a current row left out is deleted). What is None stays as it is."""
    agreement = _lock_editable(agreement, by)
    reason = reason or _("Draft edited")
    if header is not None:
        changed = changes(agreement, only(header, Agreement.DRAFT_FIELDS))
        for name, value in changed.items():
            setattr(agreement, name, value)
        if changed:  # a header saved as it was records nothing
            full_clean_or_refuse(agreement)
            tracked_save(agreement, by=by, reason=reason)
    if provinces is not None:
        _set_provinces(agreement, provinces, by=by, reason=reason)
    try:
        with transaction.atomic():  # a savepoint: a clash on a unique row is refused, not a 500
            for model, rows in ((LegalBasis, legal_bases), (Clause, clauses), (ReviewRequest, review_requests)):
                if rows is not None:
                    _set_rows(agreement, model, rows, by=by, reason=reason)
    except IntegrityError:
        raise Refused(_("Each department can be asked only once, and each province named once; "
                        "nothing was saved. Remove the duplicate and save again.")) from None
    return agreement


def _set_rows(agreement, model, rows, *, by, reason):
    current = {row.pk: row for row in model.objects.filter(agreement=agreement)}
    kept = {row.pk for row in rows if row.pk is not None}
    if kept - current.keys():
        raise NotPermitted(_("A row of another agreement cannot be changed here."))
    answered = _answered_requests(model, current)
    for pk, item in current.items():
        if pk not in kept:
            if pk in answered:
                raise Refused(_("%(who)s has given an opinion: it stays among the addressees.") % {
                    "who": item.department or agreement.partner.short_name})
            tracked_delete(item, by=by, reason=reason)
    for row in rows:
        item = current[row.pk] if row.pk is not None else model(agreement=agreement)
        changed = changes(item, {name: value for name, value in row.values.items() if name in ROW_FIELDS[model]})
        if row.pk is not None and not changed:
            continue  # unchanged: nothing to record
        if {"department", "to_partner"} & changed.keys():
            if row.pk in answered:
                raise Refused(_("%(who)s has given an opinion: it stays among the addressees.") % {
                    "who": item.department or agreement.partner.short_name})
            item.sent_at = None  # a department is shown the minutes only once they are sent to it
        for name, value in changed.items():
            setattr(item, name, value)
        full_clean_or_refuse(item, exclude=["agreement"])
        tracked_save(item, by=by, reason=reason)


def _answered_requests(model, current):
    """The addressees with an opinion on record: their request stays, so the opinion keeps its author."""
    if model is not ReviewRequest or not current:
        return set()
    from agreements.models import Opinion

    return set(Opinion.objects.filter(request__in=current.keys()).values_list("request_id", flat=True))


def _lock_editable(agreement, by):
    """Re-read a draft under the lock, or refuse: only a draft's text may change, only by a drafter."""
    require(permissions.can_draft(by), _("Your roles do not allow editing drafts."))
    require(Agreement.objects.visible_to(by).filter(pk=agreement.pk).exists(), _("These minutes are not open to you."))
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


# --- entries from the libraries --------------------------------------------------------------------

@transaction.atomic
def agreement_add_from_library(*, agreement, by, templates=(), legal_documents=(), authority_documents=()):
    """Append library entries to a draft: clauses with their placeholders (filled when the minutes are
    printed), legal bases cited as the library words them. Returns how many rows were added."""
    agreement = _lock_editable(agreement, by)
    problems = [_("Standard clause “%(heading)s”: %(problem)s") % {"heading": t.heading, "problem": problem}
                for t in templates for problem in placeholders.text_problems(t.text)]
    problems += [_("%(document)s is the authority of another department: it cannot be cited for %(department)s.") % {
        "document": d.short_citation(), "department": agreement.handing_department.name}
        for d in legal_documents if d.department_id and d.department_id != agreement.handing_department_id]
    if problems:
        raise Refused(problems)
    # The placeholders stay in the draft's text: the minutes fill them when printed, so a term, a province or
    # the signing day changed later is never left stale in a clause.
    reason = _("Added from the library")
    added = 0
    last = max(agreement.clauses.values_list("position", flat=True), default=0)
    for template in templates:
        last += 10
        tracked_save(Clause(agreement=agreement, section=template.section, position=last, heading=template.heading,
                            text=template.text), by=by, reason=reason)
        added += 1
    last = max(agreement.legal_bases.values_list("position", flat=True), default=0)
    cited = set(agreement.legal_bases.values_list("legal_document_id", "authority_document_id"))
    for document in legal_documents:
        if (document.pk, None) in cited:
            continue
        cited.add((document.pk, None))
        last += 1
        tracked_save(LegalBasis(agreement=agreement, position=last, kind=document.kind, citation=document.citation(),
                                legal_document=document), by=by, reason=reason)
        added += 1
    for document in authority_documents:
        if (None, document.pk) in cited or document.partner_id != agreement.partner_id:
            continue
        cited.add((None, document.pk))
        last += 1
        tracked_save(LegalBasis(agreement=agreement, position=last, kind=LegalBasis.Kind.AUTHORITY,
                                citation=document.citation(), authority_document=document), by=by, reason=reason)
        added += 1
    return added


def agreement_add_standard_clauses(*, agreement, by):
    """Start each missing section from the first standard clause the library offers for it."""
    present = set(agreement.clauses.values_list("section", flat=True))
    first = {}
    for template in ClauseTemplate.objects.filter(active=True).order_by("position", "pk"):
        first.setdefault(template.section, template)
    wanted = [first[s] for s in Clause.REQUIRED_SECTIONS if s not in present and s in first]
    return agreement_add_from_library(agreement=agreement, by=by, templates=wanted)
