"""The daily watch flags a signed agreement whose partner is no longer eligible, once, tells the people
concerned, and clears the flag when the partner is eligible again."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertInHTML

from agreements.models import EligibilityFlag
from core import roles
from tests.agreements.eligibility_watching import EXPIRED_ON, UNTIL
from tests.factories import UserFactory, accept

pytestmark = pytest.mark.django_db

REASON = "PL-01 Điều kiện PL-01: Expired"
RENEWED_FROM = datetime.date(2026, 7, 3)


def _renew_pl01(agreement):
    pl01 = agreement.condition_set.conditions.get(code="PL-01")
    accept(agreement.partner, pl01, valid_from=RENEWED_FROM, valid_until=datetime.date(2027, 7, 2))


def _flagged_block(client):
    return {block.key: block.rows for block in client.get(reverse("dashboard")).context["blocks"]}["flagged"]


def test_an_eligible_partners_agreement_is_not_flagged(watched, check, mailoutbox):
    assert check(UNTIL) == {"flagged": 0, "cleared": 0, "notices": 1}  # the notice: PL-01 expires today
    assert not EligibilityFlag.objects.exists()
    assert not [m for m in mailoutbox if "01/BB-CNTT" in m.subject]


def test_an_agreement_is_flagged_the_day_its_partner_is_no_longer_eligible(watched, check):
    assert check(EXPIRED_ON)["flagged"] == 1
    flag = EligibilityFlag.objects.get()
    assert (flag.agreement, flag.raised_on, flag.cleared_on) == (watched, EXPIRED_ON, None)
    assert flag.reasons.splitlines() == [REASON]


def test_the_flag_is_mailed_to_the_partners_users_and_the_agreements_drafter(watched, check, mailoutbox):
    UserFactory(username="other-drafter", email="other@cntt.gov.vn", roles=[roles.DRAFTER])  # not this one's
    check(EXPIRED_ON)
    [message] = [m for m in mailoutbox if "01/BB-CNTT" in m.subject]
    assert message.subject == "Agreement 01/BB-CNTT: VNPT-IT is no longer eligible"
    assert sorted(message.to) == ["drafter@cntt.gov.vn", "vnpt@unit.vn"]
    assert message.body == REASON


def test_running_the_check_twice_does_not_flag_or_mail_twice(watched, check, mailoutbox):
    check(EXPIRED_ON)
    sent = len(mailoutbox)
    assert check(EXPIRED_ON)["flagged"] == 0
    assert check(EXPIRED_ON + datetime.timedelta(days=1))["flagged"] == 0
    assert EligibilityFlag.objects.count() == 1
    assert len(mailoutbox) == sent


def test_the_flag_is_cleared_when_the_partner_is_eligible_again(watched, check):
    check(EXPIRED_ON)
    _renew_pl01(watched)
    assert check(RENEWED_FROM)["cleared"] == 1
    assert EligibilityFlag.objects.get().cleared_on == RENEWED_FROM
    assert check(RENEWED_FROM + datetime.timedelta(days=1)) == {"flagged": 0, "cleared": 0, "notices": 0}


def test_the_flag_is_not_cleared_while_the_renewal_is_not_valid_yet(watched, check):
    check(EXPIRED_ON)
    _renew_pl01(watched)
    assert check(RENEWED_FROM - datetime.timedelta(days=1))["cleared"] == 0
    assert EligibilityFlag.objects.get().cleared_on is None


def test_the_flag_and_its_reasons_show_on_the_agreement_page(watched, check, login, drafter):
    check(EXPIRED_ON)
    response = login(drafter).get(reverse("agreements:detail", args=[watched.pk]))
    assert response.context["flag"] == EligibilityFlag.objects.get()
    assertInHTML(f"<li>{REASON}</li>", response.content.decode())


def test_the_agreement_page_shows_no_flag_once_cleared(watched, check, login, drafter):
    check(EXPIRED_ON)
    _renew_pl01(watched)
    check(RENEWED_FROM)
    response = login(drafter).get(reverse("agreements:detail", args=[watched.pk]))
    assert response.context["flag"] is None
    assertInHTML(f"<li>{REASON}</li>", response.content.decode(), count=0)


@pytest.mark.parametrize("persona", ["drafter", "signer", "auditor", "vnpt_user"])
def test_the_flagged_agreement_shows_on_the_dashboard(watched, check, login, request, persona):
    check(EXPIRED_ON)
    assert _flagged_block(login(request.getfixturevalue(persona))) == [watched]


def test_another_partners_dashboard_does_not_show_it(watched, check, login, vietsens_user):
    check(EXPIRED_ON)
    assert _flagged_block(login(vietsens_user)) == []


def test_the_drafters_dashboard_has_no_flagged_agreement_once_cleared(watched, check, login, drafter):
    check(EXPIRED_ON)
    _renew_pl01(watched)
    check(RENEWED_FROM)
    assert _flagged_block(login(drafter)) == []
