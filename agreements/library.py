"""Filling standard clauses from an agreement, and adding library entries to a draft."""

import re

from django.db import transaction
from django.utils.translation import gettext as _

from agreements.models import Clause, ClauseTemplate, LegalBasis
from agreements.services import lock_editable
from core.history import tracked_save

PLACEHOLDERS = ("partner", "provinces", "software", "version", "term_start", "term_end")


PATTERN = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")


def placeholder_values(agreement):
    return {
        "partner": agreement.partner.legal_name,
        "provinces": ", ".join(p.name for p in agreement.provinces.order_by("name")) or "…",
        "software": agreement.software_name,
        "version": agreement.software_version,
        "term_start": agreement.term_start.strftime("%d/%m/%Y") if agreement.term_start else "…",
        "term_end": agreement.term_end.strftime("%d/%m/%Y") if agreement.term_end else "…",
    }


def fill(text, values):
    """Replace exactly {partner}, {provinces}, … in a standard text. Anything else in braces (a
    typo, a stray brace) stays as written for the drafter to see, and never breaks the filling."""
    return PATTERN.sub(lambda match: str(values[match.group(1)]), text)


@transaction.atomic
def agreement_add_from_library(*, agreement, by, templates=(), legal_documents=(), authority_documents=()):
    """Append library entries to a draft: clauses filled from the agreement, legal bases cited
    as the library words them. Returns how many rows were added."""
    agreement = lock_editable(agreement)
    values = placeholder_values(agreement)
    reason = _("Added from the library")
    added = 0
    last = max(agreement.clauses.values_list("position", flat=True), default=0)
    for template in templates:
        last += 10
        tracked_save(Clause(agreement=agreement, section=template.section, position=last, heading=template.heading,
                            text=fill(template.text, values)), by=by, reason=reason)
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
