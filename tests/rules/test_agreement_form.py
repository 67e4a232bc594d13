"""The agreement form: a term that ends after it starts, and provinces of the term's period.
A bad form saves no agreement and no province row, and says why next to the field."""

import datetime

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement, AgreementProvince
from core.exceptions import Refused
from tests.factories import current_province, handing_department, make_agreement, old_province
from tests.rules.pages import field_errors
from tests.rules.posts import edit_page

pytestmark = pytest.mark.django_db


def _counts():
    return Agreement.objects.count(), AgreementProvince.objects.count()


def _create(web, partner, province, start, end):
    return web.post(reverse("agreements:create"), {
        "partner": str(partner.pk), "title": "Bàn giao quyền sử dụng",
        "handing_department": str(handing_department().pk),
        "handing_representative": "Phạm Đức Long", "handing_title": "Cục trưởng",
        "receiving_representative": "Nguyễn Văn A", "receiving_title": "Giám đốc",
        "software_name": "Phần mềm Hồ sơ sức khỏe điện tử", "software_version": "2.1",
        "term_start": start, "term_end": end, "condition_set": "", "place": "Hà Nội",
        "provinces": [str(province.pk)]})


def test_a_valid_form_creates_the_draft_with_its_province(web, vnpt):
    before = _counts()
    response = _create(web, vnpt, current_province("01"), "01/01/2026", "31/12/2027")
    assert response.status_code == 302
    assert _counts() == (before[0] + 1, before[1] + 1)


def test_a_term_ending_before_it_starts_is_marked_by_its_end_and_nothing_is_saved(web, vnpt):
    before = _counts()
    response = _create(web, vnpt, current_province("01"), "01/01/2027", "31/12/2026")
    assert response.status_code == 200
    assert field_errors(response, "term_end") == ["The term must end after it starts."]
    assert _counts() == before


def test_an_old_province_for_a_term_starting_in_2026_is_marked_and_nothing_is_saved(web, vnpt):
    before = _counts()
    response = _create(web, vnpt, old_province("02"), "01/01/2026", "31/12/2027")
    assert response.status_code == 200
    assert field_errors(response, "provinces") == [
        "Not in force when the term starts (01/01/2026): Hà Giang. Choose the provinces of that period."]
    assert _counts() == before


def test_a_current_province_for_a_term_starting_in_2020_is_marked_and_nothing_is_saved(web, vnpt):
    before = _counts()
    response = _create(web, vnpt, current_province("08"), "01/01/2020", "31/12/2021")
    assert response.status_code == 200
    assert field_errors(response, "provinces") == [
        "Not in force when the term starts (01/01/2020): Tuyên Quang. Choose the provinces of that period."]
    assert _counts() == before


def test_an_old_province_for_a_term_starting_before_the_reorganisation_is_accepted(web, vnpt):
    before = _counts()
    response = _create(web, vnpt, old_province("02"), "01/01/2024", "31/12/2026")
    assert response.status_code == 302
    assert _counts() == (before[0] + 1, before[1] + 1)


def test_the_edit_page_keeps_the_old_term_when_the_new_one_ends_before_it_starts(web, drafter):
    agreement = make_agreement(by=drafter, complete=False)
    response = web.post(reverse("agreements:edit", args=[agreement.pk]),
                        edit_page(agreement, term_start="01/01/2027", term_end="31/12/2026"))
    assert response.status_code == 200
    assert field_errors(response, "term_end") == ["The term must end after it starts."]
    agreement.refresh_from_db()
    assert (agreement.term_start, agreement.term_end) == (None, None)


def test_the_service_refuses_a_term_ending_before_it_starts(drafter, vnpt):
    before = _counts()
    with pytest.raises(Refused, match="The term must end after it starts."):
        services.agreement_create(
            by=drafter, provinces=[current_province("01")], partner=vnpt, handing_department=handing_department(),
            handing_representative="Phạm Đức Long", handing_title="Cục trưởng", receiving_representative="A",
            receiving_title="Giám đốc", software_version="2.1", term_start=datetime.date(2027, 1, 1),
            term_end=datetime.date(2026, 12, 31))
    assert _counts() == before
