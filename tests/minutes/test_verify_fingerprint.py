"""The SHA-256 fingerprint printed on signed minutes can be checked on the public page too."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.minutes.helpers import stored

pytestmark = pytest.mark.django_db


def _printed_fingerprint(data):
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    compact = "".join(text.split())
    start = compact.index("(SHA-256):") + len("(SHA-256):")
    return compact[start:start + 64]


def test_the_fingerprint_printed_on_the_minutes_verifies_as_genuine(client, signed):
    fingerprint = _printed_fingerprint(stored(signed))
    assert fingerprint == signed.signed_copy.content_sha256
    response = client.post(reverse("verify"), {"code": fingerprint.upper()})
    assert response.context["result"]["genuine"] is True
    assert response.context["result"]["number"] == "01/BB-CNTT"


def test_a_fingerprint_with_one_character_changed_is_not_genuine(client, signed):
    fingerprint = signed.signed_copy.content_sha256
    altered = ("0" if fingerprint[0] != "0" else "1") + fingerprint[1:]
    response = client.post(reverse("verify"), {"code": altered})
    assert response.context["result"]["genuine"] is False
