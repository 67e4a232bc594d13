"""What the tests of the early warning of abandonment (test_abandonment_warning*.py) start from: VNPT-IT's
minutes for Hà Nội and Cao Bằng reported quarterly from 01/01/2026 (tests/agreements/deployment_reporting.py),
the first quarter's report due by 30/04/2026 (30 days of grace), overdue from 01/05/2026."""

import datetime

from agreements import deployment_watch
from agreements.models import ProvinceRisk
from tests.agreements.deployment_reporting import file_report

Q1, Q2, Q3, Q4 = (datetime.date(2026, 1, 1), datetime.date(2026, 4, 1), datetime.date(2026, 7, 1),
                  datetime.date(2026, 10, 1))
LAST_DAY_OF_GRACE = datetime.date(2026, 4, 30)
OVERDUE_FROM = datetime.date(2026, 5, 1)


def watch(capture, day):
    """The daily deployment watch on `day`, with the mail it sends on commit actually sent."""
    with capture(execute=True):
        return deployment_watch.check_all(day=day)


def open_risks():
    """{(province name, reason)} of the flags open now."""
    return set(ProvinceRisk.objects.filter(cleared_on__isnull=True).values_list("province__name", "reason"))


def report_quarters(agreement, *, by, province, figures):
    """One report per quarter from the first, with the (facilities live, records created) given, each filed on
    its quarter's last day."""
    for start, (facilities, records) in zip((Q1, Q2, Q3, Q4), figures, strict=False):
        end = (start.replace(month=start.month + 3) if start.month < 10 else start.replace(year=start.year + 1,
                                                                                           month=1))
        file_report(agreement, by=by, province=province, period_start=start, facilities_live=facilities,
                    records_created=records, day=end - datetime.timedelta(days=1))
