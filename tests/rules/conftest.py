"""The rules suite reads messages in English, whatever translations exist, so a wording
check does not break when the Vietnamese catalogue is filled in."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def web(client, drafter):
    """The test client, signed in as the drafter, asking for English pages."""
    client.force_login(drafter)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
