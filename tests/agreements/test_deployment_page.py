"""The deployment page of signed minutes: per province the latest report, its age and its trend, read by the
Ministry and by the receiving party's own users, and by no one else; its cost does not grow with the reports."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.agreements.deployment_reporting import FIRST, SECOND, TODAY, by_province, deployed, file_report
from tests.factories import current_province, draft, on_day

pytestmark = pytest.mark.django_db


def page(agreement):
    return reverse("agreements:deployment", args=[agreement.pk])


@pytest.mark.parametrize("persona", ["drafter", "signer", "auditor", "vnpt_user"])
def test_the_ministry_and_the_receiving_party_read_the_page(login, deployed, persona, request):
    assert login(request.getfixturevalue(persona)).get(page(deployed)).status_code == 200


@pytest.mark.parametrize("persona", ["vietsens_user", "reviewer"])
def test_anyone_else_gets_404(login, deployed, persona, request):
    assert login(request.getfixturevalue(persona)).get(page(deployed)).status_code == 404


def test_minutes_not_yet_signed_have_no_deployment_page(login, drafter, vnpt):
    assert login(drafter).get(page(draft(by=drafter, partner=vnpt))).status_code == 404


def test_each_province_shows_its_latest_report_its_age_and_its_trend(login, drafter, deployed, vnpt_user):
    file_report(deployed, by=vnpt_user, period_start=FIRST, facilities_live=5, records_created=900, day=FIRST)
    latest = file_report(deployed, by=vnpt_user, period_start=SECOND, facilities_live=8, records_created=900,
                         day=SECOND)
    with on_day(TODAY):
        response = login(drafter).get(page(deployed))
    rows = by_province(response)
    assert list(rows) == ["Cao Bằng", "Hà Nội"]  # by name
    ha_noi, cao_bang = rows["Hà Nội"], rows["Cao Bằng"]
    assert (ha_noi.province.name, ha_noi.latest, ha_noi.age_days) == ("Hà Nội", latest, 39)
    assert [(t.arrow, t.delta) for t in ha_noi.trends.values()] == [("↑", 3), ("→", 0)]
    assert "↑ +3" in response.text
    assert (cao_bang.province.name, cao_bang.latest, len(cao_bang.unreported)) == ("Cao Bằng", None, 2)
    assert ha_noi.unreported == []


def test_a_fall_shows_a_downward_arrow_with_its_number(login, drafter, deployed, vnpt_user):
    file_report(deployed, by=vnpt_user, period_start=FIRST, records_created=900)
    file_report(deployed, by=vnpt_user, period_start=SECOND, records_created=850)
    with on_day(TODAY):
        response = login(drafter).get(page(deployed))
    assert by_province(response)["Hà Nội"].trends["records_created"].arrow == "↓" and "↓ -50" in response.text


def test_only_the_receiving_party_is_offered_to_file(login, drafter, deployed, vnpt_user):
    assert login(vnpt_user).get(page(deployed)).context["can_file"] is True
    assert login(drafter).get(page(deployed)).context["can_file"] is False


def test_the_signed_agreement_page_links_to_its_deployment(login, drafter, deployed, reviewer):
    assert page(deployed) in login(drafter).get(deployed.get_absolute_url()).text


def test_the_page_runs_as_many_queries_for_10_reports_as_for_2(login, drafter, vnpt, vnpt_user,
                                                                django_assert_max_num_queries):
    small = deployed(by=drafter, partner=vnpt, codes=("01", "04"))
    large = deployed(by=drafter, partner=vnpt, codes=("08", "11", "12", "14", "15"), number=2)
    for code in ("01", "04"):
        file_report(small, by=vnpt_user, province=current_province(code))
    for code in ("08", "11", "12", "14", "15"):
        for start in (FIRST, SECOND):
            file_report(large, by=vnpt_user, province=current_province(code), period_start=start)
    client = login(drafter)
    with on_day(TODAY):
        with CaptureQueriesContext(connection) as counted:
            assert sum(row.latest is not None for row in client.get(page(small)).context["rows"]) == 2
        with django_assert_max_num_queries(len(counted)):
            assert sum(row.previous is not None for row in client.get(page(large)).context["rows"]) == 5
