"""The partner filter's type-ahead suggests at most ten partner units the user may see, by name or tax
code, accents ignored; a partner user is offered only its own unit."""

import pytest
from django.urls import reverse

from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def _suggested(client, q):
    response = client.get(reverse("agreements:partner_suggestions"), {"q": q})
    assert response.status_code == 200
    return response.json()["partners"]


def _values(client, q):
    return [p["value"] for p in _suggested(client, q)]


def test_a_name_typed_without_accents_suggests_that_unit_by_its_tax_code(login, drafter, vnpt, vietsens):
    hongha = PartnerFactory(short_name="Hồng Hà", legal_name="Công ty TNHH Hồng Hà", tax_code="0312345679")
    assert _suggested(login(drafter), "hong ha") == [{"value": "0312345679",
                                                      "label": f"Hồng Hà — {hongha.legal_name}"}]


def test_a_tax_code_typed_suggests_its_unit(login, drafter, vnpt, vietsens):
    assert _values(login(drafter), vietsens.tax_code) == [vietsens.tax_code]


def test_at_most_ten_units_are_suggested(login, drafter):
    made = [PartnerFactory(short_name=f"Y tế số {n:02d}") for n in range(12)]
    suggested = _values(login(drafter), "y te so")
    assert suggested == [p.tax_code for p in made[:10]]


def test_a_partner_user_is_offered_its_own_unit(login, vnpt_user, vnpt):
    assert _values(login(vnpt_user), "vnpt") == [vnpt.tax_code]


def test_a_partner_user_typing_another_units_name_is_offered_nothing(login, vnpt_user, vnpt, vietsens):
    client = login(vnpt_user)
    assert _values(client, "vietsens") == []
    assert _values(client, vietsens.tax_code) == []
    assert _values(client, "cong ty") == [vnpt.tax_code]  # both names hold it; only its own is offered


@pytest.mark.parametrize("q", ["", "   "])
def test_nothing_typed_suggests_nothing(login, drafter, vnpt, vietsens, q):
    assert _suggested(login(drafter), q) == []
