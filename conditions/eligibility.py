"""Eligibility is derived, never typed in: a partner is eligible on a day under a condition set
exactly when every mandatory condition has accepted evidence valid that day ("necessary and
sufficient": nothing else counts, and nothing less will do).

Computed for many partners at once in a fixed number of queries (conditions, then evidence)."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from conditions.models import Condition, Evidence

EXPIRY_WARNING_DAYS = 30


class Standing:
    MET = "met"
    EXPIRING = "expiring"
    PENDING = "pending"
    INFO_REQUESTED = "info_requested"
    REJECTED = "rejected"
    EXPIRED = "expired"
    MISSING = "missing"

    LABELS = {
        MET: _("Met"),
        EXPIRING: _("Met, expiring within 30 days"),
        PENDING: _("Awaiting assessment"),
        INFO_REQUESTED: _("More information requested"),
        REJECTED: _("Rejected"),
        EXPIRED: _("Expired"),
        MISSING: _("No evidence"),
    }
    SATISFIED = {MET, EXPIRING}


@dataclass
class ConditionStanding:
    condition: Condition
    standing: str
    latest: Evidence | None = None  # the newest submission, whatever its state
    valid: Evidence | None = None  # the accepted evidence that counts on the day, if any
    # Every submission for the condition, newest first: shown under the one standing, never beside it as a second.
    history: list = field(default_factory=list)

    @property
    def label(self):
        return Standing.LABELS[self.standing]

    @property
    def satisfied(self):
        return self.standing in Standing.SATISFIED

    @property
    def to_answer(self):
        """The evidence on which the assessor waits for the partner's answer, if any."""
        return self.latest if self.standing == Standing.INFO_REQUESTED else None

    @property
    def reason(self):
        """The assessor's words that make this standing (a rejection, a request), if they make it."""
        if self.standing in (Standing.REJECTED, Standing.INFO_REQUESTED):
            return self.latest.decision_reason
        return ""


@dataclass
class Verdict:
    partner: object
    condition_set: object
    day: datetime.date
    standings: list = field(default_factory=list)

    @property
    def eligible(self):
        return self.condition_set is not None and not self.unmet

    @property
    def unmet(self):
        return [s for s in self.standings if s.condition.mandatory and not s.satisfied]

    @property
    def expiring(self):
        return [s for s in self.standings if s.standing == Standing.EXPIRING]

    def reasons(self):
        """Why not eligible, one line per unmet mandatory condition."""
        if self.condition_set is None:
            return [str(_("No published condition set is in force."))]
        return [str(_("%(code)s %(title)s: %(standing)s") % {
            "code": s.condition.code, "title": s.condition.title, "standing": s.label}) for s in self.unmet]


def standing_of(condition, submissions, day):
    """The standing of one condition on `day`, from that partner's submissions, newest first."""
    standing = _standing(condition, submissions, day)
    standing.history = list(submissions)
    return standing


def _standing(condition, submissions, day):
    valid = next((e for e in submissions if e.valid_on(day)), None)
    latest = submissions[0] if submissions else None
    if valid is not None:
        warn = valid.valid_until <= day + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
        return ConditionStanding(condition, Standing.EXPIRING if warn else Standing.MET, latest, valid)
    if latest is None:
        return ConditionStanding(condition, Standing.MISSING)
    if latest.status == Evidence.Status.SUBMITTED:
        return ConditionStanding(condition, Standing.PENDING, latest)
    if latest.status == Evidence.Status.INFO_REQUESTED:
        return ConditionStanding(condition, Standing.INFO_REQUESTED, latest)
    if any(e.status == Evidence.Status.ACCEPTED and e.valid_until < day for e in submissions):
        return ConditionStanding(condition, Standing.EXPIRED, latest)
    if latest.status == Evidence.Status.REJECTED:
        return ConditionStanding(condition, Standing.REJECTED, latest)
    # Accepted only from a later day: not valid yet on the day asked about.
    return ConditionStanding(condition, Standing.MISSING, latest)


def verdicts(partners, condition_set, day):
    """{partner pk: Verdict} for every partner, under one condition set, on one day."""
    partners = list(partners)
    if condition_set is None:
        return {p.pk: Verdict(p, None, day) for p in partners}
    conditions = list(condition_set.conditions.order_by("position", "code"))
    by_key = {}
    evidence = (Evidence.objects.filter(partner__in=[p.pk for p in partners], condition__condition_set=condition_set)
                .order_by("-submitted_at", "-pk"))
    for item in evidence:
        by_key.setdefault((item.partner_id, item.condition_id), []).append(item)
    return {
        p.pk: Verdict(p, condition_set, day,
                      [standing_of(c, by_key.get((p.pk, c.pk), []), day) for c in conditions])
        for p in partners
    }


def verdict(partner, condition_set, day):
    return verdicts([partner], condition_set, day)[partner.pk]
