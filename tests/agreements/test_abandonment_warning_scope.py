"""Which provinces the early warning watches: those of signed minutes in force, not released. A partner no
longer eligible puts each of them at risk until it is eligible again; a province released by an accepted refusal
and minutes terminated are not flagged, and their open flags are cleared."""

import datetime

import pytest

from agreements import eligibility_watch, services
from agreements.models import ProvinceRisk
from core.models import Notification
from tests.agreements.abandonment_watching import OVERDUE_FROM, open_risks, watch
from tests.agreements.eligibility_watching import EXPIRED_ON, UNTIL
from tests.agreements.refusing import file_request
from tests.factories import accept, current_province, on_day, terminated

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """The eligibility watch, then the deployment watch, as the daily timer runs them."""
    def both(day):
        eligibility_watch.check_all(day=day)
        return watch(django_capture_on_commit_callbacks, day)
    return both


def _reasons():
    return {reason for _province, reason in open_risks()}


def test_a_partner_no_longer_eligible_puts_its_provinces_at_risk(watched, run):
    run(EXPIRED_ON)
    assert ("Hà Nội", "ineligible") in open_risks()
    assert "PL-01" in ProvinceRisk.objects.get(reason="ineligible").details


def test_an_eligible_partner_is_not_flagged_ineligible(watched, run):
    run(UNTIL)
    assert "ineligible" not in _reasons()


def test_the_ineligible_flag_clears_when_the_partner_is_eligible_again(watched, run):
    run(EXPIRED_ON)
    pl01 = watched.condition_set.conditions.get(code="PL-01")
    accept(watched.partner, pl01, valid_from=EXPIRED_ON, valid_until=datetime.date(2027, 12, 31))
    run(EXPIRED_ON + datetime.timedelta(days=1))
    assert "ineligible" not in _reasons()
    assert ProvinceRisk.objects.get(reason="ineligible").cleared_on == EXPIRED_ON + datetime.timedelta(days=1)


def _release_cao_bang(deployed, vnpt_user, drafter, day):
    with on_day(day):
        services.refusal_accept(request=file_request(deployed, vnpt_user, codes=("04",)), by=drafter)


def test_a_released_province_is_not_flagged(deployed, vnpt_user, drafter, run):
    _release_cao_bang(deployed, vnpt_user, drafter, datetime.date(2026, 4, 20))
    run(OVERDUE_FROM)
    assert open_risks() == {("Hà Nội", "overdue")}


def test_the_flag_of_a_province_released_is_cleared_without_a_notice(deployed, vnpt_user, drafter, run):
    run(OVERDUE_FROM)
    _release_cao_bang(deployed, vnpt_user, drafter, datetime.date(2026, 5, 2))
    assert run(datetime.date(2026, 5, 2)) == {"raised": 0, "cleared": 1, "notices": 0}
    assert open_risks() == {("Hà Nội", "overdue")}
    cleared = ProvinceRisk.objects.get(province=current_province("04"))
    assert cleared.history.first().history_change_reason == "The minutes are no longer in force for this province"
    assert not Notification.objects.filter(kind="province_risk_cleared").exists()


def test_terminated_minutes_are_not_flagged(drafter, vnpt, run):
    terminated(by=drafter, partner=vnpt, provinces=[current_province("01")], terminated_on=datetime.date(2026, 4, 15))
    assert run(OVERDUE_FROM)["raised"] == 0
    assert open_risks() == set()


def test_terminating_clears_the_open_flags(deployed, drafter, run):
    run(OVERDUE_FROM)
    with on_day(datetime.date(2026, 5, 2)):
        services.agreement_terminate(agreement=deployed, by=drafter, terminated_on=datetime.date(2026, 5, 2),
                                     reason_code="mutual")
    assert run(datetime.date(2026, 5, 2))["cleared"] == 2  # its last day in force: nothing left to report
    assert open_risks() == set()
