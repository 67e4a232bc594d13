"""Steps shared by the review round's rule tests (test_review_sending_rules, test_opinion_rules,
test_comment_answers, test_signing_waits_for_opinions, test_separation_of_duties,
test_partner_sees_only_sent_minutes, test_addressees_with_opinions): each goes through the services."""

import datetime

import pytest
from django.utils import timezone

from agreements import services
from agreements.models import Clause, ReviewRequest
from core.exceptions import Refused
from tests.factories import SIGNATORIES, DepartmentFactory
from tests.samples import upload

KHDT = "Cục Khoa học công nghệ và Đào tạo"  # tests.factories.review_department()
BHYT = "Vụ Bảo hiểm y tế"
DAY = datetime.date(2026, 3, 2)  # a Monday: the day a version is sent; asking() makes the answer due 16/03/2026
Row = services.Row


def other_department():
    return DepartmentFactory(code="BHYT", name=BHYT)


def ask(agreement, by, *rows):
    """The draft's addressees replaced by `rows` (values as tests.factories.asking gives them)."""
    return services.agreement_update(agreement=agreement, by=by, review_requests=[Row(None, r) for r in rows])


def request_of(agreement, department=None):
    """The addressee row of `department`, or of the receiving party (None)."""
    found = ReviewRequest.objects.select_related("department", "version", "agreement__partner")
    if department is None:
        return found.get(agreement=agreement, to_partner=True)
    return found.get(agreement=agreement, department=department)


def refusal(call, exception=Refused):
    """The reasons `call()` is refused with."""
    with pytest.raises(exception) as refused:
        call()
    return refused.value.reasons


def record(request, by, **changes):
    """An opinion recorded through the service, agreeing unless `changes` say otherwise."""
    values = dict(letter_number="832/KHĐT-VP", letter_date=timezone.localdate(), signatory="Nguyễn Minh Lợi",
                  signatory_title="Cục trưởng", position="agree", letter=upload("cong-van.pdf"))
    return services.opinion_record(request=request, by=by, **{**values, **changes})


def sign(agreement, by, **changes):
    """The signing recorded today, as signed today."""
    return services.agreement_sign(agreement=agreement, by=by, number=15, signed_on=timezone.localdate(),
                                   **SIGNATORIES, **changes)


def returned(agreement, by):
    return services.agreement_return_for_revision(agreement=agreement, by=by, reason="Sửa theo ý kiến góp ý")


def rewrite(agreement, by, text):
    """The ownership clause of a draft says `text` from now on."""
    clauses = [Row(c.pk, {"text": text} if c.section == Clause.Section.OWNERSHIP else {})
               for c in agreement.clauses.all()]
    return services.agreement_update(agreement=agreement, by=by, clauses=clauses)


def sent_again(agreement, by, text="Bên giao giữ quyền sở hữu và bản quyền phần mềm."):
    """Returned for revision, rewritten and sent again: the next version."""
    agreement = rewrite(returned(agreement, by), by, text)
    return services.agreement_send_for_review(agreement=agreement, by=by)
