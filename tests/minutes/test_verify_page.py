"""The public verification page: anyone, without logging in, checks a code or a file, and learns
only whether the copy is genuine, its number, the parties, the signing date and its state today."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from agreements import minutes_pdf as pdf
from agreements import services as agreement_services
from agreements.services.signed_copies import format_code
from tests.minutes.helpers import stored

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)  # inside the term 01/01/2026 – 31/12/2027 of the factory's minutes


@pytest.fixture
def verify(client, monkeypatch):
    """POST to the public page as an anonymous visitor on TODAY; returns the response."""
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)

    def _verify(code="", data=None):
        form = {"code": code}
        if data is not None:
            form["file"] = SimpleUploadedFile("bien-ban.pdf", data, content_type="application/pdf")
        return client.post(reverse("verify"), form)

    return _verify


def _genuine(response):
    assert response.status_code == 200
    return response.context["result"]["genuine"]


def test_an_anonymous_visitor_opens_the_verification_page(client):
    assert client.get(reverse("verify")).status_code == 200


def test_the_genuine_file_is_accepted(verify, signed):
    assert _genuine(verify(data=stored(signed)))


def test_the_code_is_accepted_with_dashes_in_lower_case(verify, signed):
    assert _genuine(verify(code=format_code(signed.signed_copy.verification_code).lower()))


def test_the_code_is_accepted_without_dashes_in_lower_case(verify, signed):
    assert _genuine(verify(code=signed.signed_copy.verification_code.lower()))


def test_a_genuine_answer_gives_the_number_the_parties_and_the_signing_date(verify, signed):
    content = verify(data=stored(signed)).content.decode()
    assert "01/BB-CNTT" in content
    assert "Cục Công nghệ thông tin" in content
    assert "Công ty Công nghệ thông tin VNPT" in content
    assert "20/12/2025" in content


def test_a_genuine_answer_says_the_minutes_are_in_force_today(verify, signed):
    assert "Đang có hiệu lực" in verify(data=stored(signed)).content.decode()


def test_a_genuine_answer_says_the_minutes_were_terminated(verify, drafter, signed):
    agreement_services.agreement_terminate(agreement=signed, by=drafter, terminated_on=datetime.date(2026, 3, 1),
                                           reason_code="mutual")
    response = verify(data=stored(signed))
    assert _genuine(response)
    assert "Đã chấm dứt từ ngày 01/03/2026" in response.content.decode()


def test_a_file_with_one_byte_changed_is_not_genuine(verify, signed):
    data = bytearray(stored(signed))
    data[len(data) // 2] ^= 0x01
    assert not _genuine(verify(data=bytes(data)))


def test_an_unknown_code_is_not_genuine(verify, signed):
    assert not _genuine(verify(code="AAAA-BBBB-CCCC"))


def test_a_draft_pdf_is_not_genuine(verify, draft):
    assert not _genuine(verify(data=pdf.render_minutes(draft)))


def test_a_re_rendered_signed_agreement_is_not_genuine(verify, signed):
    assert not _genuine(verify(data=pdf.render_minutes(signed, draft=False)))


def test_the_page_shows_nothing_else_about_the_agreement(verify, signed):
    content = verify(data=stored(signed)).content.decode()
    for clause in signed.clauses.all():
        assert clause.text not in content
    for province in signed.provinces.all():
        assert province.name not in content
    assert signed.signed_copy.content_sha256 not in content


def test_an_empty_form_answers_nothing(verify, signed):
    response = verify()
    assert response.status_code == 200
    assert response.context["result"] is None
