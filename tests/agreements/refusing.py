"""Helpers of the refusal request tests (test_refusal_*.py): VNPT-IT's signed minutes over three provinces,
and a request filed through the service by one of its users."""

from agreements import services
from agreements.models import Clause
from tests.factories import current_province, signed
from tests.samples import upload

PROVINCES = ("01", "04", "08")  # Hà Nội, Cao Bằng, Tuyên Quang


def signed_minutes(*, partner, number=1):
    return signed(partner=partner, number=number, provinces=[current_province(code) for code in PROVINCES])


def refusal_clause(agreement):
    return agreement.clauses.get(section=Clause.Section.REFUSAL)


def scope(agreement, *codes):
    """The agreement's rows of scope for these province codes (all of them when none is given)."""
    rows = agreement.scope.select_related("province").order_by("province__code")
    return [row for row in rows if not codes or row.province.code in codes]


def file_request(agreement, by, *, codes=("01",), clause=None, facts="Sở Y tế không bố trí hạ tầng như đã cam kết.",
                 uploads=None):
    return services.refusal_file(agreement=agreement, by=by, clause=clause or refusal_clause(agreement),
                                 provinces=scope(agreement, *codes), facts=facts,
                                 uploads=[upload("thong-bao.pdf")] if uploads is None else uploads)
