"""Expiry notices: 30 days before accepted evidence runs out, and again once it has; each only once."""

import datetime

import pytest
from django.urls import reverse

from conditions.models import Notice
from tests.agreements.eligibility_watching import (
    EXPIRED_ON,
    UNTIL,
    WARN_ON,
    catalogue_2025,
)
from tests.factories import accept, condition_set, signed

pytestmark = pytest.mark.django_db

RECIPIENTS = ["drafter@cntt.gov.vn", "vnpt@unit.vn"]


def _notice_mail(outbox):
    return [m for m in outbox if "PL-01" in m.subject]


def _kinds():
    return list(Notice.objects.order_by("pk").values_list("evidence__condition__code", "kind"))


def _renew_pl01(agreement, valid_from):
    pl01 = agreement.condition_set.conditions.get(code="PL-01")
    accept(agreement.partner, pl01, valid_from=valid_from, valid_until=valid_from + datetime.timedelta(days=364))


def test_nothing_is_sent_31_days_before_the_evidence_expires(watched, check, mailoutbox):
    assert check(WARN_ON - datetime.timedelta(days=1))["notices"] == 0
    assert _kinds() == [] and mailoutbox == []


def test_an_expiring_notice_is_sent_30_days_before(watched, check, mailoutbox):
    assert check(WARN_ON)["notices"] == 1
    assert _kinds() == [("PL-01", Notice.Kind.EXPIRING)]
    [message] = _notice_mail(mailoutbox)
    assert sorted(message.to) == RECIPIENTS
    assert "VNPT-IT" in message.subject and "30/06/2026" in message.subject
    assert Notice.objects.get().recipients == ", ".join(RECIPIENTS)


def test_the_expiring_notice_is_sent_only_once_across_daily_runs(watched, check, mailoutbox):
    for day in (WARN_ON, WARN_ON, WARN_ON + datetime.timedelta(days=1), UNTIL):
        check(day)
    assert _kinds() == [("PL-01", Notice.Kind.EXPIRING)]
    assert len(_notice_mail(mailoutbox)) == 1


def test_an_expired_notice_follows_once_the_evidence_has_expired(watched, check, mailoutbox):
    check(WARN_ON)
    for day in (EXPIRED_ON, EXPIRED_ON, EXPIRED_ON + datetime.timedelta(days=10)):
        check(day)
    assert _kinds() == [("PL-01", Notice.Kind.EXPIRING), ("PL-01", Notice.Kind.EXPIRED)]
    assert len(_notice_mail(mailoutbox)) == 2
    assert sorted(_notice_mail(mailoutbox)[1].to) == RECIPIENTS


def test_no_notice_when_a_newer_acceptance_covers_the_condition(watched, check, mailoutbox):
    _renew_pl01(watched, valid_from=datetime.date(2026, 5, 1))
    for day in (WARN_ON, EXPIRED_ON):
        check(day)
    assert _kinds() == [] and _notice_mail(mailoutbox) == []


def test_a_newer_acceptance_starting_only_after_a_gap_does_not_silence_the_notice(watched, check):
    """Evidence valid only from 01/09/2026 leaves July and August uncovered: the partner must be told."""
    _renew_pl01(watched, valid_from=datetime.date(2026, 9, 1))
    check(WARN_ON)
    assert _kinds() == [("PL-01", Notice.Kind.EXPIRING)]


def test_evidence_under_the_set_a_signed_agreement_keeps_is_still_watched(drafter, vietsens, check):
    """The agreement is judged under its own set for its whole term, so that set's evidence still matters."""
    rules = catalogue_2025()
    for code in ("PL-01", "ATTT-01"):
        accept(vietsens, rules.conditions.get(code=code), valid_from=datetime.date(2025, 7, 1), valid_until=UNTIL)
    signed(by=drafter, partner=vietsens, condition_set=rules)
    condition_set("PL-01", "ATTT-01", effective_from=datetime.date(2026, 3, 1))  # supersedes `rules`
    check(WARN_ON)
    assert sorted(_kinds()) == [("ATTT-01", Notice.Kind.EXPIRING), ("PL-01", Notice.Kind.EXPIRING)]


def test_the_notices_show_on_the_partner_users_dashboard(watched, check, login, vnpt_user):
    check(WARN_ON)
    response = login(vnpt_user).get(reverse("dashboard"))
    assert [n.evidence.condition.code for n in response.context["notices"]] == ["PL-01"]
    assert [n.kind for n in response.context["notices"]] == [Notice.Kind.EXPIRING]


def test_another_partners_dashboard_does_not_show_them(watched, check, login, vietsens_user):
    check(WARN_ON)
    assert login(vietsens_user).get(reverse("dashboard")).context["notices"] == []
