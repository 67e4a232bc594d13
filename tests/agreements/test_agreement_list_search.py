"""The agreement list's search ignores case and Vietnamese diacritics, and each word of it must start a
word of the agreement's number, subject, software, partner's names, tax code or provinces in scope."""

import pytest

from agreements import services
from tests.agreements.listing_pages import listed
from tests.factories import PartnerFactory, current_province, draft, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def hanoi(vnpt):
    """VNPT-IT's minutes 01/BB-CNTT over Hà Nội."""
    return signed(partner=vnpt, number=1, provinces=[current_province("01")])


@pytest.fixture
def daklak(db):
    """A draft of "Hồng Hà" over Đắk Lắk, about linking prescriptions."""
    partner = PartnerFactory(short_name="Hồng Hà", legal_name="Công ty TNHH Giải pháp Y tế số Hồng Hà",
                             tax_code="0312345679")
    made = draft(partner=partner, provinces=[current_province("66")])
    return services.agreement_update(agreement=made, by=made.created_by,
                                     header={"title": "Liên thông đơn thuốc quốc gia"})


@pytest.fixture
def phong(db):
    """A draft of a partner named "Phòng khám Đa khoa" over Lào Cai."""
    return draft(partner=PartnerFactory(short_name="Phòng khám Đa khoa", legal_name="Phòng khám Đa khoa Quốc tế"),
                 provinces=[current_province("15")])


@pytest.fixture
def everything(hanoi, daklak, phong):
    return hanoi, daklak, phong


@pytest.mark.parametrize("q", ["ha noi", "HÀ NỘI", "Hà Nội", "hà noi", "  ha   noi "])
def test_a_province_is_found_without_regard_to_case_or_accents(login, drafter, everything, hanoi, q):
    assert listed(login(drafter), f"q={q}") == [hanoi]


@pytest.mark.parametrize("q", ["hong ha", "Hồng Hà", "HONG"])
def test_a_partners_name_is_found_without_regard_to_case_or_accents(login, drafter, everything, daklak, q):
    assert listed(login(drafter), f"q={q}") == [daklak]


@pytest.mark.parametrize("q", ["đắk lắk", "dak lak", "ĐẮK LẮK", "Dak"])
def test_dak_lak_is_found_with_or_without_its_d_with_a_stroke(login, drafter, everything, daklak, q):
    assert listed(login(drafter), f"q={q}") == [daklak]


def test_a_word_must_start_a_word_of_the_agreement_not_sit_inside_one(login, drafter, everything, daklak, hanoi):
    client = login(drafter)
    assert listed(client, "q=hong") == [daklak]  # not "Phòng"
    assert listed(client, "q=noi") == [hanoi]  # "noi" starts the word "Nội"
    assert listed(client, "q=oi") == []


def test_every_word_must_match_though_in_different_fields(login, drafter, everything, hanoi):
    client = login(drafter)
    assert listed(client, "q=vnpt ha noi") == [hanoi]
    assert listed(client, "q=vnpt dak lak") == []


def test_a_word_that_matches_nothing_lists_nothing(login, drafter, everything):
    assert listed(login(drafter), "q=zzyzx") == []


def test_the_subject_is_searched_by_its_words(login, drafter, everything, daklak):
    assert listed(login(drafter), "q=lien thong don thuoc") == [daklak]


def test_a_partners_tax_code_finds_its_agreements(login, drafter, everything, daklak, vnpt, hanoi):
    client = login(drafter)
    assert listed(client, "q=0312345679") == [daklak]
    assert listed(client, f"q={vnpt.tax_code}") == [hanoi]


def test_a_cited_number_finds_that_number_and_symbol(login, drafter, everything, hanoi):
    client = login(drafter)
    assert listed(client, "q=01/BB-CNTT") == [hanoi]
    assert listed(client, "q=1/bb-cntt") == [hanoi]  # leading zeros and case do not matter
    assert listed(client, "q=01/BB-KHAC") == []
    assert listed(client, "q=02/BB-CNTT") == []


def test_a_cited_number_does_not_find_other_agreements_that_merely_contain_it(login, drafter, vnpt):
    second = signed(partner=vnpt, number=2, provinces=[current_province("01")])
    twelfth = signed(partner=vnpt, number=12, provinces=[current_province("15")])
    mentions = draft(partner=PartnerFactory(short_name="Đơn vị 02"), provinces=[current_province("66")])
    client = login(drafter)
    assert listed(client, "q=02/BB-CNTT") == [second]
    assert set(listed(client, "q=02")) == {second, mentions}  # a plain word still finds both
    assert twelfth not in listed(client, "q=02/BB-CNTT")


def test_a_draft_is_found_by_its_label(login, drafter, everything, daklak, phong):
    client = login(drafter)
    assert listed(client, f"q=%23{daklak.pk}") == [daklak]
    assert listed(client, f"q=%23{phong.pk}") == [phong]
    assert listed(client, "q=%23999999999") == []
