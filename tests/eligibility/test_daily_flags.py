"""The daily check flags a signed agreement whose partner is no longer eligible, once, and clears it."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from agreements.models import EligibilityFlag
from tests.factories import accept_evidence

pytestmark = pytest.mark.django_db

EXPIRED_ON = datetime.date(2026, 7, 1)  # the day after VNPT's PL-01 evidence ran out


def test_an_eligible_partners_agreement_is_not_flagged(watched, check):
    assert check(datetime.date(2026, 6, 30))["flagged"] == 0
    assert not EligibilityFlag.objects.exists()


def test_an_agreement_is_flagged_the_day_its_partner_is_no_longer_eligible(watched, check):
    assert check(EXPIRED_ON)["flagged"] == 1
    flag = EligibilityFlag.objects.get()
    assert (flag.agreement, flag.raised_on, flag.cleared_on) == (watched, EXPIRED_ON, None)
    assert [line.split()[0] for line in flag.reasons.splitlines()] == ["PL-01"]


def test_the_flag_is_mailed_to_the_partners_users_and_the_drafter(watched, check):
    check(EXPIRED_ON)
    [message] = [m for m in mail.outbox if "01/BB-CNTT" in m.subject]
    assert sorted(message.to) == ["drafter@cntt.gov.vn", "vnpt@vnpt.vn"]
    assert "PL-01" in message.body


def test_running_the_check_twice_does_not_flag_twice(watched, check):
    check(EXPIRED_ON)
    sent = len(mail.outbox)
    assert check(EXPIRED_ON)["flagged"] == 0
    assert check(EXPIRED_ON + datetime.timedelta(days=1))["flagged"] == 0
    assert EligibilityFlag.objects.count() == 1
    assert len(mail.outbox) == sent


def test_the_flag_is_cleared_when_the_partner_is_eligible_again(watched, check, vnpt, codes):
    check(EXPIRED_ON)
    accept_evidence(vnpt, codes["PL-01"], valid_from=datetime.date(2026, 7, 3), valid_until=datetime.date(2027, 7, 2))
    assert check(datetime.date(2026, 7, 3))["cleared"] == 1
    flag = EligibilityFlag.objects.get()
    assert flag.cleared_on == datetime.date(2026, 7, 3)
    assert check(datetime.date(2026, 7, 4)) == {"flagged": 0, "cleared": 0, "notices": 0}


def test_the_command_runs_the_check_for_the_day_given(watched):
    out = io.StringIO()
    call_command("watch_eligibility", "--on", "2026-07-01", stdout=out)
    assert out.getvalue().startswith("01/07/2026: 1 flagged, 0 cleared")
    assert EligibilityFlag.objects.get().raised_on == EXPIRED_ON
    call_command("watch_eligibility", "--on", "2026-07-01", stdout=out)
    assert EligibilityFlag.objects.count() == 1


def test_the_command_refuses_a_bad_date(db):
    with pytest.raises(CommandError):
        call_command("watch_eligibility", "--on", "01/07/2026")


def test_the_flag_shows_on_the_agreement_page(watched, check, as_user, drafter):
    check(EXPIRED_ON)
    response = as_user(drafter).get(reverse("agreements:detail", args=[watched.pk]))
    assert response.context["flag"] == EligibilityFlag.objects.get()
    assert 'id="eligibility-flag"' in response.content.decode() and "PL-01" in response.content.decode()


def test_the_flagged_agreement_shows_on_the_drafters_dashboard(watched, check, as_user, drafter):
    check(EXPIRED_ON)
    blocks = {b.key: b.rows for b in as_user(drafter).get(reverse("dashboard")).context["blocks"]}
    assert blocks["flagged"] == [watched]


def test_the_drafters_dashboard_has_no_flagged_agreement_once_cleared(watched, check, as_user, drafter, vnpt, codes):
    check(EXPIRED_ON)
    accept_evidence(vnpt, codes["PL-01"], valid_from=datetime.date(2026, 7, 3), valid_until=datetime.date(2027, 7, 2))
    check(datetime.date(2026, 7, 3))
    blocks = {b.key: b.rows for b in as_user(drafter).get(reverse("dashboard")).context["blocks"]}
    assert blocks["flagged"] == []
