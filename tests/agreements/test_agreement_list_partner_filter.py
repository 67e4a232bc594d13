"""The partner filter takes a tax code (exactly), part of a name (accents ignored) or, from links made
before it took names, a partner's id. A partner user keeps it: filtering by another unit shows nothing."""

import pytest

from tests.agreements.listing_pages import listed
from tests.factories import PartnerFactory, current_province, draft, in_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def hongha(db):
    return PartnerFactory(short_name="Hồng Hà", legal_name="Công ty TNHH Giải pháp Y tế số Hồng Hà",
                          tax_code="0312345679")


@pytest.fixture
def minutes(vnpt, vietsens, hongha):
    """Minutes in review of VNPT-IT, VietSens and Hồng Hà (each partner's users may see their own)."""
    return {"vnpt": in_review(partner=vnpt, provinces=[current_province("01")]),
            "vietsens": in_review(partner=vietsens, provinces=[current_province("15")]),
            "hongha": draft(partner=hongha, provinces=[current_province("66")])}


def test_a_tax_code_lists_that_partners_minutes(login, drafter, minutes, vietsens):
    assert listed(login(drafter), f"partner={vietsens.tax_code}") == [minutes["vietsens"]]


def test_a_tax_code_matches_exactly_not_by_its_start(login, drafter, minutes, vietsens):
    branch = draft(partner=PartnerFactory(short_name="VietSens Đà Nẵng", tax_code=f"{vietsens.tax_code}-001"),
                   provinces=[current_province("48")])
    client = login(drafter)
    assert listed(client, f"partner={vietsens.tax_code}") == [minutes["vietsens"]]
    assert listed(client, f"partner={vietsens.tax_code}-001") == [branch]


def test_part_of_a_name_lists_that_partners_minutes_accents_ignored(login, drafter, minutes):
    client = login(drafter)
    assert listed(client, "partner=hong ha") == [minutes["hongha"]]
    assert listed(client, "partner=HỒNG") == [minutes["hongha"]]
    assert listed(client, "partner=vietsens") == [minutes["vietsens"]]


def test_a_name_that_no_partner_bears_lists_nothing(login, drafter, minutes):
    assert listed(login(drafter), "partner=zzyzx") == []


def test_an_id_from_an_older_link_lists_that_partners_minutes(login, drafter, minutes, hongha):
    assert listed(login(drafter), f"partner={hongha.pk}") == [minutes["hongha"]]


def test_a_partner_user_filtering_by_its_own_unit_sees_its_minutes(login, vnpt_user, minutes, vnpt):
    client = login(vnpt_user)
    assert listed(client, f"partner={vnpt.tax_code}") == [minutes["vnpt"]]
    assert listed(client, "partner=vnpt") == [minutes["vnpt"]]


@pytest.mark.parametrize("query", ["partner={tax_code}", "partner=vietsens", "partner={pk}"])
def test_a_partner_user_filtering_by_another_unit_sees_nothing(login, vnpt_user, minutes, vietsens, query):
    assert listed(login(vnpt_user), query.format(tax_code=vietsens.tax_code, pk=vietsens.pk)) == []
