"""A superuser may do in the application only what its roles grant (core.permissions.has_grant ignores
is_superuser): with the administrator role alone it keeps members and the catalogue, but drafts, sends,
signs and ends nothing. Its admin site is configuration only (tests/core/test_admin_*)."""

import pytest
from django.urls import reverse

from agreements.actions import ACTIONS
from agreements.models import Agreement
from conditions.models import ConditionSet
from partners.models import Membership, Partner
from tests.factories import UserFactory
from tests.portal.acting import FORMS, ready_for, recorded_writes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("action", ACTIONS)
def test_a_superuser_gets_403_for_every_action_and_nothing_changes(login, superuser, vnpt, action):
    agreement = ready_for(action, vnpt)
    before = recorded_writes()
    client = login(superuser)
    assert client.get(reverse("agreements:confirm", args=[agreement.pk, action])).status_code == 403
    response = client.post(reverse("agreements:transition", args=[agreement.pk, action]), FORMS[action])
    assert response.status_code == 403
    assert Agreement.objects.get(pk=agreement.pk).status == agreement.status
    assert recorded_writes() == before


def test_a_superuser_gets_403_registering_a_partner(login, superuser):
    response = login(superuser).post(reverse("partners:create"), {
        "legal_name": "Công ty Cổ phần Công nghệ Y tế Số", "short_name": "YTS", "kind": "joint_stock",
        "tax_code": "0109999999", "address": "Hà Nội", "representative_name": "Trần Văn B",
        "representative_title": "Giám đốc"})
    assert response.status_code == 403
    assert not Partner.objects.filter(tax_code="0109999999").exists()


def test_a_superuser_adds_a_member_to_a_unit_as_its_administrator_role_allows(login, superuser, vnpt):
    newcomer = UserFactory(username="nguyen.an")
    response = login(superuser).post(reverse("partners:member_add", args=[vnpt.pk]), {"user": newcomer.pk})
    assert response.status_code == 302
    assert Membership.objects.get(user=newcomer).partner == vnpt


def test_a_superuser_drafts_a_condition_set_as_its_administrator_role_allows(login, superuser):
    response = login(superuser).post(reverse("conditions:create"), {"title": "Điều kiện 2027",
                                                                    "effective_from": "01/01/2027"})
    assert response.status_code == 302
    assert ConditionSet.objects.get(title="Điều kiện 2027").status == ConditionSet.Status.DRAFT
