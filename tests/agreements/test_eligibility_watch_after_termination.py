"""A flag raised on an agreement does not outlive the agreement's time in force: the watch closes it once
the agreement is terminated or its term has ended, and flags no agreement that is no longer in force."""

import datetime

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement, EligibilityFlag
from tests.agreements.eligibility_watching import EXPIRED_ON
from tests.factories import TERM_END

pytestmark = pytest.mark.django_db

TERMINATED_ON = datetime.date(2026, 7, 2)


def _terminate(agreement, by):
    return services.agreement_terminate(agreement=agreement, by=by, terminated_on=TERMINATED_ON,
                                        reason_code=Agreement.TerminationReason.ELIGIBILITY_LOST)


def _flagged_block(client):
    return {block.key: block.rows for block in client.get(reverse("dashboard")).context["blocks"]}["flagged"]


def test_terminating_a_flagged_agreement_for_lost_eligibility_closes_its_flag(watched, check, drafter):
    check(EXPIRED_ON)
    _terminate(watched, drafter)
    assert check(TERMINATED_ON + datetime.timedelta(days=1)) == {"flagged": 0, "cleared": 1, "notices": 0}
    flag = EligibilityFlag.objects.get()
    assert flag.cleared_on == TERMINATED_ON + datetime.timedelta(days=1)


def test_the_dashboard_does_not_list_a_terminated_agreement_as_flagged(watched, check, drafter, login):
    check(EXPIRED_ON)
    _terminate(watched, drafter)
    assert _flagged_block(login(drafter)) == []  # even before the next run closes the flag
    check(TERMINATED_ON + datetime.timedelta(days=1))
    assert _flagged_block(login(drafter)) == []


def test_an_agreement_terminated_before_it_was_flagged_is_never_flagged(watched, check, drafter):
    _terminate(watched, drafter)
    assert check(TERMINATED_ON + datetime.timedelta(days=1))["flagged"] == 0
    assert not EligibilityFlag.objects.exists()


def test_the_flag_is_closed_once_the_term_has_ended(watched, check):
    check(EXPIRED_ON)
    assert check(TERM_END)["cleared"] == 0  # the last day of the term: still in force, still flagged
    assert check(TERM_END + datetime.timedelta(days=1))["cleared"] == 1
    assert EligibilityFlag.objects.get().cleared_on == TERM_END + datetime.timedelta(days=1)
