"""Eligibility is watched for the whole term, not only at signing (DOMAIN.md).

check_all() is meant for a daily timer: it flags each signed agreement whose partner is no longer
eligible, clears the flag when the partner is eligible again, and tells the people concerned 30 days
before a piece of accepted evidence expires and again when it expires. Each event notifies once:
the Notice and EligibilityFlag rows, unique per event, are the memory of what was sent."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import connection, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from agreements.models import Agreement, EligibilityFlag
from conditions import eligibility
from conditions.models import ConditionSet, Evidence, Notice
from core import roles
from core.tracking import tracked_save

WARNING = datetime.timedelta(days=eligibility.EXPIRY_WARNING_DAYS)


@transaction.atomic
def check_all(*, day, by=None):
    """Run the daily check for `day`. Idempotent. Returns counts of what it did."""
    if connection.vendor == "postgresql":  # two runs at once would both send the same notices
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('check_eligibility'))")
    done = {"flagged": 0, "cleared": 0, "notices": 0}
    agreements = list(Agreement.objects.in_force_on(day).filter(status=Agreement.Status.SIGNED)
                      .select_related("partner", "condition_set", "created_by"))
    in_force_by_partner = defaultdict(list)
    for agreement in agreements:
        in_force_by_partner[agreement.partner_id].append(agreement)
    _flag(agreements, day, by, done)
    _notify_expiries(in_force_by_partner, day, by, done)
    return done


def _flag(agreements, day, by, done):
    open_flags = {f.agreement_id: f
                  for f in EligibilityFlag.objects.select_for_update().filter(cleared_on__isnull=True)}
    in_force = {a.pk for a in agreements}
    for agreement_id, flag in open_flags.items():
        if agreement_id not in in_force:  # terminated or its term ended: nothing left to watch
            flag.cleared_on = day
            tracked_save(flag, by=by, reason=_("The agreement is no longer in force"))
            done["cleared"] += 1
    by_set = defaultdict(list)
    for agreement in agreements:
        by_set[agreement.condition_set_id].append(agreement)
    for group in by_set.values():
        verdicts = eligibility.verdicts({a.partner for a in group}, group[0].condition_set, day)
        for agreement in group:
            verdict, flag = verdicts[agreement.partner_id], open_flags.get(agreement.pk)
            if not verdict.eligible and flag is None:
                reasons = "\n".join(verdict.reasons())
                tracked_save(EligibilityFlag(agreement=agreement, raised_on=day, reasons=reasons), by=by,
                             reason=_("Daily eligibility check"))
                _mail(_recipients(agreement.partner, [agreement]),
                      _("Agreement %(ns)s: %(partner)s is no longer eligible") % {
                          "ns": agreement.number_and_symbol, "partner": agreement.partner.short_name},
                      reasons)
                done["flagged"] += 1
            elif verdict.eligible and flag is not None:
                flag.cleared_on = day
                tracked_save(flag, by=by, reason=_("Eligible again"))
                done["cleared"] += 1


def _notify_expiries(in_force_by_partner, day, by, done):
    # Evidence is watched under the sets in force today and under every set a signed agreement
    # in force was judged by (an agreement keeps its set for its whole term).
    watched_sets = {s.pk for s in ConditionSet.objects.published() if s.in_force_on(day)}
    watched_sets |= {a.condition_set_id for group in in_force_by_partner.values() for a in group if a.condition_set_id}
    accepted = list(Evidence.objects.filter(status=Evidence.Status.ACCEPTED, condition__condition_set__in=watched_sets)
                    .select_related("partner", "condition").order_by("valid_until"))
    by_condition = defaultdict(list)
    for evidence in accepted:
        by_condition[(evidence.partner_id, evidence.condition_id)].append(evidence)
    candidates = [e for e in accepted if e.valid_until <= day + WARNING]
    sent = set(Notice.objects.filter(evidence__in=[e.pk for e in candidates]).values_list("evidence_id", "kind"))
    recipients_of = {}
    for evidence in candidates:
        if _carried_on(evidence, by_condition[(evidence.partner_id, evidence.condition_id)]):
            continue  # a newer acceptance takes over without a gap: nothing to warn about
        kind = Notice.Kind.EXPIRED if evidence.valid_until < day else Notice.Kind.EXPIRING
        if (evidence.pk, kind) in sent:
            continue
        if evidence.partner_id not in recipients_of:
            recipients_of[evidence.partner_id] = _recipients(evidence.partner,
                                                             in_force_by_partner.get(evidence.partner_id, []))
        recipients = recipients_of[evidence.partner_id]
        tracked_save(Notice(evidence=evidence, kind=kind, sent_on=day, recipients=", ".join(recipients)), by=by,
                     reason=_("Daily eligibility check"))
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("%(partner)s: evidence for %(code)s %(state)s on %(date)s") % {
                "partner": evidence.partner.short_name, "code": evidence.condition.code,
                "state": _("expires") if kind == Notice.Kind.EXPIRING else _("expired"),
                "date": evidence.valid_until.strftime("%d/%m/%Y")}
            body = _("Accepted evidence for condition %(code)s (%(title)s) of %(partner)s %(state)s on %(date)s. "
                     "Submit new evidence in time: a partner is eligible only while every mandatory condition has "
                     "accepted evidence valid that day, and signed agreements are watched for their whole term.") % {
                "code": evidence.condition.code, "title": evidence.condition.title,
                "partner": evidence.partner.legal_name, "state": _("expires") if kind == Notice.Kind.EXPIRING
                else _("expired"), "date": evidence.valid_until.strftime("%d/%m/%Y")}
        _mail(recipients, subject, body)
        done["notices"] += 1


def _carried_on(evidence, same_condition):
    """Another acceptance valid from the day after this one ends (or earlier) and lasting longer."""
    next_day = evidence.valid_until + datetime.timedelta(days=1)
    return any(other.pk != evidence.pk and other.valid_from <= next_day and other.valid_until > evidence.valid_until
               for other in same_condition)


def _recipients(partner, agreements):
    """The partner's users, and the drafters of its agreements in force (all drafters if none)."""
    User = get_user_model()
    people = list(User.objects.filter(membership__partner=partner, is_active=True))
    drafters = {a.created_by for a in agreements if a.created_by.is_active}
    if not drafters:
        drafters = set(User.objects.filter(groups__name=roles.DRAFTER, is_active=True))
    return sorted({u.email for u in [*people, *drafters] if u.email})


def _mail(recipients, subject, body):
    if recipients:
        subject, body = str(subject), str(body)
        transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients))
