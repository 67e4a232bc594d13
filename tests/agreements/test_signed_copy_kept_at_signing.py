"""Signing renders the minutes once and keeps the bytes; every download returns exactly those bytes,
whatever changes afterwards in the partner unit, the library or other agreements."""

import hashlib
import re

import pytest

from agreements import minutes_pdf
from agreements import services as agreement_services
from agreements.models import LegalDocument, SignedCopy
from agreements.services.signed_copies import format_code
from partners.services import partner_update
from tests.agreements.pdf_reading import download, stored, text
from tests.factories import SIGNATORIES, SIGNED_ON, PartnerFactory, agreed, current_province, draft, on_day, signed
from tests.samples import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def cited_law(db):
    return LegalDocument.objects.get(number="24/2018/QH14")


@pytest.fixture
def signed_minutes(drafter, signer, vnpt, cited_law):
    """01/BB-CNTT of VNPT, signed on 20/12/2025, citing the Law on personal data protection from the library."""
    agreement = draft(by=drafter, partner=vnpt)
    agreement_services.agreement_add_from_library(agreement=agreement, by=drafter, legal_documents=[cited_law])
    with on_day(SIGNED_ON):
        agreed(agreement_services.agreement_send_for_review(agreement=agreement, by=drafter))
        return agreement_services.agreement_sign(agreement=agreement, by=signer, number=1, signed_on=SIGNED_ON,
                                                 **SIGNATORIES)


def test_signing_stores_a_pdf_with_its_sha256(signed_minutes):
    copy = SignedCopy.objects.get(agreement=signed_minutes)
    data = stored(signed_minutes)
    assert data.startswith(b"%PDF-")
    assert copy.sha256 == hashlib.sha256(data).hexdigest()


def test_two_downloads_return_the_stored_bytes(login, drafter, signed_minutes):
    client = login(drafter)
    first, second = download(client, signed_minutes), download(client, signed_minutes)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content == stored(signed_minutes)


def test_a_download_sends_what_is_stored_not_a_new_rendering(login, drafter, signed_minutes):
    # The stored bytes are replaced on purpose, with update(), by a file no rendering could produce.
    SignedCopy.objects.filter(agreement=signed_minutes).update(data=PDF)
    response = download(login(drafter), signed_minutes)
    assert response.status_code == 200
    assert response.content == PDF


def test_the_signed_bytes_survive_a_change_of_the_partners_legal_name(login, drafter, vnpt, signed_minutes):
    before = download(login(drafter), signed_minutes).content
    partner_update(partner=vnpt, by=drafter, legal_name="Tổng công ty Công nghệ thông tin VNPT")
    signed_minutes.refresh_from_db()
    assert "TỔNG CÔNG TY CÔNG NGHỆ THÔNG TIN VNPT" in text(minutes_pdf.render_minutes(signed_minutes))  # a new one
    assert download(login(drafter), signed_minutes).content == before == stored(signed_minutes)


def test_the_signed_bytes_survive_an_edit_of_a_library_entry_the_minutes_cite(login, drafter, signed_minutes,
                                                                              cited_law):
    assert signed_minutes.legal_bases.filter(legal_document=cited_law).exists()
    before = stored(signed_minutes)
    assert download(login(drafter), signed_minutes).content == before
    agreement_services.library_entry_save(by=drafter, entry=cited_law, name="Luật Bảo vệ thông tin cá nhân",
                                          issued_on=SIGNED_ON, in_force_from=SIGNED_ON)
    assert stored(signed_minutes) == before
    after = download(login(drafter), signed_minutes).content
    assert after == before
    assert "Căn cứ Luật An ninh mạng số 24/2018/QH14" in text(after)
    assert "Luật Bảo vệ thông tin cá nhân" not in text(after)


def test_the_signed_bytes_survive_another_agreement_being_signed(login, drafter, signed_minutes):
    before = download(login(drafter), signed_minutes).content
    signed(by=drafter, partner=PartnerFactory(), number=2, provinces=[current_province("48")])
    assert SignedCopy.objects.count() == 2
    assert download(login(drafter), signed_minutes).content == before


def test_a_signed_copy_shows_its_verification_code(signed_minutes):
    code = SignedCopy.objects.get(agreement=signed_minutes).verification_code
    assert f"Mã xác minh: {format_code(code)}" in text(stored(signed_minutes))


def test_a_signed_copy_shows_a_sha256_fingerprint(signed_minutes):
    content = text(stored(signed_minutes))
    assert "SHA-256" in content
    assert SignedCopy.objects.get(agreement=signed_minutes).content_sha256 in content
    assert re.search(r"\b[0-9a-f]{64}\b", content)


def test_a_draft_shows_no_verification_code(drafter, vnpt):
    assert "Mã xác minh" not in text(minutes_pdf.render_minutes(draft(by=drafter, partner=vnpt)))
