"""The accounts that act for a partner unit: added and removed by the Ministry, one unit each, never a
Ministry account; a member sees its unit's data for as long as it belongs to the unit."""

import pytest
from django.urls import reverse

from agreements.models import Agreement
from core.exceptions import NotPermitted, Refused
from partners import services
from partners.models import Membership
from tests.factories import UserFactory, in_review
from tests.pages import field_errors, flash_messages

pytestmark = pytest.mark.django_db
NOT_OFFERED = ["Select a valid choice. That choice is not one of the available choices."]


def _add(client, partner, user, **extra):
    return client.post(reverse("partners:member_add", args=[partner.pk]), {"user": user.pk, **extra}, follow=True)


def test_a_drafter_adds_an_account_which_then_sees_the_units_agreements(login, drafter, vnpt):
    agreement = in_review(partner=vnpt)
    newcomer = UserFactory(username="nguyen.an")
    response = _add(login(drafter), vnpt, newcomer, title="Kỹ sư")
    assert response.redirect_chain == [(reverse("partners:detail", args=[vnpt.pk]), 302)]
    assert flash_messages(response) == ["nguyen.an now acts for VNPT-IT."]
    membership = Membership.objects.get(user=newcomer)
    assert (membership.partner, membership.title) == (vnpt, "Kỹ sư")
    assert list(Agreement.objects.visible_to(newcomer)) == [agreement]
    assert Membership.history.get(user_id=newcomer.pk).history_user == drafter


def test_an_account_acting_for_another_unit_is_not_offered_and_cannot_be_posted(login, drafter, vnpt, vietsens_user):
    client = login(drafter)
    offered = client.get(reverse("partners:member_add", args=[vnpt.pk])).context["form"].fields["user"].queryset
    assert vietsens_user not in offered
    response = _add(client, vnpt, vietsens_user)
    assert field_errors(response, "user") == NOT_OFFERED
    assert Membership.objects.get(user=vietsens_user).partner.short_name == "VietSens"


def test_the_service_refuses_an_account_acting_for_another_unit(drafter, vnpt, vietsens_user):
    with pytest.raises(Refused, match="vietsens already acts for another partner unit."):
        services.member_add(partner=vnpt, user=vietsens_user, by=drafter)
    assert Membership.objects.get(user=vietsens_user).partner.short_name == "VietSens"


def test_ministry_staff_accounts_are_not_offered_and_cannot_be_posted(login, drafter, vnpt, signer):
    client = login(drafter)
    offered = client.get(reverse("partners:member_add", args=[vnpt.pk])).context["form"].fields["user"].queryset
    assert signer not in offered
    assert field_errors(_add(client, vnpt, signer), "user") == NOT_OFFERED
    assert not Membership.objects.filter(user=signer).exists()


def test_removing_a_member_takes_away_its_access(login, drafter, vnpt, vnpt_user):
    membership = Membership.objects.get(user=vnpt_user)
    response = login(drafter).post(reverse("partners:member_remove", args=[membership.pk]), follow=True)
    assert flash_messages(response) == ["vnpt no longer acts for VNPT-IT."]
    assert not Membership.objects.filter(user=vnpt_user).exists()
    assert login(vnpt_user).get(reverse("partners:detail", args=[vnpt.pk])).status_code == 404


def test_a_partner_user_cannot_manage_members(login, vnpt, vnpt_user):
    client = login(vnpt_user)
    assert client.get(reverse("partners:member_add", args=[vnpt.pk])).status_code == 403
    membership = Membership.objects.get(user=vnpt_user)
    assert client.post(reverse("partners:member_remove", args=[membership.pk])).status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_the_service_refuses_a_partner_user_adding_a_member(vnpt, vnpt_user):
    with pytest.raises(NotPermitted):
        services.member_add(partner=vnpt, user=UserFactory(username="ban.than"), by=vnpt_user)
    assert not Membership.objects.filter(user__username="ban.than").exists()


def test_another_units_member_answers_404(login, vnpt_user, vietsens_user):
    membership = Membership.objects.get(user=vietsens_user)
    assert login(vnpt_user).post(reverse("partners:member_remove", args=[membership.pk])).status_code == 404
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_removing_a_member_only_by_post(login, drafter, vnpt_user):
    membership = Membership.objects.get(user=vnpt_user)
    assert login(drafter).get(reverse("partners:member_remove", args=[membership.pk])).status_code == 405
    assert Membership.objects.filter(pk=membership.pk).exists()
