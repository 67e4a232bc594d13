"""manage.py export_minutes writes the PDF of any agreement; verify_minutes says whether a file is genuine."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.minutes.helpers import pages, stored

pytestmark = pytest.mark.django_db


def _export(reference, path):
    call_command("export_minutes", reference, "-o", str(path), stdout=io.StringIO())
    return path.read_bytes()


def test_export_writes_the_stored_bytes_of_a_signed_agreement_by_number(signed, tmp_path):
    assert _export("01/BB-CNTT", tmp_path / "out.pdf") == stored(signed)


def test_export_finds_a_signed_agreement_by_number_and_year(signed, tmp_path):
    assert _export("01/BB-CNTT/2025", tmp_path / "out.pdf") == stored(signed)


def test_export_writes_a_draft_for_the_id_of_an_unsigned_agreement(draft, tmp_path):
    data = _export(str(draft.pk), tmp_path / "out.pdf")
    assert data.startswith(b"%PDF-")
    assert all("DỰ THẢO" in page for page in pages(data))


def test_export_refuses_an_unknown_number(signed, tmp_path):
    with pytest.raises(CommandError):
        _export("99/BB-CNTT", tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_verify_says_genuine_for_the_stored_file(signed, tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(stored(signed))
    out = io.StringIO()
    call_command("verify_minutes", str(path), stdout=out)
    assert out.getvalue().startswith("GENUINE")
    assert "01/BB-CNTT" in out.getvalue()


def test_verify_refuses_a_file_with_one_byte_changed(signed, tmp_path):
    data = bytearray(stored(signed))
    data[100] ^= 0x01
    path = tmp_path / "changed.pdf"
    path.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="NOT GENUINE"):
        call_command("verify_minutes", str(path), stdout=io.StringIO())


def test_verify_refuses_an_exported_draft(draft, tmp_path):
    path = tmp_path / "draft.pdf"
    _export(str(draft.pk), path)
    with pytest.raises(CommandError):
        call_command("verify_minutes", str(path), stdout=io.StringIO())


def test_verify_refuses_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError):
        call_command("verify_minutes", str(tmp_path / "nowhere.pdf"), stdout=io.StringIO())
