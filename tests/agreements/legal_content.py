"""Steps shared by the tests of the minutes' legal content (issue 9): the library shipped by migration
0010, a draft's planned signing day, a clause's text, and minutes taken through review to signing on a
chosen day. Every write goes through the services."""

import datetime

from agreements import services
from agreements.models import Clause, LegalDocument
from tests.factories import SIGNATORIES, accept, agreed, condition_set, draft, on_day

D = datetime.date
Row = services.Row
CONDITIONS_FROM = D(2019, 1, 1)  # early enough for minutes signed in 2019


def document(number):
    """A document of the library, by its number (e.g. "86/2015/QH13")."""
    return LegalDocument.objects.get(number=number)


def cite(agreement, by, *numbers):
    """Add library documents to a draft's legal bases, as the library-add page does."""
    services.agreement_add_from_library(agreement=agreement, by=by,
                                        legal_documents=[document(number) for number in numbers])
    return agreement


def plan(agreement, by, day):
    """Set (or, with None, clear) the draft's planned signing day."""
    return services.agreement_update(agreement=agreement, by=by, header={"planned_signing_on": day})


def article_number(section):
    """The article a clause of `section` becomes in minutes drafted by tests.factories.draft (one clause
    per section, in Clause.Section's order, after "Điều 1")."""
    return Clause.Section.values.index(section) + 2


def write_clause(agreement, by, section, text):
    """Replace the text of the draft's clause of `section`."""
    clause = agreement.clauses.get(section=section)
    return services.agreement_update(agreement=agreement, by=by, clauses=[
        Row(c.pk, {"text": text} if c.pk == clause.pk else {}) for c in agreement.clauses.all()])


def sign(agreement, by, day, **changes):
    """agreement_sign with the factories' signatories, number 1, dated `day` (the clock must allow it)."""
    return services.agreement_sign(agreement=agreement, by=by, **{"number": 1, "signed_on": day, **SIGNATORIES,
                                                                  **changes})


def eligible_draft(*, by, partner, term_start, term_end, provinces, day):
    """Complete minutes drafted on `day` for `partner`, who meets a one-condition set in force from 2019 on."""
    with on_day(day):
        conditions = condition_set("PL-01", effective_from=CONDITIONS_FROM)
        accept(partner, conditions.conditions.get(), valid_from=CONDITIONS_FROM)
        return draft(by=by, partner=partner, condition_set=conditions, term_start=term_start, term_end=term_end,
                     provinces=provinces)


def signed_on_day(day, *, by, signer, partner, term_start, term_end, provinces, prepare=None, recorded_on=None,
                  **signing):
    """Minutes drafted, prepared by `prepare(agreement)`, sent and agreed on `day`, and signed that day: the
    signing recorded then, or on the later day `recorded_on`."""
    agreement = eligible_draft(by=by, partner=partner, term_start=term_start, term_end=term_end, provinces=provinces,
                               day=day)
    with on_day(day):
        if prepare is not None:
            prepare(agreement)
        agreed(services.agreement_send_for_review(agreement=agreement, by=by))
    with on_day(recorded_on or day):
        return sign(agreement, signer, day, **signing)
