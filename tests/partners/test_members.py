import pytest
from django.urls import reverse

from agreements.models import Agreement
from partners.models import Membership
from tests.factories import UserFactory, make_agreement

pytestmark = pytest.mark.django_db


def test_a_drafter_adds_an_account_to_a_unit_and_it_then_sees_the_units_agreements(client, drafter, vnpt):
    agreement = make_agreement(by=drafter, partner=vnpt)
    newcomer = UserFactory(username="nguyen.an")
    client.force_login(drafter)
    response = client.post(reverse("partners:member_add", args=[vnpt.pk]), {"user": newcomer.pk, "title": "Kỹ sư"})
    assert response.status_code == 302
    assert Membership.objects.get(user=newcomer).partner == vnpt
    assert list(Agreement.objects.visible_to(newcomer)) == [agreement]
    assert Membership.history.get(user_id=newcomer.pk).history_user == drafter


def test_an_account_already_acting_for_another_unit_is_not_offered(client, drafter, vnpt, vietsens_user):
    client.force_login(drafter)
    page = client.get(reverse("partners:member_add", args=[vnpt.pk])).content.decode()
    assert "vietsens" not in page
    response = client.post(reverse("partners:member_add", args=[vnpt.pk]), {"user": vietsens_user.pk})
    assert response.status_code == 200
    assert Membership.objects.get(user=vietsens_user).partner.short_name == "VietSens"


def test_ministry_staff_accounts_cannot_become_partner_members(client, drafter, vnpt, signer):
    client.force_login(drafter)
    client.post(reverse("partners:member_add", args=[vnpt.pk]), {"user": signer.pk})
    assert not Membership.objects.filter(user=signer).exists()


def test_removing_a_member_takes_away_its_access(client, drafter, vnpt, vnpt_user):
    client.force_login(drafter)
    membership = Membership.objects.get(user=vnpt_user)
    assert client.post(reverse("partners:member_remove", args=[membership.pk])).status_code == 302
    client.force_login(vnpt_user)
    assert client.get(reverse("partners:detail", args=[vnpt.pk])).status_code == 404


def test_a_partner_user_cannot_manage_members(client, vnpt, vnpt_user):
    client.force_login(vnpt_user)
    assert client.get(reverse("partners:member_add", args=[vnpt.pk])).status_code == 403
    membership = Membership.objects.get(user=vnpt_user)
    assert client.post(reverse("partners:member_remove", args=[membership.pk])).status_code == 403


def test_another_units_member_answers_404(client, vnpt_user, vietsens_user):
    client.force_login(vnpt_user)
    membership = Membership.objects.get(user=vietsens_user)
    assert client.post(reverse("partners:member_remove", args=[membership.pk])).status_code == 404


def test_removing_a_member_only_by_post(client, drafter, vnpt_user):
    client.force_login(drafter)
    membership = Membership.objects.get(user=vnpt_user)
    assert client.get(reverse("partners:member_remove", args=[membership.pk])).status_code == 405
