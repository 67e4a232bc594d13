"""The rules suite reads messages in English, whatever translations exist, so a wording
check does not break when the Vietnamese catalogue is filled in."""

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def web(client, drafter):
    """The test client, signed in as the drafter, who chose English with the language switch."""
    client.force_login(drafter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
