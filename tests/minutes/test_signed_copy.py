"""Signing renders the minutes once and keeps the bytes; every download returns exactly those bytes."""

import hashlib
import re

import pytest

from agreements import minutes_pdf as pdf
from agreements.models import LegalDocument, SignedCopy
from agreements.services.signed_copies import format_code
from core.tracking import tracked_save
from partners.services import partner_update
from tests.factories import PartnerFactory, current_province, make_signed
from tests.minutes.helpers import download, stored, text

pytestmark = pytest.mark.django_db


def test_signing_stores_a_pdf_with_its_sha256(signed):
    copy = SignedCopy.objects.get(agreement=signed)
    data = stored(signed)
    assert data.startswith(b"%PDF-")
    assert copy.sha256 == hashlib.sha256(data).hexdigest()


def test_two_downloads_return_the_stored_bytes(login, drafter, signed):
    client = login(drafter)
    first, second = download(client, signed), download(client, signed)
    assert first.status_code == second.status_code == 200
    assert first.body == second.body == stored(signed)


def test_a_signed_download_renders_nothing(login, drafter, signed, monkeypatch):
    def refuse(html):
        raise AssertionError("a signed copy must not be rendered again")

    monkeypatch.setattr(pdf, "render_html", refuse)
    response = download(login(drafter), signed)
    assert response.status_code == 200
    assert response.body == stored(signed)


def test_the_signed_bytes_survive_a_change_of_the_partners_legal_name(login, drafter, vnpt, signed):
    before = download(login(drafter), signed).body
    partner_update(partner=vnpt, by=drafter, legal_name="Tổng công ty Công nghệ thông tin VNPT")
    signed.refresh_from_db()
    assert "TỔNG CÔNG TY CÔNG NGHỆ THÔNG TIN VNPT" in text(pdf.render_minutes(signed))  # a new render would differ
    assert download(login(drafter), signed).body == before


def test_the_signed_bytes_survive_an_edit_of_the_library(login, drafter, signed):
    before = download(login(drafter), signed).body
    document = LegalDocument.objects.get(number="67/2006/QH11")
    document.name = "Luật Công nghệ thông tin (sửa đổi)"
    tracked_save(document, by=drafter, reason="test")
    assert download(login(drafter), signed).body == before


def test_the_signed_bytes_survive_another_agreement_being_signed(login, drafter, signed):
    before = download(login(drafter), signed).body
    make_signed(by=drafter, partner=PartnerFactory(), number=2, provinces=[current_province("48")])
    assert SignedCopy.objects.count() == 2
    assert download(login(drafter), signed).body == before


def test_a_signed_copy_shows_its_verification_code(signed):
    assert f"Mã xác minh: {format_code(signed.signed_copy.verification_code)}" in text(stored(signed))


def test_a_signed_copy_shows_a_sha256_fingerprint(signed):
    content = text(stored(signed))
    assert "SHA-256" in content
    assert signed.signed_copy.content_sha256 in content
    assert re.search(r"\b[0-9a-f]{64}\b", content)


def test_a_draft_shows_no_verification_code(draft):
    assert "Mã xác minh" not in text(pdf.render_minutes(draft))

