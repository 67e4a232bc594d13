"""An addressee that gave an opinion stays among the draft's addressees (agreements/services/drafting.py,
_answered_requests): it is neither removed nor turned into another addressee, so the opinion keeps who
gave it; nothing of such an edit is saved. One without an opinion is removed or changed freely."""

import datetime

import pytest

from agreements import services
from agreements.models import ReviewRequest
from core.exceptions import Refused
from tests.agreements.review_round import BHYT, KHDT, ask, record, refusal, request_of, returned
from tests.factories import DepartmentFactory, asking, draft, review_department

pytestmark = pytest.mark.django_db
Row = services.Row


@pytest.fixture
def answered(drafter, vnpt, reviewer, vnpt_user):
    """Back in draft after KHĐT and VNPT-IT gave their opinions on v1 and BHYT gave none."""
    agreement = draft(by=drafter, partner=vnpt)
    ask(agreement, drafter, asking(review_department()), asking(DepartmentFactory(code="BHYT", name=BHYT)),
        asking(None))
    agreement = services.agreement_send_for_review(agreement=agreement, by=drafter)
    record(request_of(agreement, review_department()), reviewer)
    record(request_of(agreement), vnpt_user)
    return returned(agreement, drafter)


def _rows(agreement, leave_out=(), change=None):
    """The draft's addressee rows, without the departments named in `leave_out` (None: the receiving
    party), with `change` applied to the row whose addressee is its first item."""
    rows = []
    for request in agreement.review_requests.select_related("department"):
        name = request.department.name if request.department_id else None
        if name in leave_out:
            continue
        rows.append(Row(request.pk, change[1] if change and change[0] == name else {}))
    return rows


def _refused(agreement, drafter, rows):
    """The reasons the edit is refused, having checked that nothing of it was saved (not even the header)."""
    before = sorted(ReviewRequest.objects.filter(agreement=agreement).values_list("pk", "department", "to_partner"))
    reasons = refusal(lambda: services.agreement_update(agreement=agreement, by=drafter, review_requests=rows,
                                                        header={"software_version": "3.0"}), Refused)
    agreement.refresh_from_db()
    assert agreement.software_version == "2.1"
    assert sorted(agreement.review_requests.values_list("pk", "department", "to_partner")) == before
    return reasons


def test_an_addressee_with_an_opinion_cannot_be_removed(answered, drafter):
    assert _refused(answered, drafter, _rows(answered, leave_out=[KHDT])) == [
        f"{KHDT} has given an opinion: it stays among the addressees."]


def test_the_receiving_party_with_an_opinion_cannot_be_removed(answered, drafter):
    assert _refused(answered, drafter, _rows(answered, leave_out=[None])) == [
        "VNPT-IT has given an opinion: it stays among the addressees."]


def test_an_addressee_with_an_opinion_cannot_become_another_department(answered, drafter):
    other = DepartmentFactory(code="PC", name="Vụ Pháp chế")
    assert _refused(answered, drafter, _rows(answered, change=(KHDT, {"department": other}))) == [
        f"{KHDT} has given an opinion: it stays among the addressees."]


def test_an_addressee_with_an_opinion_keeps_a_new_due_date(answered, drafter):
    khdt = request_of(answered, review_department())
    new_due = khdt.due_on + datetime.timedelta(days=7)
    services.agreement_update(agreement=answered, by=drafter,
                              review_requests=_rows(answered, change=(KHDT, {"due_on": new_due})))
    assert request_of(answered, review_department()).due_on == new_due


def test_an_addressee_without_an_opinion_is_removed(answered, drafter):
    services.agreement_update(agreement=answered, by=drafter, review_requests=_rows(answered, leave_out=[BHYT]))
    assert not answered.review_requests.filter(department__name=BHYT).exists()
    assert answered.review_requests.count() == 2


def test_an_addressee_without_an_opinion_becomes_another_department(answered, drafter):
    other = DepartmentFactory(code="PC", name="Vụ Pháp chế")
    bhyt = answered.review_requests.get(department__name=BHYT)
    services.agreement_update(agreement=answered, by=drafter,
                              review_requests=_rows(answered, change=(BHYT, {"department": other})))
    bhyt.refresh_from_db()
    assert (bhyt.department, bhyt.sent_at) == (other, None)
