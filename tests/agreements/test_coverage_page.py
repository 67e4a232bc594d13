"""The coverage page: every province in force today, which partner holds it under which minutes and since when,
for those who read every agreement and no one else; merged provinces under today's, released, terminated and
expired minutes left out; printable; its cost the same whatever the data."""

import datetime

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements import services
from tests.agreements.coverage_reading import URL, coverage_on, holders, row
from tests.agreements.deployment_reporting import FIRST, SECOND, TODAY, deployed, file_report
from tests.agreements.refusing import file_request
from tests.factories import current_province, old_province, on_day, signed, terminated

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.parametrize("persona", ["drafter", "signer", "assessor", "auditor", "administrator"])
def test_those_who_read_every_agreement_see_the_page(login, persona, request):
    assert login(request.getfixturevalue(persona)).get(URL).status_code == 200


@pytest.mark.parametrize("persona", ["vnpt_user", "vietsens_user", "reviewer"])
def test_partner_users_and_reviewers_get_404(login, persona, request):
    assert login(request.getfixturevalue(persona)).get(URL).status_code == 404


def test_the_menu_and_the_dashboard_lead_there_only_for_those_who_may_read_it(login, drafter, vnpt_user):
    assert URL in login(drafter).get(reverse("dashboard")).text
    assert URL not in login(vnpt_user).get(reverse("dashboard")).text


def test_every_province_in_force_today_has_one_row_and_the_old_ones_none(login, drafter):
    codes = [item.province.code for item in coverage_on(login(drafter), TODAY).context["rows"]]
    assert len(codes) == 34 and "02" not in codes  # Hà Giang became part of Tuyên Quang on 01/07/2025


def test_each_province_shows_its_partner_its_minutes_and_since_when(login, drafter, vnpt, vietsens):
    deployed(by=drafter, partner=vnpt, codes=("01",))
    deployed(by=drafter, partner=vietsens, codes=("04",), number=2)
    response = coverage_on(login(drafter), TODAY)
    assert holders(response, "01") == [("VNPT-IT", "01/BB-CNTT")]
    assert holders(response, "04") == [("VietSens", "02/BB-CNTT")]
    assert holders(response, "08") == []
    assert row(response, "01").holdings[0].since == D(2026, 1, 1)  # the term's start
    assert "01/01/2026" in response.text


def test_minutes_for_a_province_since_merged_show_under_todays_province(login, drafter, vnpt):
    signed(by=drafter, partner=vnpt, provinces=[old_province("02")], term_start=D(2024, 1, 1),
           term_end=D(2026, 12, 31))
    response = coverage_on(login(drafter), TODAY)
    assert holders(response, "08") == [("VNPT-IT", "01/BB-CNTT")]
    assert "for Hà Giang, since merged" in response.text
    assert holders(response, "15") == []  # Lào Cai took in Yên Bái, not Hà Giang


def test_a_released_province_is_no_longer_covered_by_that_partner_from_its_release(login, drafter, vnpt,
                                                                                      vnpt_user):
    minutes = deployed(by=drafter, partner=vnpt, codes=("01", "04"))
    with on_day(D(2026, 3, 1)):
        services.refusal_accept(request=file_request(minutes, vnpt_user, codes=("01",)), by=drafter, reason="")
    client = login(drafter)
    assert holders(coverage_on(client, D(2026, 2, 28)), "01") == [("VNPT-IT", "01/BB-CNTT")]
    after = coverage_on(client, D(2026, 3, 1))
    assert holders(after, "01") == [] and row(after, "01").state == "not_covered"
    assert holders(after, "04") == [("VNPT-IT", "01/BB-CNTT")]


def test_terminated_minutes_stop_showing_after_their_last_day(login, drafter, vnpt):
    terminated(by=drafter, partner=vnpt, terminated_on=D(2026, 6, 30), provinces=[current_province("01")])
    client = login(drafter)
    assert holders(coverage_on(client, D(2026, 6, 30)), "01") == [("VNPT-IT", "01/BB-CNTT")]
    assert holders(coverage_on(client, D(2026, 7, 1)), "01") == []


def test_expired_minutes_stop_showing_after_their_term(login, drafter, vnpt):
    signed(by=drafter, partner=vnpt, provinces=[current_province("01")], term_start=D(2025, 8, 1),
           term_end=D(2026, 3, 31))
    client = login(drafter)
    assert holders(coverage_on(client, D(2026, 3, 31)), "01") == [("VNPT-IT", "01/BB-CNTT")]
    assert holders(coverage_on(client, D(2026, 4, 1)), "01") == []


def test_the_page_prints_on_a4_landscape_from_its_own_stylesheet(login, drafter):
    response = coverage_on(login(drafter), TODAY)
    assert "css/coverage.css" in response.text and "js/print-button.js" in response.text
    assert "data-print" in response.text
    with open(finders.find("css/coverage.css"), encoding="utf-8") as sheet:
        css = sheet.read()
    assert "@media print" in css and "size: A4 landscape" in css


def test_the_page_runs_as_many_queries_for_many_provinces_and_reports_as_for_one(
        login, drafter, vnpt, vietsens, vnpt_user, vietsens_user, django_assert_num_queries):
    small = deployed(by=drafter, partner=vnpt, codes=("01",))
    file_report(small, by=vnpt_user, period_start=FIRST)
    client = login(drafter)
    with CaptureQueriesContext(connection) as counted:
        coverage_on(client, TODAY)
    large = deployed(by=drafter, partner=vietsens, codes=("04", "08", "11", "12"), number=2)
    for code in ("04", "08", "11", "12"):
        for start in (FIRST, SECOND):
            file_report(large, by=vietsens_user, province=current_province(code), period_start=start)
    with django_assert_num_queries(len(counted)):
        assert len(coverage_on(client, TODAY).context["charted"]) == 5
