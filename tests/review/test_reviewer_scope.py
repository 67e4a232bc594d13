"""A reviewer reads the agreements sent to their department, and only those (issue 2, item 4)."""

import pytest

from agreements import services
from agreements.models import Agreement
from core.models import Department
from tests.factories import UserFactory, give_department, make_agreement

pytestmark = pytest.mark.django_db


def test_repointing_a_sent_request_to_another_department_does_not_show_it_the_draft(drafter):
    agreement = make_agreement(by=drafter)
    services.agreement_send_for_review(agreement=agreement, by=drafter)
    services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Tiếp thu ý kiến")
    legal = Department.objects.create(code="PC", name="Vụ Pháp chế")
    legal_reviewer = give_department(UserFactory(username="phapche", roles=["reviewer"]), legal)
    row = agreement.review_requests.get()
    services.agreement_update(agreement=agreement, by=drafter,
                              review_requests=[services.Row(pk=row.pk, values={"department": legal})])
    # The draft has never been sent to the Legal Department.
    assert not Agreement.objects.visible_to(legal_reviewer).filter(pk=agreement.pk).exists()
