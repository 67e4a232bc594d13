"""The signer records signing and nothing else; the drafter moves an agreement through its whole life."""

import pytest
from django.urls import reverse

from agreements.models import Agreement
from tests.access.helpers import ACTIONS, action_data

pytestmark = pytest.mark.django_db

S = Agreement.Status
LEADS_TO = {"send": S.REVIEW, "return": S.DRAFT, "sign": S.SIGNED, "cancel": S.TERMINATED, "terminate": S.TERMINATED}


def test_a_signer_signs_an_agreement_in_review(login, signer, ready_for):
    agreement = ready_for("sign")
    client = login(signer)
    assert client.get(reverse("agreements:confirm", args=[agreement.pk, "sign"])).status_code == 200
    response = client.post(reverse("agreements:transition", args=[agreement.pk, "sign"]), action_data("sign"))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == S.SIGNED
    assert agreement.status_changes.last().by == signer


def test_a_signer_gets_403_editing_a_draft(login, signer, vnpt_agreement):
    client = login(signer)
    url = reverse("agreements:edit", args=[vnpt_agreement.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "Đổi"}).status_code == 403
    assert Agreement.objects.get(pk=vnpt_agreement.pk).title == vnpt_agreement.title


@pytest.mark.parametrize("action", [a for a in ACTIONS if a != "sign"])
def test_a_signer_gets_403_for_every_transition_but_signing(login, signer, ready_for, action):
    agreement = ready_for(action)
    response = login(signer).post(reverse("agreements:transition", args=[agreement.pk, action]), action_data(action))
    assert response.status_code == 403
    assert Agreement.objects.get(pk=agreement.pk).status == agreement.status


@pytest.mark.parametrize("action", ACTIONS)
def test_a_drafter_takes_every_transition(login, drafter, ready_for, action):
    agreement = ready_for(action)
    client = login(drafter)
    assert client.get(reverse("agreements:confirm", args=[agreement.pk, action])).status_code == 200
    response = client.post(reverse("agreements:transition", args=[agreement.pk, action]), action_data(action))
    assert response.status_code == 302
    assert response.url == reverse("agreements:detail", args=[agreement.pk])
    assert Agreement.objects.get(pk=agreement.pk).status == LEADS_TO[action]


def test_a_drafter_edits_a_draft(login, drafter, vnpt_agreement):
    assert login(drafter).get(reverse("agreements:edit", args=[vnpt_agreement.pk])).status_code == 200
