"""Who is told of a province at risk, and how often: the drafters and the receiving party's users (no other
partner), a notice and a mail once per flag, again only for a new event; the clear is told too. Also the
command of the daily timer."""

import datetime
import io
from collections import Counter

import pytest
from django.core.management import call_command

from agreements.models import ProvinceRisk
from core.models import Notification
from partners.models import Membership
from tests.agreements.abandonment_watching import OVERDUE_FROM, Q1, watch
from tests.agreements.deployment_reporting import file_report
from tests.factories import current_province

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    return lambda day: watch(django_capture_on_commit_callbacks, day)


@pytest.fixture
def addressed(drafter, vnpt_user, vietsens_user):
    for user in (drafter, vnpt_user, vietsens_user):
        user.email = f"{user.username}@example.vn"
        user.save()


def _told(kind):
    return Counter(Notification.objects.filter(kind=kind).values_list("user__username", flat=True))


def _people(vnpt, times):
    """The drafter and every user of VNPT-IT (vnpt, and the member its evidence was filed by), each `times`."""
    users = ["drafter", *Membership.objects.filter(partner=vnpt).values_list("user__username", flat=True)]
    return Counter({username: times for username in users})


def test_the_drafter_and_the_partner_users_are_told_of_a_province_at_risk(deployed, vnpt, addressed, run,
                                                                            mailoutbox):
    assert run(OVERDUE_FROM) == {"raised": 2, "cleared": 0, "notices": 2}  # Hà Nội and Cao Bằng
    assert _told("province_at_risk") == _people(vnpt, 2)
    assert sorted(m.to[0] for m in mailoutbox) == ["drafter@example.vn"] * 2 + ["vnpt@example.vn"] * 2
    assert any("Cao Bằng" in m.subject and "01/01/2026 – 31/03/2026" in m.body for m in mailoutbox)


def test_another_partners_users_are_not_told(deployed, addressed, run, mailoutbox):
    run(OVERDUE_FROM)
    assert not Notification.objects.filter(user__username="vietsens").exists()
    assert "vietsens@example.vn" not in {m.to[0] for m in mailoutbox}


def test_a_second_run_the_same_day_or_the_next_tells_nobody_again(deployed, vnpt, addressed, run, mailoutbox):
    run(OVERDUE_FROM)
    sent = len(mailoutbox)
    assert run(OVERDUE_FROM) == {"raised": 0, "cleared": 0, "notices": 0}
    assert run(OVERDUE_FROM + datetime.timedelta(days=1)) == {"raised": 0, "cleared": 0, "notices": 0}
    assert (len(mailoutbox), _told("province_at_risk"), ProvinceRisk.objects.count()) == (sent, _people(vnpt, 2), 2)


def test_the_clear_is_told_once_and_a_new_event_is_told_again(deployed, vnpt, addressed, vnpt_user, run):
    run(OVERDUE_FROM)
    file_report(deployed, by=vnpt_user, period_start=Q1, day=datetime.date(2026, 5, 2))
    run(datetime.date(2026, 5, 2))
    run(datetime.date(2026, 5, 3))
    assert _told("province_risk_cleared") == _people(vnpt, 1)
    run(datetime.date(2026, 7, 31))  # Hà Nội's second quarter is overdue now: a new flag, a new notice
    assert ProvinceRisk.objects.filter(province=current_province("01")).count() == 2
    assert _told("province_at_risk") == _people(vnpt, 3)


def _command(*args):
    out = io.StringIO()
    call_command("watch_deployment", *args, stdout=out)
    return out.getvalue()


def test_the_command_runs_the_watch_for_the_day_given_and_says_what_it_did(deployed):
    assert _command("--on", "2026-05-01") == "01/05/2026: 2 raised, 0 cleared, 2 notices sent.\n"
    assert _command("--on", "2026-05-01") == "01/05/2026: 0 raised, 0 cleared, 0 notices sent.\n"
