"""The minutes of termination (issue 13, item 4): rendered once when signed minutes are terminated, in the Decree 30
layout, numbered in the year with their own symbol, frozen like the signed copy, downloaded with a record, and
checkable at /verify/ by code and by file."""

import datetime

import pytest
from django.urls import reverse

from agreements.models import TerminationMinutes
from core import audit
from core.models import DownloadRecord
from core.tracking import tracked_save
from partners.models import Partner
from tests.agreements.handing_back import record, terminate, terminated_with_library_wording
from tests.agreements.pdf_reading import text
from tests.factories import PartnerFactory, current_province, on_day, signed
from tests.samples import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended(vnpt):
    agreement = terminated_with_library_wording(partner=vnpt)
    audit.link()  # as the termination's commit would
    return agreement


def minutes_of(agreement):
    return TerminationMinutes.objects.get(agreement=agreement)


def test_the_minutes_say_what_ended_when_why_and_what_is_owed(ended):
    said = text(bytes(minutes_of(ended).data))
    assert "BIÊN BẢN" in said and "01/BBCD-CNTT" in said
    assert f"số {ended.number_and_symbol} ngày {ended.signed_on:%d/%m/%Y}" in said
    assert "chấm dứt kể từ ngày 30/06/2026" in said
    assert "hoàn thành chậm nhất ngày 30/07/2026" in said and "hoàn thành chậm nhất ngày 14/08/2026" in said
    assert ended.partner.legal_name.upper() in said


def test_minutes_of_termination_are_numbered_in_sequence_and_restart_each_year():
    made = [terminate(signed(partner=PartnerFactory(), number=n, provinces=[current_province(code)]), on=day)
            for n, code, day in [(1, "01", datetime.date(2026, 3, 1)), (2, "04", datetime.date(2026, 6, 30)),
                                 (3, "08", datetime.date(2027, 1, 4))]]
    assert [(m.number_and_symbol, m.number_year) for m in map(minutes_of, made)] == [
        ("01/BBCD-CNTT", 2026), ("02/BBCD-CNTT", 2026), ("01/BBCD-CNTT", 2027)]


def test_the_frozen_bytes_do_not_change_after_later_edits(ended, vnpt_user, drafter, login):
    kept = minutes_of(ended)
    partner = Partner.objects.get(pk=ended.partner_id)
    partner.legal_name = "Tên mới sau khi chấm dứt"
    tracked_save(partner, by=None, reason="Renamed after the termination")
    record(ended.handback_obligations.first(), vnpt_user)
    response = login(drafter).get(reverse("agreements:termination_pdf", args=[ended.pk]))
    assert response.content == bytes(kept.data)
    assert minutes_of(ended).sha256 == kept.sha256
    assert "Tên mới" not in text(response.content)


def test_the_download_is_recorded_and_another_unit_gets_404(ended, vnpt_user, vietsens_user, login):
    url = reverse("agreements:termination_pdf", args=[ended.pk])
    assert login(vnpt_user).get(url).status_code == 200
    assert DownloadRecord.objects.filter(what=DownloadRecord.What.TERMINATION_MINUTES, user=vnpt_user).exists()
    assert login(vietsens_user).get(url).status_code == 404


def verify(client, *, code="", data=None):
    form = {"code": code, **({"file": upload("bien-ban-cham-dut.pdf", data)} if data is not None else {})}
    with on_day(datetime.date(2026, 7, 15)):
        return client.post(reverse("verify"), form).context["result"]


def test_verify_says_genuine_minutes_of_termination_by_code(ended, client):
    result = verify(client, code=minutes_of(ended).verification_code)
    assert result["genuine"] is True
    assert result["termination"]["number"] == "01/BBCD-CNTT"
    assert result["termination"]["handover"] == ended.number_and_symbol
    assert result["termination"]["terminated_on"] == datetime.date(2026, 6, 30)


def test_verify_says_genuine_by_the_file(ended, client):
    result = verify(client, data=bytes(minutes_of(ended).data))
    assert result["genuine"] is True and result["termination"]["number"] == "01/BBCD-CNTT"


def test_verify_says_not_genuine_for_altered_bytes(ended, client):
    data = bytearray(minutes_of(ended).data)
    data[len(data) // 2] ^= 0x01
    assert verify(client, data=bytes(data))["genuine"] is False


def test_the_signed_minutes_still_verify_as_handover_minutes(ended, client):
    result = verify(client, code=ended.signed_copy.verification_code)
    assert result["genuine"] is True and "termination" not in result
