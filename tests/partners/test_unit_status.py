"""A unit is active, suspended or withdrawn; only an active unit takes part. The status changes only
with a reason, by Ministry staff who manage partners."""

import pytest
from django.urls import reverse

from agreements import services as agreement_services
from agreements.models import Agreement
from core.exceptions import NotPermitted, Refused
from partners.models import Partner
from partners.services import partner_set_status
from tests.factories import SIGNATORIES, SIGNED_ON, agreed, in_review, on_day
from tests.pages import flash_messages

pytestmark = pytest.mark.django_db


def _sign(agreement, signer):
    return agreement_services.agreement_sign(agreement=agreement, by=signer, number=1, signed_on=SIGNED_ON,
                                             **SIGNATORIES)


def test_minutes_in_review_cannot_be_signed_once_the_unit_withdrew(drafter, signer, vnpt):
    with on_day(SIGNED_ON):
        agreement = in_review(partner=vnpt)
        partner_set_status(partner=vnpt, status="withdrawn", by=drafter, reason="Rút khỏi chương trình")
        with pytest.raises(agreement_services.TransitionRefused,
                           match="VNPT-IT is withdrawn: only an active partner unit may take part."):
            _sign(agreement, signer)
    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.REVIEW


def test_minutes_are_signed_once_a_suspended_unit_is_reinstated(drafter, signer, vnpt):
    with on_day(SIGNED_ON):
        agreement = agreed(in_review(partner=vnpt))
        partner_set_status(partner=vnpt, status="suspended", by=drafter, reason="Vi phạm bảo mật")
        partner_set_status(partner=vnpt, status="active", by=drafter, reason="Đã khắc phục")
        assert _sign(agreement, signer).status == Agreement.Status.SIGNED


def test_a_change_of_status_without_a_reason_is_refused(drafter, vnpt):
    with pytest.raises(Refused, match="Give the reason for the change of status."):
        partner_set_status(partner=vnpt, status="suspended", by=drafter, reason="  ")
    assert Partner.objects.get(pk=vnpt.pk).status == Partner.Status.ACTIVE


def test_setting_the_status_a_unit_already_has_is_refused_and_records_nothing(drafter, vnpt):
    with pytest.raises(Refused, match="The unit is already "):
        partner_set_status(partner=vnpt, status="active", by=drafter, reason="Nhầm")
    assert vnpt.history.count() == 1


def test_the_refusal_names_the_status_in_the_sentence_in_lower_case(drafter, vnpt):
    with pytest.raises(Refused, match="^The unit is already active.$"):
        partner_set_status(partner=vnpt, status="active", by=drafter, reason="Nhầm")


def test_a_drafter_suspends_a_unit_from_its_page(login, drafter, vnpt):
    response = login(drafter).post(reverse("partners:status", args=[vnpt.pk]),
                                   {"status": "suspended", "reason": "Vi phạm bảo mật"}, follow=True)
    assert response.redirect_chain == [(reverse("partners:detail", args=[vnpt.pk]), 302)]
    assert flash_messages(response) == ["Status changed."]
    assert Partner.objects.get(pk=vnpt.pk).status == Partner.Status.SUSPENDED


def test_the_page_asks_for_a_reason_and_changes_nothing_without_one(login, drafter, vnpt):
    response = login(drafter).post(reverse("partners:status", args=[vnpt.pk]), {"status": "suspended"},
                                   follow=True)
    assert flash_messages(response) == ["Choose a status and give the reason."]
    assert Partner.objects.get(pk=vnpt.pk).status == Partner.Status.ACTIVE


def test_a_member_cannot_change_its_own_units_status(login, vnpt, vnpt_user):
    response = login(vnpt_user).post(reverse("partners:status", args=[vnpt.pk]),
                                     {"status": "withdrawn", "reason": "Tự rút"})
    assert response.status_code == 403
    assert Partner.objects.get(pk=vnpt.pk).status == Partner.Status.ACTIVE


def test_the_service_refuses_a_member_changing_its_own_units_status(vnpt, vnpt_user):
    with pytest.raises(NotPermitted, match="^Your roles do not allow changing a unit's status.$"):
        partner_set_status(partner=vnpt, status="withdrawn", by=vnpt_user, reason="Tự rút")
    assert Partner.objects.get(pk=vnpt.pk).status == Partner.Status.ACTIVE


def test_the_status_changes_only_by_post(login, drafter, vnpt):
    assert login(drafter).get(reverse("partners:status", args=[vnpt.pk])).status_code == 405
