"""The register of agreements filtered by text, partner and province. An id that is not plain ASCII
digits ("²".isdigit() is true, but int("²") raises) filters nothing instead of breaking the page."""

import pytest
from django.urls import reverse

from tests.factories import current_province, draft, signed
from tests.pages import field_errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(vnpt, vietsens):
    """A signed agreement of VNPT-IT in Hà Nội (01/BB-CNTT) and a draft of VietSens in Cần Thơ."""
    return signed(partner=vnpt, number=1), draft(partner=vietsens, provinces=[current_province("92")])


def _listed(client, query):
    response = client.get(reverse("agreements:list") + "?" + query)
    assert response.status_code == 200
    return set(response.context["page"])


def test_the_partner_filter_lists_that_partners_agreements(login, drafter, two, vnpt):
    assert _listed(login(drafter), f"partner={vnpt.pk}") == {two[0]}


def test_the_province_filter_lists_the_agreements_covering_it(login, drafter, two):
    assert _listed(login(drafter), f"province={current_province('92').pk}") == {two[1]}


def test_the_text_filter_finds_an_agreement_by_its_number(login, drafter, two):
    assert _listed(login(drafter), "q=01/BB-CNTT") == {two[0]}


def test_a_partner_written_in_unicode_digits_matches_no_partner(login, drafter, two):
    assert _listed(login(drafter), "partner=²") == set()


def test_a_province_that_is_no_province_is_answered_beside_its_field(login, drafter, two):
    response = login(drafter).get(reverse("agreements:list"), {"province": "³"})
    assert list(response.context["page"]) == []
    assert field_errors(response, "province")


def test_text_in_unicode_digits_matches_no_number(login, drafter, two):
    assert _listed(login(drafter), "q=²") == set()


def test_a_partner_user_filtering_by_another_partner_sees_nothing_of_it(login, vnpt_user, two, vietsens):
    assert _listed(login(vnpt_user), f"partner={vietsens.pk}") == set()
