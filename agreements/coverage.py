"""Reading the coverage of the country (issue 13, item 1): every province in force today, which partner holds it
under which minutes and since when, and how its deployment stands. Minutes signed for a province since merged
into today's one (2019 minutes for an old province) count under today's province. Four queries, however many
provinces, agreements and reports: the provinces, the provinces in scope of minutes in force, their reports and
their open "at risk" flags."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements import charts, coverage_map
from agreements.deployment import TREND_FIGURES, Reported, Trend
from agreements.models import Agreement, AgreementProvince, DeploymentReport, ProvinceRisk, report_periods
from core.models import Province

# The periods a province's chart shows, the newest last.
CHART_PERIODS = 8


class State:
    """How a province's deployment stands, the most worrying first: a province held twice shows the worse."""

    AT_RISK, OVERDUE, NO_REPORT, REPORTING, NOT_COVERED = "at_risk", "overdue", "no_report", "reporting", "not_covered"
    LABELS = {
        AT_RISK: _("At risk"),
        OVERDUE: _("Report overdue"),
        NO_REPORT: _("No report yet"),
        REPORTING: _("Reporting"),
        NOT_COVERED: _("Not covered"),
    }
    # What the map writes in a square beside its colour, so the state reads without colour, printed too.
    MARKS = {AT_RISK: "⚠", OVERDUE: "!", NO_REPORT: "…", REPORTING: "✓", NOT_COVERED: "—"}
    ORDER = (AT_RISK, OVERDUE, NO_REPORT, REPORTING)


@dataclass
class Holding:
    """One province in scope of minutes in force today: the row AgreementProvince, read with its deployment."""

    scope: AgreementProvince
    reports: list = field(default_factory=list)  # oldest first
    risks: list = field(default_factory=list)  # its open flags, oldest first
    overdue: list = field(default_factory=list)  # the periods ended without a report, oldest first
    trends: dict = field(default_factory=dict)
    age_days: int | None = None
    state: str = State.NO_REPORT

    @property
    def agreement(self):
        return self.scope.agreement

    @property
    def partner(self):
        return self.scope.agreement.partner

    @property
    def since(self):
        return self.agreement.term_start or self.agreement.signed_on

    @property
    def latest(self):
        return self.reports[-1] if self.reports else None

    @property
    def state_label(self):
        return State.LABELS[self.state]

    @property
    def charts(self):
        shown = self.reports[-CHART_PERIODS:]
        return [charts.chart([(report.period_start, report.facilities_live) for report in shown],
                             title=_("Health facilities live"), kind="bars"),
                charts.chart([(report.period_start, report.records_created) for report in shown],
                             title=_("Health records created"), kind="line")]


@dataclass
class ProvinceCoverage:
    province: Province
    holdings: list = field(default_factory=list)

    @property
    def state(self):
        states = {holding.state for holding in self.holdings}
        return next((state for state in State.ORDER if state in states), State.NOT_COVERED)

    @property
    def state_label(self):
        return State.LABELS[self.state]


def coverage(today=None):
    """One ProvinceCoverage per province in force on `today`, in the order of their codes."""
    today = today or timezone.localdate()
    rows = {province.pk: ProvinceCoverage(province)
            for province in Province.objects.in_force_on(today).order_by("code", "pk")}
    # A province released by an accepted refusal is not covered by those minutes from the day of its release.
    scope = (AgreementProvince.objects.filter(agreement__in=Agreement.objects.in_force_on(today))
             .filter(Q(released_on__isnull=True) | Q(released_on__gt=today))
             .select_related("agreement__partner", "province__successor")
             .order_by("agreement__signed_on", "agreement_id", "province__code"))
    holdings = {}
    for item in scope:
        row = rows.get(_today_province_id(item.province, rows))
        if row is not None:
            holdings[item.agreement_id, item.province_id] = holding = Holding(item)
            row.holdings.append(holding)
    agreement_ids = {key[0] for key in holdings}
    for report in (DeploymentReport.objects.filter(agreement_id__in=agreement_ids).defer("problems", "next_steps")
                   .order_by("period_start", "pk")):
        holding = holdings.get((report.agreement_id, report.province_id))
        if holding is not None:  # a province taken out of scope keeps its reports; the page follows the scope
            holding.reports.append(report)
    for risk in ProvinceRisk.objects.filter(agreement_id__in=agreement_ids, cleared_on__isnull=True).order_by(
            "raised_on", "pk"):
        holding = holdings.get((risk.agreement_id, risk.province_id))
        if holding is not None:
            holding.risks.append(risk)
    for holding in holdings.values():
        _judge(holding, today)
    return list(rows.values())


def _today_province_id(province, rows):
    """The id of the province in force today that `province` is or became part of."""
    for candidate in (province, province.successor):
        if candidate is None:
            return None
        if candidate.pk in rows:
            return candidate.pk
        if candidate.successor_id in rows:
            return candidate.successor_id
    return None


def _judge(holding, today):
    """A report is due once its period has ended: a period still running is not overdue. The daily watch flags the
    province at risk when a report is still missing past the grace period."""
    # A report answers for every period its own period overlaps (the reporting period may have changed since).
    reported = Reported((None, report.period_start, report.period_end) for report in holding.reports)
    holding.overdue = [period for period in report_periods(holding.agreement, started_by=today)
                       if period.end < today and not reported.covers(None, period)]
    latest = holding.latest
    if latest is not None:
        previous = holding.reports[-2] if len(holding.reports) > 1 else None
        holding.trends = {name: Trend(getattr(latest, name), getattr(previous, name) if previous else None)
                          for name in TREND_FIGURES}
        holding.age_days = (today - timezone.localtime(latest.filed_at).date()).days
    if holding.risks:
        holding.state = State.AT_RISK
    elif holding.overdue:
        holding.state = State.OVERDUE
    elif latest is None:
        holding.state = State.NO_REPORT
    else:
        holding.state = State.REPORTING


def map_tiles(rows):
    """(tiles, legend): the map's squares, coloured by the partner holding the province first (grey when none),
    and the legend's [(partner, colour)]."""
    colours = coverage_map.partner_colours(holding.partner for row in rows for holding in row.holdings)
    tiles = []
    for row in rows:
        first = row.holdings[0] if row.holdings else None
        holders = ", ".join(f"{holding.partner.short_name} {holding.agreement.number_and_symbol}"
                            for holding in row.holdings)
        title = " — ".join(str(part) for part in (row.province.name, holders, row.state_label) if part)
        tiles.append(coverage_map.tile(
            row.province.code, state=row.state, title=title, mark=State.MARKS[row.state],
            colour=colours[first.partner.pk] if first else coverage_map.NOT_COVERED,
            hatched=row.state == State.OVERDUE, dashed=row.state == State.AT_RISK))
    tiles = [placed for placed in tiles if placed is not None]
    partners = {holding.partner.pk: holding.partner for row in rows for holding in row.holdings}
    return tiles, [(partners[pk], colour) for pk, colour in colours.items()]
