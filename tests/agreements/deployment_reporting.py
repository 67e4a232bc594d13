"""What the tests of deployment reports (test_deployment_*.py) start from: VNPT-IT's minutes signed on
20/12/2025 for Hà Nội and Cao Bằng, their term from 01/01/2026, reported quarterly; the clock on 10/05/2026,
when two periods have begun (01/01 and 01/04) and the third (01/07) has not."""

import datetime

from agreements import services
from tests.factories import current_province, on_day, signed

TODAY = datetime.date(2026, 5, 10)
FIRST, SECOND, THIRD = datetime.date(2026, 1, 1), datetime.date(2026, 4, 1), datetime.date(2026, 7, 1)
FIGURES = {"facilities_live": 12, "records_created": 3400, "incidents": 0, "problems": "Thiếu máy tính",
           "next_steps": "Mở rộng tới tuyến xã"}


def deployed(*, by, partner, codes=("01", "04"), number=1):
    return signed(by=by, partner=partner, provinces=[current_province(code) for code in codes], number=number)


def by_province(response):
    """The rows of the deployment page, by province name."""
    return {row.province.name: row for row in response.context["rows"]}


def file_report(agreement, *, by, province=None, period_start=FIRST, uploads=(), day=TODAY, **figures):
    """A report filed through the service on `day` (Hà Nội unless told)."""
    with on_day(day):
        return services.report_file(agreement=agreement, province=province or current_province("01"),
                                    period_start=period_start, by=by, figures={**FIGURES, **figures},
                                    uploads=list(uploads))
