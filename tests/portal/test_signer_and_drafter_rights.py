"""The signer records signing and nothing else; the drafter moves an agreement through the rest of its
life and edits its drafts, but does not record the signing (separation of duties, issue 8). Which action
needs which permission is declared in agreements.actions."""

import pytest
from django.urls import reverse

from agreements.actions import ACTIONS
from agreements.models import Agreement
from tests.pages import flash_messages
from tests.portal.acting import FORMS, as_posted, ready_for, recorded_writes

pytestmark = pytest.mark.django_db


def _edit_form(client, agreement, **changes):
    """The draft's edit page as the drafter sees it, posted back with `changes`."""
    context = client.get(reverse("agreements:edit", args=[agreement.pk])).context
    return as_posted(context["form"], context["bases"], context["clauses"], context["reviews"]) | changes


def test_a_signer_signs_an_agreement_in_review(login, signer, vnpt):
    agreement = ready_for("sign", vnpt)
    client = login(signer)
    assert client.get(reverse("agreements:confirm", args=[agreement.pk, "sign"])).status_code == 200
    response = client.post(reverse("agreements:transition", args=[agreement.pk, "sign"]), FORMS["sign"])
    assert response.status_code == 302
    assert flash_messages(response) == [str(ACTIONS["sign"].done)]
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.SIGNED
    assert agreement.status_changes.last().by == signer


@pytest.mark.parametrize("action", [name for name in ACTIONS if name != "sign"])
def test_a_signer_gets_403_for_every_action_but_signing_and_nothing_changes(login, signer, vnpt, action):
    agreement = ready_for(action, vnpt)
    before = recorded_writes()
    client = login(signer)
    assert client.get(reverse("agreements:confirm", args=[agreement.pk, action])).status_code == 403
    response = client.post(reverse("agreements:transition", args=[agreement.pk, action]), FORMS[action])
    assert response.status_code == 403
    assert Agreement.objects.get(pk=agreement.pk).status == agreement.status
    assert recorded_writes() == before


def test_a_signer_gets_403_editing_a_draft_with_the_drafters_own_form(login, signer, drafter, vnpt):
    agreement = ready_for("send", vnpt)
    form = _edit_form(login(drafter), agreement, title="Biên bản đã sửa")
    client = login(signer)
    assert client.get(reverse("agreements:edit", args=[agreement.pk])).status_code == 403
    assert client.post(reverse("agreements:edit", args=[agreement.pk]), form).status_code == 403
    assert Agreement.objects.get(pk=agreement.pk).title == agreement.title


@pytest.mark.parametrize("action", [name for name in ACTIONS if name != "sign"])
def test_a_drafter_takes_every_action_but_signing(login, drafter, vnpt, action):
    agreement = ready_for(action, vnpt)
    client = login(drafter)
    assert client.get(reverse("agreements:confirm", args=[agreement.pk, action])).status_code == 200
    response = client.post(reverse("agreements:transition", args=[agreement.pk, action]), FORMS[action])
    assert response.status_code == 302
    assert response.url == reverse("agreements:detail", args=[agreement.pk])
    assert flash_messages(response) == [str(ACTIONS[action].done)]
    assert Agreement.objects.get(pk=agreement.pk).status == ACTIONS[action].to


def test_a_drafter_gets_403_recording_the_signing_and_nothing_changes(login, drafter, vnpt):
    agreement = ready_for("sign", vnpt)  # every opinion in: only who asks stands in the way
    before = recorded_writes()
    client = login(drafter)
    assert client.get(reverse("agreements:confirm", args=[agreement.pk, "sign"])).status_code == 403
    response = client.post(reverse("agreements:transition", args=[agreement.pk, "sign"]), FORMS["sign"])
    assert response.status_code == 403
    assert "Your role does not allow this action." in response.content.decode()
    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.REVIEW
    assert recorded_writes() == before


def test_a_drafter_edits_a_draft(login, drafter, vnpt):
    agreement = ready_for("send", vnpt)
    client = login(drafter)
    response = client.post(reverse("agreements:edit", args=[agreement.pk]),
                           _edit_form(client, agreement, title="Biên bản đã sửa"))
    assert response.status_code == 302
    assert flash_messages(response) == ["Draft saved."]
    assert Agreement.objects.get(pk=agreement.pk).title == "Biên bản đã sửa"
