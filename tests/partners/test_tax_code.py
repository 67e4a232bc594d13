"""A partner unit's tax code is 10 digits, or 10 digits, a dash and 3 digits for a branch, and no two
units share one. A bad form saves nothing and says why next to the field; the service refuses the same."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partners import services
from partners.models import Partner
from tests.factories import PartnerFactory
from tests.pages import field_errors

pytestmark = pytest.mark.django_db
FORMAT = "A tax code is 10 digits, or 10 digits, a dash and 3 digits for a branch (e.g. 0101234567-001)."
BAD = ["123", "0101234567-01", "abc1234567"]
GOOD = ["0101234567", "0101234567-001"]


def _form(**changes):
    return {"legal_name": "Công ty Cổ phần Công nghệ Sao Việt", "short_name": "SaoViet", "kind": "joint_stock",
            "tax_code": "0101234567", "address": "Hà Nội", "representative_name": "Trần Thị B",
            "representative_title": "Tổng Giám đốc"} | changes


def _register(client, **changes):
    return client.post(reverse("partners:create"), _form(**changes))


@pytest.mark.parametrize("tax_code", BAD)
def test_a_malformed_tax_code_is_marked_by_its_field_and_nothing_is_saved(login, drafter, tax_code):
    response = _register(login(drafter), tax_code=tax_code)
    assert response.status_code == 200
    assert field_errors(response, "tax_code") == [FORMAT]
    assert Partner.objects.count() == 0


@pytest.mark.parametrize("tax_code", GOOD)
def test_a_well_formed_tax_code_registers_the_unit(login, drafter, tax_code):
    response = _register(login(drafter), tax_code=tax_code)
    partner = Partner.objects.get(tax_code=tax_code, short_name="SaoViet")
    assert response.status_code == 302
    assert response.url == reverse("partners:detail", args=[partner.pk])


def test_a_tax_code_already_registered_is_marked_by_its_field_and_nothing_is_saved(login, drafter):
    PartnerFactory(tax_code="0101234567")
    response = _register(login(drafter), tax_code="0101234567")
    assert response.status_code == 200
    assert field_errors(response, "tax_code") == ["A partner unit with this tax code is already registered."]
    assert Partner.objects.count() == 1


def test_a_tax_code_in_full_width_digits_is_refused(login, drafter):
    # "０１０１２３４５６７" reads as 0101234567 but would not clash with it as a unique value.
    response = _register(login(drafter), tax_code="０１０１２３４５６７")
    assert response.status_code == 200
    assert field_errors(response, "tax_code") == [FORMAT]
    assert Partner.objects.count() == 0


def test_editing_a_unit_to_a_malformed_tax_code_saves_nothing(login, drafter):
    partner = PartnerFactory(tax_code="0101234567", short_name="VNPT-IT")
    response = login(drafter).post(reverse("partners:edit", args=[partner.pk]), _form(tax_code="123"))
    assert response.status_code == 200
    assert field_errors(response, "tax_code") == [FORMAT]
    partner.refresh_from_db()
    assert (partner.tax_code, partner.short_name) == ("0101234567", "VNPT-IT")
    assert partner.history.count() == 1


@pytest.mark.parametrize("tax_code", BAD)
def test_the_service_refuses_a_malformed_tax_code(drafter, tax_code):
    with pytest.raises(ValidationError) as error:
        services.partner_create(by=drafter, **_form(tax_code=tax_code))
    assert error.value.message_dict["tax_code"] == [FORMAT]
    assert Partner.objects.count() == 0


def test_the_service_refuses_a_tax_code_with_a_trailing_line_break(drafter):
    # A "$" anchor in the format check also matches before a final "\n", which would let
    # "0101234567\n" register as a second unit beside "0101234567".
    with pytest.raises(ValidationError) as error:
        services.partner_create(by=drafter, **_form(tax_code="0101234567\n"))
    assert error.value.message_dict["tax_code"] == [FORMAT]
    assert Partner.objects.count() == 0


def test_the_service_refuses_a_tax_code_already_registered(drafter):
    PartnerFactory(tax_code="0101234567")
    with pytest.raises(ValidationError) as error:
        services.partner_create(by=drafter, **_form(tax_code="0101234567"))
    assert error.value.message_dict["tax_code"] == ["A partner unit with this tax code is already registered."]
    assert Partner.objects.count() == 1


@pytest.mark.parametrize("tax_code", GOOD)
def test_the_service_registers_a_well_formed_tax_code(drafter, tax_code):
    partner = services.partner_create(by=drafter, **_form(tax_code=tax_code))
    assert Partner.objects.get(pk=partner.pk).tax_code == tax_code
