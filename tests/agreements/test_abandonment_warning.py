"""Early warning of abandonment (issue 13, item 2): a province whose report is overdue past the grace, whose
figures stop growing for two periods, or whose partner lost eligibility is flagged "at risk" with the reason,
and the flag clears when the cause goes. Each rule both ways."""

import datetime

import pytest

from agreements.models import ProvinceRisk
from tests.agreements.abandonment_watching import (
    LAST_DAY_OF_GRACE,
    OVERDUE_FROM,
    Q1,
    Q4,
    open_risks,
    report_quarters,
    watch,
)
from tests.agreements.deployment_reporting import file_report
from tests.factories import current_province

pytestmark = pytest.mark.django_db

HA_NOI, CAO_BANG = "Hà Nội", "Cao Bằng"


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    return lambda day: watch(django_capture_on_commit_callbacks, day)


@pytest.fixture
def q1_in_ha_noi(deployed, vnpt_user):
    """Hà Nội reported its first quarter; Cao Bằng did not."""
    return file_report(deployed, by=vnpt_user, period_start=Q1, day=datetime.date(2026, 4, 2))


def test_a_report_missing_past_the_grace_flags_the_province_overdue(deployed, q1_in_ha_noi, run):
    assert run(OVERDUE_FROM)["raised"] == 1
    assert open_risks() == {(CAO_BANG, "overdue")}
    risk = ProvinceRisk.objects.get()
    assert (risk.raised_on, risk.details) == (OVERDUE_FROM, "01/01/2026 – 31/03/2026")


def test_a_report_missing_on_the_last_day_of_grace_is_not_flagged(deployed, run):
    assert run(LAST_DAY_OF_GRACE) == {"raised": 0, "cleared": 0, "notices": 0}
    assert open_risks() == set()


def test_the_grace_is_a_setting(deployed, q1_in_ha_noi, run, settings):
    settings.DEPLOYMENT_REPORT_GRACE_DAYS = 10
    run(datetime.date(2026, 4, 11))
    assert open_risks() == {(CAO_BANG, "overdue")}


def test_the_overdue_flag_clears_once_the_period_is_reported(deployed, q1_in_ha_noi, vnpt_user, run):
    run(OVERDUE_FROM)
    file_report(deployed, by=vnpt_user, province=current_province("04"), period_start=Q1,
                day=datetime.date(2026, 5, 3))
    assert run(datetime.date(2026, 5, 3))["cleared"] == 1
    assert open_risks() == set()
    assert ProvinceRisk.objects.get().cleared_on == datetime.date(2026, 5, 3)


def test_a_second_overdue_period_updates_the_open_flag_without_a_new_one(deployed, q1_in_ha_noi, run):
    run(OVERDUE_FROM)
    assert run(datetime.date(2026, 7, 31))["raised"] == 1  # Hà Nội's second quarter now; Cao Bằng's flag stays
    cao_bang = ProvinceRisk.objects.get(province__name=CAO_BANG)
    assert cao_bang.details == "01/01/2026 – 31/03/2026\n01/04/2026 – 30/06/2026"
    assert ProvinceRisk.objects.count() == 2


def _reported(deployed, vnpt_user, ha_noi, cao_bang):
    report_quarters(deployed, by=vnpt_user, province=current_province("01"), figures=ha_noi)
    report_quarters(deployed, by=vnpt_user, province=current_province("04"), figures=cao_bang)


def test_figures_flat_for_two_periods_flag_the_province_stalled(deployed, vnpt_user, run):
    _reported(deployed, vnpt_user, ha_noi=[(5, 900), (5, 900), (5, 880)], cao_bang=[(5, 900), (6, 900), (6, 950)])
    run(datetime.date(2026, 10, 5))
    assert open_risks() == {(HA_NOI, "stalled")}
    assert ProvinceRisk.objects.get().details == ("01/01/2026 – 31/03/2026: 5 / 900\n01/04/2026 – 30/06/2026: 5 / 900"
                                                  "\n01/07/2026 – 30/09/2026: 5 / 880")


def test_figures_flat_for_one_period_only_are_not_a_stall(deployed, vnpt_user, run):
    _reported(deployed, vnpt_user, ha_noi=[(4, 800), (5, 900), (5, 900)], cao_bang=[(5, 900), (5, 900)])
    run(datetime.date(2026, 10, 5))
    assert open_risks() == set()


def test_growth_of_either_figure_is_no_stall(deployed, vnpt_user, run):
    _reported(deployed, vnpt_user, ha_noi=[(5, 900), (5, 901), (5, 901)], cao_bang=[(5, 900), (5, 900), (6, 900)])
    run(datetime.date(2026, 10, 5))
    assert open_risks() == set()


def test_the_stall_clears_when_a_newer_report_grows(deployed, vnpt_user, run):
    _reported(deployed, vnpt_user, ha_noi=[(5, 900)] * 3, cao_bang=[(5, 900)] * 3)
    run(datetime.date(2026, 10, 5))
    assert open_risks() == {(HA_NOI, "stalled"), (CAO_BANG, "stalled")}
    file_report(deployed, by=vnpt_user, period_start=Q4, facilities_live=7, records_created=1200,
                day=datetime.date(2027, 1, 2))
    file_report(deployed, by=vnpt_user, province=current_province("04"), period_start=Q4, facilities_live=5,
                records_created=900, day=datetime.date(2027, 1, 2))
    assert run(datetime.date(2027, 1, 3))["cleared"] == 1
    assert open_risks() == {(CAO_BANG, "stalled")}
