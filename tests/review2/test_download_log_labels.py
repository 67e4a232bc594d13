"""The downloads page names what was taken in the reader's language, not by an internal code."""

import pytest
from django.urls import reverse

from tests.factories import make_signed

pytestmark = pytest.mark.django_db


def test_the_downloads_page_does_not_show_internal_codes(as_user, drafter, auditor, vnpt):
    agreement = make_signed(by=drafter, partner=vnpt)
    assert as_user(drafter).get(reverse("agreements:pdf", args=[agreement.pk])).status_code == 200
    page = as_user(auditor).get(reverse("downloads")).content.decode()
    assert "signed_minutes" not in page
