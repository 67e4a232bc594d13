"""The public verification page: anyone, without logging in, checks a code or a file, and learns
only whether the copy is genuine, its number, the parties, the signing date and its state today."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from agreements import minutes_pdf
from agreements import services as agreement_services
from agreements.models import SignedCopy
from agreements.services.signed_copies import format_code
from tests.agreements.pdf_reading import stored
from tests.factories import draft, on_day, signed
from tests.samples import upload

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)  # inside the term 01/01/2026 – 31/12/2027 of the factory's minutes


@pytest.fixture
def signed_minutes(drafter, vnpt):
    return signed(by=drafter, partner=vnpt)


@pytest.fixture
def code(signed_minutes):
    return SignedCopy.objects.get(agreement=signed_minutes).verification_code


@pytest.fixture
def verify(client):
    """POST to the public page as an anonymous visitor (Vietnamese UI) on TODAY; returns the response."""

    def _verify(code="", data=None):
        form = {"code": code}
        if data is not None:
            form["file"] = upload("bien-ban.pdf", data)
        with on_day(TODAY):
            return client.post(reverse("verify"), form)

    return _verify


def _genuine(response):
    assert response.status_code == 200
    return response.context["result"]["genuine"]


def test_an_anonymous_visitor_opens_the_verification_page(client):
    response = client.get(reverse("verify"))
    assert response.status_code == 200
    assert response.context["result"] is None


def test_the_genuine_file_is_accepted(verify, signed_minutes):
    assert _genuine(verify(data=stored(signed_minutes))) is True


def test_the_code_is_accepted_with_dashes_in_lower_case(verify, code):
    assert _genuine(verify(code=format_code(code).lower())) is True


def test_the_code_is_accepted_without_dashes_in_lower_case(verify, code):
    assert _genuine(verify(code=code.lower())) is True


def test_a_genuine_answer_gives_the_number_the_parties_and_the_signing_date(verify, signed_minutes):
    response = verify(data=stored(signed_minutes))
    result = response.context["result"]
    assert (result["number"], result["receiving"], result["signed_on"]) == (
        "01/BB-CNTT", "Công ty Công nghệ thông tin VNPT", datetime.date(2025, 12, 20))
    assert result["handing"].endswith("Cục Công nghệ thông tin")
    assertContains(response, "<dd>01/BB-CNTT</dd>", html=True)
    assertContains(response, "<dd>20/12/2025</dd>", html=True)


def test_a_genuine_answer_says_the_minutes_are_in_force_today(verify, signed_minutes):
    assert verify(data=stored(signed_minutes)).context["result"]["state"] == "Đang có hiệu lực"


def test_a_genuine_answer_says_the_minutes_were_terminated(verify, drafter, signed_minutes):
    agreement_services.agreement_terminate(agreement=signed_minutes, by=drafter,
                                           terminated_on=datetime.date(2026, 3, 1), reason_code="mutual")
    response = verify(data=stored(signed_minutes))
    assert _genuine(response) is True
    assert response.context["result"]["state"] == "Đã chấm dứt từ ngày 01/03/2026"


def test_minutes_terminated_on_the_day_asked_are_reported_terminated_not_in_force(verify, drafter, signed_minutes):
    agreement_services.agreement_terminate(agreement=signed_minutes, by=drafter, terminated_on=TODAY,
                                           reason_code="mutual")
    assert verify(data=stored(signed_minutes)).context["result"]["state"] == "Đã chấm dứt từ ngày 01/06/2026"


def test_minutes_terminated_with_effect_from_a_later_day_are_in_force_until_then(verify, drafter, signed_minutes):
    later = TODAY + datetime.timedelta(days=10)
    agreement_services.agreement_terminate(agreement=signed_minutes, by=drafter, terminated_on=later,
                                           reason_code="mutual")
    assert verify(data=stored(signed_minutes)).context["result"]["state"] == "Đang có hiệu lực"


def test_a_file_with_one_byte_changed_is_not_genuine(verify, signed_minutes):
    data = bytearray(stored(signed_minutes))
    data[len(data) // 2] ^= 0x01
    assert _genuine(verify(data=bytes(data))) is False


def test_an_unknown_code_is_not_genuine(verify, signed_minutes):
    assert _genuine(verify(code="AAAA-BBBB-CCCC")) is False


def test_a_draft_pdf_is_not_genuine(verify, drafter, vnpt):
    assert _genuine(verify(data=minutes_pdf.render_minutes(draft(by=drafter, partner=vnpt)))) is False


def test_a_re_rendered_signed_agreement_is_not_genuine(verify, signed_minutes):
    assert _genuine(verify(data=minutes_pdf.render_minutes(signed_minutes, draft=False))) is False


def test_the_page_shows_nothing_else_about_the_agreement(verify, signed_minutes):
    content = verify(data=stored(signed_minutes)).content.decode()
    assert "01/BB-CNTT" in content
    for clause in signed_minutes.clauses.all():
        assert clause.text not in content
    for province in signed_minutes.provinces.all():
        assert province.name not in content
    assert SignedCopy.objects.get(agreement=signed_minutes).content_sha256 not in content


def test_an_empty_form_answers_nothing(verify, signed_minutes):
    response = verify()
    assert response.status_code == 200
    assert response.context["result"] is None
