"""Expiry notices: 30 days before accepted evidence runs out, and again once it has; each only once."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from conditions import services
from conditions.models import Notice
from tests.factories import accept_evidence, make_signed

pytestmark = pytest.mark.django_db

UNTIL = datetime.date(2026, 6, 30)  # VNPT's PL-01 evidence (the `watched` fixture)
WARN_ON = UNTIL - datetime.timedelta(days=30)
EXPIRED_ON = UNTIL + datetime.timedelta(days=1)


def _notice_mail():
    return [m for m in mail.outbox if "PL-01" in m.subject]


def _kinds():
    return list(Notice.objects.order_by("pk").values_list("evidence__condition__code", "kind"))


def test_nothing_is_sent_31_days_before_the_evidence_expires(watched, check):
    check(WARN_ON - datetime.timedelta(days=1))
    assert _kinds() == [] and mail.outbox == []


def test_an_expiring_notice_is_sent_30_days_before(watched, check):
    assert check(WARN_ON)["notices"] == 1
    assert _kinds() == [("PL-01", Notice.Kind.EXPIRING)]
    [message] = _notice_mail()
    assert sorted(message.to) == ["drafter@cntt.gov.vn", "vnpt@vnpt.vn"]
    assert "VNPT-IT" in message.subject and "30/06/2026" in message.subject


def test_the_expiring_notice_is_sent_only_once_across_daily_runs(watched, check):
    for day in (WARN_ON, WARN_ON, WARN_ON + datetime.timedelta(days=1), UNTIL):
        check(day)
    assert _kinds() == [("PL-01", Notice.Kind.EXPIRING)]
    assert len(_notice_mail()) == 1


def test_an_expired_notice_follows_once_the_evidence_has_expired(watched, check):
    check(WARN_ON)
    for day in (EXPIRED_ON, EXPIRED_ON, EXPIRED_ON + datetime.timedelta(days=10)):
        check(day)
    assert _kinds() == [("PL-01", Notice.Kind.EXPIRING), ("PL-01", Notice.Kind.EXPIRED)]
    assert len(_notice_mail()) == 2
    assert sorted(_notice_mail()[1].to) == ["drafter@cntt.gov.vn", "vnpt@vnpt.vn"]


def test_no_notice_when_a_newer_acceptance_covers_the_condition(watched, check, vnpt, codes):
    accept_evidence(vnpt, codes["PL-01"], valid_from=datetime.date(2026, 5, 1), valid_until=datetime.date(2027, 4, 30))
    for day in (WARN_ON, EXPIRED_ON):
        check(day)
    assert _kinds() == [] and _notice_mail() == []


def test_a_newer_acceptance_starting_only_after_a_gap_does_not_silence_the_notice(watched, check, vnpt, codes):
    """Evidence valid only from 01/09/2026 leaves July and August uncovered: the partner must be told."""
    accept_evidence(vnpt, codes["PL-01"], valid_from=datetime.date(2026, 9, 1), valid_until=datetime.date(2027, 8, 31))
    check(WARN_ON)
    assert _kinds() == [("PL-01", Notice.Kind.EXPIRING)]


def test_evidence_under_the_set_a_signed_agreement_keeps_is_still_watched(drafter, assessor, vietsens, vietsens_user,
                                                                         condition_set, codes, check):
    """The agreement is judged under its own set for its whole term, so that set's evidence still matters."""
    vietsens_user.email = "vietsens@vietsens.vn"
    vietsens_user.save()
    for condition in (codes["PL-01"], codes["ATTT-01"]):
        accept_evidence(vietsens, condition, valid_from=datetime.date(2025, 7, 1), valid_until=UNTIL)
    make_signed(by=drafter, partner=vietsens, condition_set=condition_set, signed_on=datetime.date(2025, 12, 20))
    newer = services.condition_set_create(by=assessor, title="v2", effective_from=datetime.date(2026, 3, 1),
                                          copy_from=condition_set)
    services.condition_set_publish(condition_set=newer, by=assessor)
    check(WARN_ON)
    assert sorted(_kinds()) == [("ATTT-01", Notice.Kind.EXPIRING), ("PL-01", Notice.Kind.EXPIRING)]


def test_the_notices_show_on_the_partner_users_dashboard(watched, check, as_user, vnpt_user):
    check(WARN_ON)
    response = as_user(vnpt_user).get(reverse("dashboard"))
    assert [n.evidence.condition.code for n in response.context["notices"]] == ["PL-01"]
    assert 'id="notices"' in response.content.decode()


def test_another_partners_dashboard_does_not_show_them(watched, check, as_user, vietsens_user):
    check(WARN_ON)
    assert as_user(vietsens_user).get(reverse("dashboard")).context["notices"] == []
