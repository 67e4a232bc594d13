"""Signed minutes name the parties as they were called on the signing day: renaming the partner or the
department later changes neither the public verification page nor the agreement's page."""

import datetime

import pytest
from django.urls import reverse

from agreements.models import SignedCopy
from core.tracking import tracked_save
from partners.services import partner_update
from tests.agreements.pdf_reading import stored
from tests.factories import on_day, signed
from tests.samples import upload

pytestmark = pytest.mark.django_db
SIGNED_NAME = "Công ty Công nghệ thông tin VNPT"
NEW_NAME = "Tổng công ty Công nghệ thông tin VNPT"


@pytest.fixture
def renamed_after_signing(drafter, vnpt):
    """Minutes signed with VNPT and the Department of IT, both renamed since."""
    agreement = signed(by=drafter, partner=vnpt)
    partner_update(partner=vnpt, by=drafter, legal_name=NEW_NAME, address="Số 1 Phố Mới, Hà Nội")
    department = agreement.handing_department
    department.name = "Cục Chuyển đổi số y tế"
    tracked_save(department, by=drafter, reason="Đổi tên theo quyết định tổ chức lại")
    agreement.refresh_from_db()
    return agreement


def _verify(client, agreement):
    with on_day(datetime.date(2026, 6, 1)):
        return client.post(reverse("verify"), {"code": "", "file": upload("bien-ban.pdf", stored(agreement))})


def test_the_public_page_names_the_parties_as_signed(client, renamed_after_signing):
    result = _verify(client, renamed_after_signing).context["result"]
    assert result["receiving"] == SIGNED_NAME
    assert result["handing"].endswith("Cục Công nghệ thông tin")


def test_the_agreement_page_names_the_parties_as_signed(login, drafter, renamed_after_signing):
    page = login(drafter).get(renamed_after_signing.get_absolute_url()).content.decode()
    assert SIGNED_NAME in page and NEW_NAME not in page
    assert "Cục Công nghệ thông tin" in page and "Cục Chuyển đổi số y tế" not in page


def test_a_copy_signed_before_the_record_was_kept_names_the_parties_as_they_are_now(client, drafter,
                                                                                     renamed_after_signing):
    copy = SignedCopy.objects.get(agreement=renamed_after_signing)
    copy.record = {}
    tracked_save(copy, by=drafter, reason="Bản ký trước khi lưu tên các bên")
    assert _verify(client, renamed_after_signing).context["result"]["receiving"] == NEW_NAME
