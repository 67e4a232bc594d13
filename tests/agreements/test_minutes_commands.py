"""manage.py export_minutes writes the PDF of any agreement; verify_minutes says whether a file is genuine."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.agreements.pdf_reading import pages, stored
from tests.factories import PartnerFactory, current_province, draft, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_minutes(drafter, vnpt):
    """01/BB-CNTT of VNPT, signed on 20/12/2025."""
    return signed(by=drafter, partner=vnpt)


@pytest.fixture
def draft_minutes(drafter, vnpt):
    return draft(by=drafter, partner=vnpt)


def _export(reference, path):
    call_command("export_minutes", reference, "-o", str(path), stdout=io.StringIO())
    return path.read_bytes()


def _verify(path):
    out = io.StringIO()
    call_command("verify_minutes", str(path), stdout=out)
    return out.getvalue()


def test_export_writes_the_stored_bytes_of_a_signed_agreement_by_number(signed_minutes, tmp_path):
    assert _export("01/BB-CNTT", tmp_path / "out.pdf") == stored(signed_minutes)


def test_export_takes_the_year_given_and_else_the_latest_year_with_that_number(signed_minutes, tmp_path):
    next_year = signed(partner=PartnerFactory(), provinces=[current_province("48")], number=1,
                       signed_on=datetime.date(2026, 1, 5))
    assert _export("01/BB-CNTT/2025", tmp_path / "2025.pdf") == stored(signed_minutes)
    assert _export("01/BB-CNTT", tmp_path / "latest.pdf") == stored(next_year)


def test_export_writes_a_draft_for_the_id_of_an_unsigned_agreement(draft_minutes, tmp_path):
    data = _export(str(draft_minutes.pk), tmp_path / "out.pdf")
    assert data.startswith(b"%PDF-")
    assert all("DỰ THẢO" in page for page in pages(data))


def test_export_refuses_an_unknown_number_and_writes_nothing(signed_minutes, tmp_path):
    with pytest.raises(CommandError, match="No agreement 99/BB-CNTT."):
        _export("99/BB-CNTT", tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_verify_says_genuine_for_the_stored_file_and_names_the_minutes(signed_minutes, tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(stored(signed_minutes))
    assert _verify(path).startswith("GENUINE: 01/BB-CNTT, Công ty Công nghệ thông tin VNPT, signed on 20/12/2025")


def test_verify_refuses_a_file_with_one_byte_changed(signed_minutes, tmp_path):
    data = bytearray(stored(signed_minutes))
    data[100] ^= 0x01
    path = tmp_path / "changed.pdf"
    path.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="NOT GENUINE"):
        _verify(path)


def test_verify_refuses_an_exported_draft(draft_minutes, tmp_path):
    path = tmp_path / "draft.pdf"
    _export(str(draft_minutes.pk), path)
    with pytest.raises(CommandError, match="NOT GENUINE"):
        _verify(path)


def test_verify_refuses_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="No file"):
        _verify(tmp_path / "nowhere.pdf")
