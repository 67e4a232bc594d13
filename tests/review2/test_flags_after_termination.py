"""A flag raised on an agreement must not outlive the agreement's time in force."""

import datetime

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement, EligibilityFlag

pytestmark = pytest.mark.django_db

EXPIRED_ON = datetime.date(2026, 7, 1)


def test_terminating_a_flagged_agreement_for_lost_eligibility_closes_its_flag(watched, check, drafter):
    check(EXPIRED_ON)
    services.agreement_terminate(agreement=watched, by=drafter, terminated_on=datetime.date(2026, 7, 2),
                                 reason_code=Agreement.TerminationReason.ELIGIBILITY_LOST)
    check(datetime.date(2026, 7, 3))
    assert not EligibilityFlag.objects.filter(cleared_on__isnull=True).exists()


def test_the_dashboard_does_not_list_a_terminated_agreement_as_flagged(watched, check, drafter, as_user):
    check(EXPIRED_ON)
    services.agreement_terminate(agreement=watched, by=drafter, terminated_on=datetime.date(2026, 7, 2),
                                 reason_code=Agreement.TerminationReason.ELIGIBILITY_LOST)
    check(datetime.date(2026, 7, 3))
    page = as_user(drafter).get(reverse("dashboard")).content.decode()
    flagged = page.split('id="block-flagged"')[1].split("</div>")[0] if 'id="block-flagged"' in page else ""
    assert "01/BB-CNTT" not in flagged
