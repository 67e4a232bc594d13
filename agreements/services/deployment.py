"""After signing: the receiving party's deployment reports, and how often they are due (issue 13)."""

import functools

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agreements import notify, permissions
from agreements.models import Agreement, DeploymentReport, DeploymentReportFile, report_periods
from core.exceptions import Refused, full_clean_or_refuse
from core.permissions import require
from core.tracking import only, tracked_save
from core.uploads import check_partner_quota, checked_kinds, store_private_files
from partners.models import Partner

# What the partner reports of a province for a period; the rest of a report is the service's to set.
FIGURES = ("facilities_live", "records_created", "incidents", "problems", "next_steps")


@transaction.atomic
def report_file(*, agreement, province, period_start, by, figures, uploads=()):
    """File the receiving party's deployment report for one province of signed minutes and one period that has
    begun, with its files (checked as evidence files are), all or nothing; the drafters are told."""
    require(permissions.can_file_report(by, agreement),
            _("Only a user of the receiving party files its deployment reports: the Ministry reads them."))
    # The partner's row held: the quota below sees every file committed before, as evidence_submit does.
    Partner.objects.select_for_update().get(pk=agreement.partner_id)
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)  # its status as it is now
    problems = []
    if agreement.status != Agreement.Status.SIGNED:
        problems.append(_("Deployment is reported only under signed minutes in force; these minutes are "
                          "%(status)s.") % {"status": agreement.get_status_display().lower()})
    if not agreement.scope.filter(province=province).exists():
        problems.append(_("%(province)s is not in the scope of these minutes.") % {"province": province.name})
    period = _period_problems(agreement, period_start, problems)
    uploads = list(uploads)
    kinds = checked_kinds(uploads, problems)
    if problems:
        raise Refused(problems)
    if period is not None and (earlier := _already_filed(agreement, province, period)) is not None:
        raise Refused(_duplicate(earlier))
    report = DeploymentReport(agreement=agreement, province=province, period_start=period.start,
                              period_end=period.end, filed_by=by, **only(figures, FIGURES))
    full_clean_or_refuse(report, validate_constraints=False)  # the constraint's clash is the savepoint's below
    check_partner_quota(agreement.partner_id, sum(upload.size for upload in uploads))
    try:
        with transaction.atomic():  # a savepoint: two filings of the same period at once, the second refused
            tracked_save(report, by=by, reason=_("Deployment report filed"))
    except IntegrityError:
        raise Refused(_duplicate(_already_filed(agreement, province, period))) from None
    store_private_files(uploads, kinds, make=functools.partial(DeploymentReportFile, report=report), by=by,
                        reason=_("Deployment report filed"))
    notify.deployment_report_filed(report, agreement)
    return report


def _period_problems(agreement, period_start, problems):
    """The period starting on `period_start`, or None with the reason added to `problems`."""
    today = timezone.localdate()
    for period in report_periods(agreement):
        if period.start == period_start:
            if period.start > today:
                problems.append(_("The period %(period)s has not begun: its report can be filed from "
                                  "%(start)s.") % {"period": period, "start": f"{period.start:%d/%m/%Y}"})
                return None
            return period
    problems.append(_("No reporting period of these minutes starts on %(day)s.") % {
        "day": f"{period_start:%d/%m/%Y}" if period_start else "—"})
    return None


def _already_filed(agreement, province, period):
    """A report of this province whose period overlaps `period` (agreements.deployment.Reported says why)."""
    return (DeploymentReport.objects.filter(agreement=agreement, province=province, period_start__lte=period.end,
                                            period_end__gte=period.start)
            .select_related("filed_by", "province").order_by("period_start").first())


def _duplicate(earlier):
    return _("A report for %(province)s for the period %(period)s was already filed on %(day)s by %(who)s; a "
             "period is reported once.") % {
        "province": earlier.province.name, "period": earlier.period,
        "day": f"{timezone.localtime(earlier.filed_at):%d/%m/%Y}",
        "who": earlier.filed_by.get_full_name() or earlier.filed_by.username}


@transaction.atomic
def agreement_set_report_period(*, agreement, by, months, reason=""):
    """Change how often the receiving party reports, on a draft or on signed minutes (the signed text does not
    change: the period is how the Ministry follows the work, not a clause)."""
    require(permissions.can_set_report_period(by), _("Your roles do not allow setting the reporting period."))
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.status not in (Agreement.Status.DRAFT, Agreement.Status.SIGNED):
        raise Refused(_("The reporting period is set on a draft or on signed minutes; these minutes are "
                        "%(status)s.") % {"status": agreement.get_status_display().lower()})
    if agreement.report_every_months == months:
        return agreement
    agreement.report_every_months = months
    full_clean_or_refuse(agreement)
    return tracked_save(agreement, by=by, reason=reason or every(months), update_fields=["report_every_months",
                                                                                        "updated_at"])


def every(months):
    """How often reports are due, as the history and the messages say it."""
    return ngettext("Deployment reports due every month", "Deployment reports due every %(months)d months",
                    months) % {"months": months}
