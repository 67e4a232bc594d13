"""The drafter may change how often reports are due after some were filed: a period already answered by a
report of the old length counts as reported (it is neither shown missing nor filed twice), and only the new
periods it does not reach still wait for a report."""

import datetime

import pytest

from agreements import services
from agreements.deployment import province_rows
from core.exceptions import Refused
from tests.agreements.deployment_reporting import FIRST, TODAY, deployed, file_report
from tests.factories import on_day

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def quarter_reported(drafter, vnpt, vnpt_user):
    """Hà Nội's first quarter (01/01–31/03/2026) reported, then the period set to one month."""
    agreement = deployed(by=drafter, partner=vnpt, codes=("01",))
    file_report(agreement, by=vnpt_user, period_start=FIRST)
    return services.agreement_set_report_period(agreement=agreement, by=drafter, months=1)


def unreported(agreement):
    with on_day(TODAY):
        (row,) = province_rows(agreement, today=TODAY)
    return [period.start for period in row.unreported]


def test_the_months_of_a_quarter_reported_before_the_change_are_not_missing(quarter_reported):
    assert unreported(quarter_reported) == [D(2026, 4, 1), D(2026, 5, 1)]


def test_a_month_inside_the_quarter_reported_is_not_filed_again(quarter_reported, vnpt_user):
    with pytest.raises(Refused) as refused:
        file_report(quarter_reported, by=vnpt_user, period_start=D(2026, 2, 1))
    assert "01/01/2026 – 31/03/2026" in refused.value.reasons[0]


def test_a_month_after_the_quarter_reported_is_filed(quarter_reported, vnpt_user):
    report = file_report(quarter_reported, by=vnpt_user, period_start=D(2026, 4, 1))
    assert (report.period_start, report.period_end) == (D(2026, 4, 1), D(2026, 4, 30))
    assert unreported(quarter_reported) == [D(2026, 5, 1)]


def test_a_longer_period_reached_by_an_earlier_report_counts_as_reported(drafter, vnpt, vnpt_user):
    agreement = deployed(by=drafter, partner=vnpt, codes=("01",))
    file_report(agreement, by=vnpt_user, period_start=D(2026, 4, 1))  # the second quarter, inside the first half
    agreement = services.agreement_set_report_period(agreement=agreement, by=drafter, months=6)
    assert unreported(agreement) == []
