"""Reading the deployment reports of one agreement: per province the latest report, its age and the trend
against the report before it, and which periods still wait for a report. A fixed number of queries, however
many provinces, periods and reports."""

from dataclasses import dataclass, field

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from agreements.models import AgreementProvince, DeploymentReport, ProvinceRisk, report_periods

# The figures whose trend the page shows.
TREND_FIGURES = ("facilities_live", "records_created")


@dataclass
class Trend:
    value: int
    previous: int | None

    @property
    def delta(self):
        return None if self.previous is None else self.value - self.previous

    @property
    def arrow(self):
        if self.delta is None:
            return ""
        return "↑" if self.delta > 0 else "↓" if self.delta < 0 else "→"


@dataclass
class ProvinceRow:
    province: object
    latest: DeploymentReport | None = None
    previous: DeploymentReport | None = None
    age_days: int | None = None
    trends: dict = field(default_factory=dict)
    unreported: list = field(default_factory=list)  # the periods begun that have no report, oldest first
    risks: list = field(default_factory=list)  # its open flags of the daily watch (agreements.deployment_watch)


def province_rows(agreement, today=None):
    """One row per province in scope, in the order of their names."""
    today = today or timezone.localdate()
    scope = (AgreementProvince.objects.filter(agreement=agreement).select_related("province")
             .order_by("province__name", "province_id"))
    rows = {item.province_id: ProvinceRow(item.province) for item in scope}
    # The two newest reports of each province, in one query whatever the number of reports.
    newest = (DeploymentReport.objects.filter(agreement=agreement)
              .annotate(rank=Window(RowNumber(), partition_by=[F("province_id")],
                                    order_by=[F("period_start").desc(), F("pk").desc()]))
              .filter(rank__lte=2).select_related("filed_by").order_by("province_id", "rank"))
    for report in newest:
        row = rows.get(report.province_id)
        if row is None:  # a province taken out of scope keeps its reports; the page follows the scope
            continue
        if report.rank == 1:
            row.latest = report
            row.age_days = (today - timezone.localtime(report.filed_at).date()).days
        else:
            row.previous = report
    for risk in ProvinceRisk.objects.filter(agreement=agreement, cleared_on__isnull=True).order_by("raised_on", "pk"):
        if risk.province_id in rows:
            rows[risk.province_id].risks.append(risk)
    reported = reported_periods(agreement)
    begun = report_periods(agreement, started_by=today)
    for province_id, row in rows.items():
        if row.latest is not None:
            row.trends = {name: Trend(getattr(row.latest, name),
                                      getattr(row.previous, name) if row.previous else None)
                          for name in TREND_FIGURES}
        row.unreported = [period for period in begun if not reported.covers(province_id, period)]
    return list(rows.values())


class Reported:
    """The periods reported per province. A period counts as reported when a report's period overlaps it: the
    drafter may change how often reports are due after some were filed, and a quarter reported before the change
    to monthly reports still answers for its three months (and no report may be filed for them again)."""

    def __init__(self, spans):
        self.spans = {}
        for province_id, start, end in spans:
            self.spans.setdefault(province_id, []).append((start, end))

    def covers(self, province_id, period):
        return any(start <= period.end and end >= period.start for start, end in self.spans.get(province_id, ()))


def reported_periods(agreement):
    """What is reported under the agreement (one query)."""
    return Reported(DeploymentReport.objects.filter(agreement=agreement)
                    .values_list("province_id", "period_start", "period_end"))


def fileable(agreement, today=None):
    """(provinces in scope, periods begun): what a report may be filed for."""
    today = today or timezone.localdate()
    provinces = [item.province for item in AgreementProvince.objects.filter(agreement=agreement)
                 .select_related("province").order_by("province__name", "province_id")]
    return provinces, report_periods(agreement, started_by=today)
