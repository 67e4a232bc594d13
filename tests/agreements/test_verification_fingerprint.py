"""The SHA-256 fingerprint printed on signed minutes can be checked on the public page too."""

import pytest
from django.urls import reverse

from agreements.models import SignedCopy
from tests.agreements.pdf_reading import pages, stored
from tests.factories import signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_minutes(drafter, vnpt):
    return signed(by=drafter, partner=vnpt)


def _printed_fingerprint(data):
    compact = "".join("".join(pages(data)).split())  # the fingerprint may break across lines
    start = compact.index("(SHA-256):") + len("(SHA-256):")
    return compact[start:start + 64]


def test_the_fingerprint_printed_on_the_minutes_verifies_as_genuine(client, signed_minutes):
    fingerprint = _printed_fingerprint(stored(signed_minutes))
    assert fingerprint == SignedCopy.objects.get(agreement=signed_minutes).content_sha256
    result = client.post(reverse("verify"), {"code": fingerprint.upper()}).context["result"]
    assert (result["genuine"], result["number"]) == (True, "01/BB-CNTT")


@pytest.mark.parametrize("where", [0, 63], ids=["first", "last"])
def test_a_fingerprint_with_one_character_changed_is_not_genuine(client, signed_minutes, where):
    fingerprint = SignedCopy.objects.get(agreement=signed_minutes).content_sha256
    altered = fingerprint[:where] + ("0" if fingerprint[where] != "0" else "1") + fingerprint[where + 1:]
    assert client.post(reverse("verify"), {"code": altered}).context["result"] == {"genuine": False}
