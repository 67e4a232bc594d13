"""A link or a prefetching browser never changes data: every action view refuses GET with 405."""

import pytest
from django.urls import reverse

from agreements.models import Agreement
from partners.models import Partner
from tests.access.helpers import ACTIONS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("action", ACTIONS)
def test_a_transition_answers_405_to_get(login, drafter, ready_for, action):
    agreement = ready_for(action)
    response = login(drafter).get(reverse("agreements:transition", args=[agreement.pk, action]))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert Agreement.objects.get(pk=agreement.pk).status == agreement.status


def test_partner_status_answers_405_to_get(login, drafter, vnpt):
    response = login(drafter).get(reverse("partners:status", args=[vnpt.pk]), {"status": "suspended", "reason": "x"})
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert Partner.objects.get(pk=vnpt.pk).status == Partner.Status.ACTIVE


@pytest.mark.parametrize("action", ACTIONS)
def test_a_confirmation_page_answers_405_to_post(login, drafter, ready_for, action):
    agreement = ready_for(action)
    response = login(drafter).post(reverse("agreements:confirm", args=[agreement.pk, action]))
    assert response.status_code == 405
    assert Agreement.objects.get(pk=agreement.pk).status == agreement.status
