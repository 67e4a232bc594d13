"""After signing: what the receiving party reports of its deployment, per province and per period (issue 13).
The seed letter's worry is "the risk that units abandon the work halfway"; these reports are how the Ministry
sees the work go on."""

import calendar
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.agreement import Agreement
from core.models import PrivateFile, Province
from core.storage import private
from core.uploads import PrivateUploadTo

# A report's free texts are a few paragraphs each, never a document: documents are attached as files.
REPORT_TEXT_MAX = 5_000


@dataclass(frozen=True)
class Period:
    """One reporting period of an agreement, both days included."""

    start: datetime.date
    end: datetime.date

    def __str__(self):
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"


def _months_later(day, months):
    """The same day `months` later, or that month's last day when it has no such day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def report_periods(agreement, *, started_by=None):
    """The reporting periods of a signed agreement: every `report_every_months` from its term's start (its
    signing day when it names no start) to the last day it is in force, the last period cut short there.
    With `started_by`, only the periods whose first day has come by then."""
    first = agreement.term_start or agreement.signed_on
    last = agreement.in_force_until()
    if first is None or last is None:
        return []
    periods, index = [], 0
    while True:
        # Each start counted from the first day, not from the previous start: 31/01 + 1 month is 28/02, and
        # the next start is still 31/03, not 28/03.
        start = _months_later(first, index * agreement.report_every_months)
        if start > last or (started_by is not None and start > started_by):
            return periods
        end = min(last, _months_later(first, (index + 1) * agreement.report_every_months) - datetime.timedelta(1))
        periods.append(Period(start, end))
        index += 1


class DeploymentReport(models.Model):
    """What the receiving party reports of one province for one period: facilities live, records created,
    incidents, its problems and next steps. One report per province and period; a report is not edited."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="deployment_reports",
                                  verbose_name=_("agreement"))
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+", verbose_name=_("province"))
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    facilities_live = models.PositiveIntegerField(_("health facilities live"))
    records_created = models.PositiveBigIntegerField(_("health records created"))
    incidents = models.PositiveIntegerField(_("incidents"))
    problems = models.TextField(_("problems"), blank=True, max_length=REPORT_TEXT_MAX,
                                validators=[MaxLengthValidator(REPORT_TEXT_MAX)])
    next_steps = models.TextField(_("next steps"), blank=True, max_length=REPORT_TEXT_MAX,
                                  validators=[MaxLengthValidator(REPORT_TEXT_MAX)])
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                 editable=False, verbose_name=_("filed by"))
    filed_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deployment report")
        verbose_name_plural = _("deployment reports")
        ordering = ["agreement", "province", "-period_start"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "province", "period_start"],
                                    name="one_deployment_report_per_period"),
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")),
                                   name="deployment_report_period_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.agreement} — {self.province.name} — {self.period}"

    def get_absolute_url(self):
        return reverse("agreements:deployment_report", args=[self.agreement_id, self.pk])

    @property
    def period(self):
        return Period(self.period_start, self.period_end)


class DeploymentReportFile(PrivateFile):
    """A file attached to a report, kept privately under a name we chose (the rules of evidence files)."""

    report = models.ForeignKey(DeploymentReport, on_delete=models.PROTECT, related_name="files",
                               verbose_name=_("deployment report"))
    file = models.FileField(_("file"), storage=private, upload_to=PrivateUploadTo("deployment"), max_length=200)
    history = HistoricalRecords()

    class Meta(PrivateFile.Meta):
        verbose_name = _("deployment report file")
        verbose_name_plural = _("deployment report files")


class ProvinceRisk(models.Model):
    """A province of signed minutes flagged "at risk" of abandonment by the daily watch (issue 13, item 2), with
    the reason: its report overdue past the grace period, its figures flat for two periods, or its partner no
    longer eligible. Cleared, never deleted, when the cause goes; one open flag per province, agreement and
    reason, so each event is raised and told once."""

    class Reason(models.TextChoices):
        OVERDUE = "overdue", _("Report overdue")
        STALLED = "stalled", _("Figures flat for two periods")
        INELIGIBLE = "ineligible", _("The receiving party is no longer eligible")

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="province_risks",
                                  verbose_name=_("agreement"))
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+", verbose_name=_("province"))
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    details = models.TextField(_("details"), blank=True)
    raised_on = models.DateField(_("raised on"))
    cleared_on = models.DateField(_("cleared on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("province at risk")
        verbose_name_plural = _("provinces at risk")
        ordering = ["-raised_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "province", "reason"], condition=Q(cleared_on__isnull=True),
                                    name="one_open_risk_per_province_and_reason"),
        ]
        indexes = [models.Index(fields=["agreement", "province"], condition=Q(cleared_on__isnull=True),
                                name="open_province_risks")]

    def __str__(self):
        return f"{self.agreement} — {self.province.name} — {self.get_reason_display()}"

    @property
    def is_open(self):
        return self.cleared_on is None
