"""The dashboard: what waits for each user, in blocks by role (portal.views.Block), each block showing
only what the user may see. The flagged block lists signed agreements whose partner is no longer
eligible, as the daily check found them; the at-risk block those with a province flagged at risk of abandonment;
the refusal block those whose partner's request to refuse the right to use waits for the Ministry."""

import datetime

import pytest
from django.urls import reverse

from agreements import eligibility_watch
from agreements.models import EligibilityFlag
from tests.factories import accept, condition_set, current_province, draft, in_review, signed

pytestmark = pytest.mark.django_db
EXPIRED_BY = datetime.date(2026, 5, 1)


def _blocks(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return {block.key: block.rows for block in response.context["blocks"]}


@pytest.fixture
def rules(db):
    return condition_set("PL-01")


def _signed_with_evidence_until(partner, rules, valid_until, **kwargs):
    """Signed minutes whose partner's only accepted evidence runs out on `valid_until`."""
    accept(partner, rules.conditions.get(), valid_until=valid_until)
    return signed(partner=partner, condition_set=rules, **kwargs)


def test_the_flagged_block_lists_only_agreements_whose_partner_lost_eligibility(login, drafter, rules, vnpt):
    flagged = _signed_with_evidence_until(vnpt, rules, datetime.date(2026, 3, 31), number=1)
    signed(number=2, provinces=[current_province("92")])  # its partner stays eligible
    draft()
    assert eligibility_watch.check_all(day=EXPIRED_BY)["flagged"] == 1
    assert _blocks(login(drafter))["flagged"] == [flagged]


def test_a_flag_cleared_by_new_evidence_leaves_the_block(login, drafter, rules, vnpt):
    _signed_with_evidence_until(vnpt, rules, datetime.date(2026, 3, 31))
    eligibility_watch.check_all(day=EXPIRED_BY)
    accept(vnpt, rules.conditions.get(), valid_from=EXPIRED_BY, valid_until=datetime.date(2027, 12, 31))
    assert eligibility_watch.check_all(day=EXPIRED_BY + datetime.timedelta(days=1))["cleared"] == 1
    assert _blocks(login(drafter))["flagged"] == []


def test_the_daily_check_raises_no_flag_for_an_eligible_partner(login, drafter):
    signed(number=1)
    assert eligibility_watch.check_all(day=datetime.date(2026, 6, 1))["flagged"] == 0
    assert not EligibilityFlag.objects.exists()
    assert _blocks(login(drafter))["flagged"] == []


def test_a_partner_user_sees_its_own_units_flagged_agreement_and_not_anothers(login, rules, vnpt, vietsens,
                                                                              vnpt_user, vietsens_user):
    flagged = _signed_with_evidence_until(vnpt, rules, datetime.date(2026, 3, 31))
    eligibility_watch.check_all(day=EXPIRED_BY)
    assert _blocks(login(vnpt_user))["flagged"] == [flagged]
    assert _blocks(login(vietsens_user))["flagged"] == []


def test_a_drafter_sees_the_drafts_to_complete_and_the_minutes_in_review(login, drafter):
    waiting, sent = draft(), in_review(provinces=[current_province("92")])
    blocks = _blocks(login(drafter))
    assert (blocks["drafts"], blocks["in_review"]) == ([waiting], [sent])
    assert "asked_of_me" not in blocks and "mine" not in blocks


def test_a_reviewer_sees_what_is_asked_of_its_department_and_not_the_drafts(login, reviewer):
    draft()
    sent = in_review(provinces=[current_province("92")])
    blocks = _blocks(login(reviewer))
    assert blocks["asked_of_me"] == [sent]
    assert set(blocks) == {"asked_of_me"}


def test_a_partner_user_sees_its_own_units_agreements_only_once_sent(login, vnpt, vietsens, vnpt_user):
    own = in_review(partner=vnpt)
    draft(partner=vnpt, provinces=[current_province("79")])  # never sent: not yet the partner's to read
    in_review(partner=vietsens, provinces=[current_province("92")])
    blocks = _blocks(login(vnpt_user))
    assert blocks["mine"] == [own]
    assert "drafts" not in blocks


def test_the_refusal_block_lists_minutes_whose_request_waits_and_drops_them_once_decided(login, drafter, vnpt,
                                                                                          vnpt_user, vietsens_user):
    from agreements import services
    from tests.agreements.refusing import file_request, signed_minutes

    minutes = signed_minutes(partner=vnpt)
    signed(partner=vnpt, number=2, provinces=[current_province("92")])  # no request: not listed
    request = file_request(minutes, vnpt_user)
    assert _blocks(login(drafter))["refusal_waiting"] == [minutes]
    assert _blocks(login(vnpt_user))["refusal_waiting"] == [minutes]
    assert _blocks(login(vietsens_user))["refusal_waiting"] == []
    services.refusal_reject(request=request, by=drafter, reason="Chưa đủ căn cứ.")
    assert _blocks(login(drafter))["refusal_waiting"] == []


def test_the_at_risk_block_lists_minutes_with_an_open_risk_flag_only(login, drafter, vnpt, vnpt_user,
                                                                      vietsens_user):
    from agreements.models import ProvinceRisk
    from core.tracking import tracked_save

    minutes = signed(partner=vnpt, provinces=[current_province("01")])
    risk = tracked_save(ProvinceRisk(agreement=minutes, province=current_province("01"), reason="overdue",
                                     raised_on=EXPIRED_BY), by=None, reason="Daily deployment watch")
    assert _blocks(login(drafter))["at_risk"] == [minutes]
    assert _blocks(login(vnpt_user))["at_risk"] == [minutes]
    assert _blocks(login(vietsens_user))["at_risk"] == []
    risk.cleared_on = EXPIRED_BY
    tracked_save(risk, by=None, reason="Report filed")
    assert _blocks(login(drafter))["at_risk"] == []
