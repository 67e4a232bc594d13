"""Recording the signing from the page: refusals are shown and the minutes stay in review."""

import datetime

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement
from tests.factories import current_province, make_agreement, make_signed, old_province
from tests.rules.pages import field_errors, refusals

pytestmark = pytest.mark.django_db

FORM = {"number": "1", "symbol": "BB-CNTT", "signed_on": "28/12/2025", "place": "Hà Nội",
        "handing_signatory": "Phạm Đức Long", "handing_signatory_title": "Cục trưởng",
        "receiving_signatory": "Nguyễn Văn A", "receiving_signatory_title": "Giám đốc", "reason": ""}


def _in_review(by, provinces=("79",)):
    agreement = make_agreement(by=by, provinces=[current_province(code) for code in provinces])
    return services.agreement_send_for_review(agreement=agreement, by=by)


def _sign(web, agreement, **changes):
    return web.post(reverse("agreements:transition", args=[agreement.pk, "sign"]), dict(FORM, **changes))


def _assert_still_in_review(agreement):
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.REVIEW
    assert agreement.number is None and agreement.signed_on is None


def test_the_drafter_records_the_signing_from_the_page(web, drafter):
    agreement = _in_review(drafter)
    response = _sign(web, agreement, number="4")
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.number_and_symbol) == (Agreement.Status.SIGNED, "04/BB-CNTT")
    assert agreement.signed_on == datetime.date(2025, 12, 28)


def test_a_number_already_used_that_year_is_refused_on_the_page(web, drafter):
    make_signed(by=drafter, number=1, provinces=[current_province("01")])
    agreement = _in_review(drafter)
    response = _sign(web, agreement, number="1")
    assert response.status_code == 409
    assert refusals(response) == ["Number 01/BB-CNTT is already used in 2025."]
    _assert_still_in_review(agreement)


def test_the_same_number_in_the_next_year_is_accepted_on_the_page(web, drafter):
    make_signed(by=drafter, number=1, provinces=[current_province("01")])
    agreement = _in_review(drafter)
    assert _sign(web, agreement, number="1", signed_on="02/01/2026").status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.number_year) == (Agreement.Status.SIGNED, 2026)


def test_a_covered_province_is_refused_naming_the_conflicting_agreement(web, drafter):
    make_signed(by=drafter, number=1, provinces=[current_province("01")])
    agreement = _in_review(drafter, provinces=("01",))
    response = _sign(web, agreement, number="2")
    assert response.status_code == 409
    [reason] = refusals(response)
    assert reason.startswith("Hà Nội is already covered by agreement 01/BB-CNTT")
    _assert_still_in_review(agreement)


def test_coverage_across_the_reorganisation_is_refused_on_the_page(web, drafter):
    make_signed(by=drafter, number=1, provinces=[old_province("02")], term_start=datetime.date(2024, 1, 1),
                term_end=datetime.date(2026, 12, 31))
    agreement = _in_review(drafter, provinces=("08",))
    response = _sign(web, agreement, number="2")
    assert response.status_code == 409
    [reason] = refusals(response)
    assert reason.startswith("Tuyên Quang is already covered by agreement 01/BB-CNTT")
    _assert_still_in_review(agreement)


@pytest.mark.parametrize("field", ["number", "handing_signatory", "receiving_signatory",
                                   "receiving_signatory_title"])
def test_a_missing_signing_detail_is_marked_by_its_field(web, drafter, field):
    agreement = _in_review(drafter)
    response = _sign(web, agreement, **{field: ""})
    assert response.status_code == 400
    assert field_errors(response, field) == ["This field is required."]
    _assert_still_in_review(agreement)
