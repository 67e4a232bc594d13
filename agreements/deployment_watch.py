"""Early warning of abandonment (issue 13, item 2): the seed letter fears "the risk that units abandon the work
halfway", and a partner going quiet is how it starts.

check_all() is meant for the daily timer, after the eligibility watch (whose open flags it reads). For each
signed agreement in force on the day and each province in its scope not released by then, a province is flagged
"at risk" (ProvinceRisk) for each of these reasons that holds:

- OVERDUE: a reporting period whose end plus settings.DEPLOYMENT_REPORT_GRACE_DAYS is before the day has no
  report (a report whose period overlaps it counts, as on the deployment page). Clears when each has one.
- STALLED: the province's three latest reports are of consecutive periods (each begins the day after the one
  before ends) and neither figure grew over them: facilities live and records created, read as totals at the
  period's end, are each no higher in the second report than in the first nor in the third than in the second.
  That is "the figures stop growing for two periods": two periods without growth after a first one. Clears as
  soon as that no longer holds of the three latest reports (a newer report that grows, above all).
- INELIGIBLE: the agreement has an open EligibilityFlag. Clears when that flag is cleared.

A flag of an agreement no longer in force, or of a province released, is cleared ("no longer in force"). Each
raise tells the drafters and the receiving party's users (a notice and a mail, once: the key is the flag's); a
clear whose cause went tells them too. Idempotent, one run at a time on several servers (an advisory lock), and a
fixed number of queries whatever the number of agreements, provinces and reports, plus those of each event."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from agreements import notify
from agreements.deployment import Reported
from agreements.models import (
    Agreement,
    AgreementProvince,
    DeploymentReport,
    EligibilityFlag,
    ProvinceRisk,
    report_periods,
)
from core.tracking import tracked_save

Reason = ProvinceRisk.Reason
# The reports a stall is read from: a first one, then two periods without growth.
STALL_REPORTS = 3


@dataclass(frozen=True)
class Cause:
    """Why a province is at risk today: the flag's details, and the plain values its notice says."""

    details: str
    params: dict


@transaction.atomic
def check_all(*, day, by=None):
    """Run the daily watch for `day`. Idempotent. Returns counts of what it did."""
    if connection.vendor == "postgresql":  # two runs at once would both raise the same flags and notices
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('watch_deployment'))")
    done = {"raised": 0, "cleared": 0, "notices": 0}
    in_force = Agreement.objects.in_force_on(day).filter(status=Agreement.Status.SIGNED)
    agreements = {a.pk: a for a in in_force.select_related("partner")}
    causes = _causes(agreements, in_force, day)
    watched, found = causes["watched"], causes["found"]
    open_risks = {(r.agreement_id, r.province_id, r.reason): r for r in ProvinceRisk.objects.select_for_update(
        of=("self",)).filter(cleared_on__isnull=True).select_related("agreement__partner", "province")}
    raised, cleared = [], []
    for key, risk in open_risks.items():
        if key[:2] not in watched:
            risk.cleared_on = day
            tracked_save(risk, by=by, reason=_("The minutes are no longer in force for this province"))
            done["cleared"] += 1
        elif key not in found:
            risk.cleared_on = day
            tracked_save(risk, by=by, reason=_("The cause went"))
            cleared.append(risk)
            done["cleared"] += 1
        elif risk.details != found[key].details:  # the same event, a period more or less overdue: no new notice
            risk.details = found[key].details
            tracked_save(risk, by=by, reason=_("Daily deployment watch"), update_fields=["details"])
    provinces = causes["provinces"]
    for key, cause in found.items():
        if key in open_risks:
            continue
        agreement_id, province_id, reason = key
        risk = ProvinceRisk(agreement=agreements[agreement_id], province=provinces[province_id], reason=reason,
                            details=cause.details, raised_on=day)
        tracked_save(risk, by=by, reason=_("Daily deployment watch"))
        raised.append((risk, cause))
        done["raised"] += 1
    if raised or cleared:
        people = notify.deployment_people([r.agreement for r, _cause in raised] + [r.agreement for r in cleared])
        for risk, cause in raised:
            done["notices"] += bool(notify.province_at_risk(risk, cause.params, people[risk.agreement_id]))
        for risk in cleared:
            done["notices"] += bool(notify.province_risk_cleared(risk, people[risk.agreement_id]))
    return done


def _causes(agreements, in_force, day):
    """{"found": {(agreement id, province id, reason): Cause}, "watched": the (agreement id, province id) looked
    at, "provinces": {id: Province}}, in three queries."""
    scope = (AgreementProvince.objects.filter(agreement__in=in_force)
             .filter(Q(released_on__isnull=True) | Q(released_on__gt=day)).select_related("province"))
    reports = defaultdict(list)  # oldest first
    for report in (DeploymentReport.objects.filter(agreement__in=in_force)
                   .only("agreement_id", "province_id", "period_start", "period_end", "facilities_live",
                         "records_created").order_by("period_start", "pk")):
        reports[report.agreement_id, report.province_id].append(report)
    ineligible = {flag.agreement_id: flag for flag in EligibilityFlag.objects.filter(agreement__in=in_force,
                                                                                      cleared_on__isnull=True)}
    grace = datetime.timedelta(days=settings.DEPLOYMENT_REPORT_GRACE_DAYS)
    periods = {pk: [p for p in report_periods(a, started_by=day) if p.end + grace < day]
               for pk, a in agreements.items()}
    found, watched, provinces = {}, set(), {}
    for item in scope:
        key, province = (item.agreement_id, item.province_id), item.province
        provinces[province.pk] = province
        watched.add(key)
        late = _overdue(periods[item.agreement_id], reports[key], province.pk, grace)
        if late:
            found[(*key, Reason.OVERDUE)] = late
        flat = _stalled(reports[key])
        if flat:
            found[(*key, Reason.STALLED)] = flat
        if item.agreement_id in ineligible:
            flag = ineligible[item.agreement_id]
            found[(*key, Reason.INELIGIBLE)] = Cause(flag.reasons, {"notes": flag.reasons,
                                                                   "since": _d(flag.raised_on)})
    return {"found": found, "watched": watched, "provinces": provinces}


def _overdue(due_periods, reports, province_id, grace):
    """The periods past their grace with no report, or None."""
    reported = Reported((province_id, r.period_start, r.period_end) for r in reports)
    late = [period for period in due_periods if not reported.covers(province_id, period)]
    if not late:
        return None
    return Cause("\n".join(str(period) for period in late), {
        "periods": ", ".join(str(period) for period in late), "grace_days": grace.days,
        "since": _d(late[0].end + grace + datetime.timedelta(days=1))})


def _stalled(reports):
    """The three latest reports, when they show a stall (the module's docstring says when), or None."""
    last = reports[-STALL_REPORTS:]
    if len(last) < STALL_REPORTS:
        return None
    for before, after in zip(last, last[1:], strict=False):
        if after.period_start != before.period_end + datetime.timedelta(days=1):
            return None  # a period between them has no report: that is the overdue flag's to say
        if after.facilities_live > before.facilities_live or after.records_created > before.records_created:
            return None
    return Cause("\n".join(f"{r.period}: {r.facilities_live} / {r.records_created}" for r in last), {
        "periods": ", ".join(str(r.period) for r in last), "facilities_live": last[-1].facilities_live,
        "records_created": last[-1].records_created})


def _d(day):
    return day.strftime("%d/%m/%Y")
