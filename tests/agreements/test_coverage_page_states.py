"""How the coverage page says each province's deployment stands, in the table and on the map alike: reporting,
report overdue (a period ended without its report), at risk (an open flag of the daily watch, with its reason),
no report yet, not covered; coloured by partner, the state written beside the colour; and each province's
charts carrying exactly its reports."""

import datetime

import pytest

from agreements import coverage_map, services
from agreements.models import ProvinceRisk
from core.models import Province
from core.tracking import tracked_save
from tests.agreements.coverage_reading import chart_points, coverage_on, row, table_state, tile
from tests.agreements.deployment_reporting import FIRST, SECOND, TODAY, deployed, file_report
from tests.factories import current_province

pytestmark = pytest.mark.django_db
EARLY = datetime.date(2026, 2, 15)  # the first period (01/01–31/03/2026) still running


@pytest.fixture
def minutes(drafter, vnpt):
    """VNPT-IT's minutes for Hà Nội (01) and Cao Bằng (04), quarterly from 01/01/2026."""
    return deployed(by=drafter, partner=vnpt)


def state_everywhere(response, code):
    return row(response, code).state, table_state(response, code)[0], tile(response, code)["state"]


def test_a_province_whose_ended_periods_are_reported_is_reporting(login, drafter, minutes, vnpt_user):
    file_report(minutes, by=vnpt_user, period_start=FIRST)  # the second period runs until 30/06: not yet due
    response = coverage_on(login(drafter), TODAY)
    assert state_everywhere(response, "01") == ("reporting", "reporting", "reporting")
    assert table_state(response, "01")[1] == "Reporting"
    assert tile(response, "01")["mark"] == "✓" and not tile(response, "01")["hatched"]


def test_a_period_ended_without_its_report_is_overdue_and_hatched(login, drafter, minutes, vnpt_user):
    file_report(minutes, by=vnpt_user, period_start=FIRST)
    response = coverage_on(login(drafter), datetime.date(2026, 7, 2))  # the second period ended on 30/06
    assert state_everywhere(response, "01") == ("overdue", "overdue", "overdue")
    assert table_state(response, "01")[1] == "Report overdue"
    assert "1 period ended without a report: 01/04/2026 – 30/06/2026." in response.text
    assert tile(response, "01")["hatched"] and tile(response, "01")["mark"] == "!"


def test_no_report_while_the_first_period_runs_is_no_report_yet_and_overdue_once_it_ended(login, drafter,
                                                                                           minutes):
    client = login(drafter)
    early = coverage_on(client, EARLY)
    assert state_everywhere(early, "04") == ("no_report", "no_report", "no_report")
    assert table_state(early, "04")[1] == "No report yet" and not tile(early, "04")["hatched"]
    assert state_everywhere(coverage_on(client, TODAY), "04") == ("overdue", "overdue", "overdue")


def test_an_open_flag_puts_the_province_at_risk_with_its_reason_and_a_cleared_one_does_not(
        login, drafter, minutes, vnpt_user):
    file_report(minutes, by=vnpt_user, period_start=FIRST)
    flag = tracked_save(ProvinceRisk(agreement=minutes, province=current_province("01"), reason="stalled",
                                     raised_on=datetime.date(2026, 5, 2)), by=None, reason="Daily deployment watch")
    client = login(drafter)
    response = coverage_on(client, TODAY)
    assert state_everywhere(response, "01") == ("at_risk", "at_risk", "at_risk")
    assert table_state(response, "01")[1] == "At risk"
    assert "Figures flat for two periods (since 02/05/2026)" in response.text
    assert tile(response, "01")["dashed"] and "At risk" in tile(response, "01")["title"]
    flag.cleared_on = datetime.date(2026, 5, 9)
    tracked_save(flag, by=None, reason="Daily deployment watch")
    cleared = coverage_on(client, TODAY)
    assert row(cleared, "01").state == "reporting" and not tile(cleared, "01")["dashed"]


def test_a_province_nobody_holds_is_not_covered_and_grey(login, drafter, minutes):
    response = coverage_on(login(drafter), TODAY)
    assert state_everywhere(response, "12") == ("not_covered", "not_covered", "not_covered")
    assert table_state(response, "12")[1] == "Not covered"
    assert tile(response, "12")["fill"] == coverage_map.NOT_COVERED
    assert tile(response, "01")["fill"] != coverage_map.NOT_COVERED


def test_each_partner_has_its_own_colour_named_in_the_legend(login, drafter, minutes, vietsens):
    deployed(by=drafter, partner=vietsens, codes=("08",), number=2)
    response = coverage_on(login(drafter), TODAY)
    colours = {partner.short_name: colour for partner, colour in response.context["legend"]}
    assert colours == {"VietSens": coverage_map.PALETTE[0], "VNPT-IT": coverage_map.PALETTE[1]}
    assert tile(response, "01")["fill"] == tile(response, "04")["fill"] == colours["VNPT-IT"]
    assert tile(response, "08")["fill"] == colours["VietSens"]
    assert tile(response, "08")["href"] == "#province-08" and 'id="province-08"' in response.text


def test_the_charts_show_exactly_the_reports_of_the_province(login, drafter, minutes, vnpt_user):
    file_report(minutes, by=vnpt_user, period_start=FIRST, facilities_live=5, records_created=900)
    file_report(minutes, by=vnpt_user, period_start=SECOND, facilities_live=8, records_created=1200)
    response = coverage_on(login(drafter), TODAY)
    assert chart_points(response, "01", minutes) == {
        "bars": [("2026-01-01", 5), ("2026-04-01", 8)], "line": [("2026-01-01", 900), ("2026-04-01", 1200)]}
    assert "01/04/2026" in response.text  # the axis names each period's first day
    assert [charted_row.province.code for charted_row, _ in response.context["charted"]] == ["01"]  # none for 04


def test_every_province_in_force_has_its_own_square_on_the_grid(db):
    codes = set(Province.objects.in_force_on(TODAY).values_list("code", flat=True))
    assert set(coverage_map.GRID) == codes
    assert len({(row_, column) for row_, column, _ in coverage_map.GRID.values()}) == len(codes)


def test_the_drawings_keep_their_numbers_in_vietnamese_where_a_decimal_point_is_a_comma(login, drafter, minutes,
                                                                                        vnpt_user):
    file_report(minutes, by=vnpt_user, period_start=FIRST, facilities_live=5, records_created=900)
    file_report(minutes, by=vnpt_user, period_start=SECOND, facilities_live=8, records_created=1200)
    response = coverage_on(login(drafter, language="vi"), TODAY)
    bars = row(response, "01").holdings[0].charts[0]
    assert any(mark.left % 1 for mark in bars.marks)  # a number with decimals: 58.5, never 58,5
    assert all(f'x="{mark.left}"' in response.text for mark in bars.marks)
    assert chart_points(response, "01", minutes)["bars"] == [("2026-01-01", 5), ("2026-04-01", 8)]


def test_a_quarter_reported_before_monthly_reports_answers_for_its_three_months(login, drafter, minutes, vnpt_user):
    file_report(minutes, by=vnpt_user, period_start=FIRST)
    services.agreement_set_report_period(agreement=minutes, by=drafter, months=1)
    holding = row(coverage_on(login(drafter), TODAY), "01").holdings[0]
    assert [str(period) for period in holding.overdue] == ["01/04/2026 – 30/04/2026"]  # not January to March
