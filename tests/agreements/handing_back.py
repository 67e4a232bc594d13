"""Helpers of the hand-back and termination minutes tests: signed minutes whose termination clause names what the
receiving party hands back (the library's own wording), terminated through the service."""

import datetime

from agreements import services
from agreements.library_clauses import CLAUSES
from agreements.models import Clause
from core import roles
from core.tracking import tracked_save
from tests.factories import clerk, on_day, signed
from tests.samples import upload

TERMINATED_ON = datetime.date(2026, 6, 30)
LIBRARY = {section: text for section, _heading, text in CLAUSES}


def with_library_wording(agreement, *sections):
    """The agreement's clauses of these sections say what the library says (the factory's say nothing)."""
    for clause in agreement.clauses.filter(section__in=sections):
        clause.text = LIBRARY[clause.section]
        tracked_save(clause, by=None, reason="Library wording")
    return agreement


def terminate(agreement, *, by=None, on=TERMINATED_ON, reason_code="mutual", **kwargs):
    with on_day(on):
        return services.agreement_terminate(agreement=agreement, by=by or clerk(roles.DRAFTER), terminated_on=on,
                                            reason_code=reason_code, **kwargs)


def terminated_with_library_wording(*, partner, number=1, on=TERMINATED_ON, **kwargs):
    agreement = signed(partner=partner, number=number, **kwargs)
    with_library_wording(agreement, Clause.Section.TERMINATION, Clause.Section.SECURITY)
    return terminate(agreement, on=on)


def record(obligation, by, *, notes="Đã bàn giao đầy đủ.", uploads=None):
    return services.handback_record(obligation=obligation, by=by, notes=notes,
                                    uploads=[upload("bien-ban-ban-giao.pdf")] if uploads is None else uploads)
