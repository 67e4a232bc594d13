"""Every message follows the language the user chose (issue 2, item 7)."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import make_agreement
from tests.rules.pages import flash_messages

pytestmark = pytest.mark.django_db


def test_the_message_after_a_transition_is_in_the_users_language(client, drafter):
    agreement = make_agreement(by=drafter)
    client.force_login(drafter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(reverse("agreements:transition", args=[agreement.pk, "send"]), {"reason": ""},
                           follow=True)
    assert "Sent for review." in flash_messages(response)


def test_the_not_found_page_is_the_sites_own_and_in_vietnamese(client, vnpt_user, vietsens_user, vietsens, drafter):
    """What a partner user sees on another unit's object: Django's bare English page today."""
    agreement = make_agreement(by=drafter, partner=vietsens)
    client.force_login(vnpt_user)
    response = client.get(reverse("agreements:detail", args=[agreement.pk]))
    assert response.status_code == 404
    assert "The requested resource was not found on this server." not in response.content.decode()
