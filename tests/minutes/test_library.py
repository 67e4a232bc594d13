"""Adding library entries to a draft: legal bases cited the Vietnamese way, clauses with their
placeholders filled from the agreement."""

import datetime

import pytest

from agreements.models import Clause, ClauseTemplate, LegalDocument
from agreements.services import NotEditable, agreement_add_from_library, agreement_update
from tests.factories import TERM_END, TERM_START, AuthorityDocumentFactory, make_agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def bare(drafter, vnpt, provinces):
    """A VNPT draft with a term and provinces but no clause or legal basis yet."""
    agreement = make_agreement(by=drafter, partner=vnpt, complete=False)
    return agreement_update(agreement=agreement, by=drafter, provinces=provinces,
                            header={"term_start": TERM_START, "term_end": TERM_END})


def _clause_from(agreement, by, text):
    template = ClauseTemplate.objects.create(section=Clause.Section.EFFECT, heading="Hiệu lực", text=text)
    agreement_add_from_library(agreement=agreement, by=by, templates=[template])
    return agreement.clauses.get(heading="Hiệu lực").text


def test_the_library_ships_a_standard_clause_for_every_required_section(db):
    offered = set(ClauseTemplate.objects.filter(active=True).values_list("section", flat=True))
    assert set(Clause.REQUIRED_SECTIONS) <= offered


def test_the_library_ships_the_personal_data_law_and_the_security_decree(db):
    numbers = set(LegalDocument.objects.values_list("number", flat=True))
    assert {"91/2025/QH15", "85/2016/NĐ-CP"} <= numbers


def test_a_law_is_cited_by_its_name_and_number(db):
    citation = LegalDocument.objects.get(number="91/2025/QH15").citation()
    assert citation.startswith("Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15")


def test_a_decree_is_cited_by_type_number_date_issuer_and_summary(db):
    assert LegalDocument.objects.get(number="85/2016/NĐ-CP").citation() == (
        "Nghị định số 85/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của Chính phủ "
        "về bảo đảm an toàn hệ thống thông tin theo cấp độ")


def test_a_legal_document_becomes_a_legal_basis_with_its_citation(bare, drafter):
    document = LegalDocument.objects.get(number="85/2016/NĐ-CP")
    assert agreement_add_from_library(agreement=bare, by=drafter, legal_documents=[document]) == 1
    basis = bare.legal_bases.get()
    assert (basis.citation, basis.legal_document, basis.kind) == (document.citation(), document, "decree")


def test_a_legal_document_already_cited_is_not_added_again(bare, drafter):
    document = LegalDocument.objects.get(number="91/2025/QH15")
    agreement_add_from_library(agreement=bare, by=drafter, legal_documents=[document])
    assert agreement_add_from_library(agreement=bare, by=drafter, legal_documents=[document]) == 0
    assert bare.legal_bases.filter(legal_document=document).count() == 1


def test_a_legal_document_given_twice_in_one_call_is_added_once(bare, drafter):
    document = LegalDocument.objects.get(number="91/2025/QH15")
    agreement_add_from_library(agreement=bare, by=drafter, legal_documents=[document, document])
    assert bare.legal_bases.filter(legal_document=document).count() == 1


def test_the_partners_own_authority_document_is_cited(bare, drafter, vnpt):
    document = AuthorityDocumentFactory(partner=vnpt)
    assert agreement_add_from_library(agreement=bare, by=drafter, authority_documents=[document]) == 1
    assert bare.legal_bases.get().authority_document == document


def test_an_authority_document_of_another_partner_is_ignored(bare, drafter, vietsens):
    document = AuthorityDocumentFactory(partner=vietsens)
    assert agreement_add_from_library(agreement=bare, by=drafter, authority_documents=[document]) == 0
    assert not bare.legal_bases.exists()


def test_every_placeholder_is_filled_from_the_agreement(bare, drafter):
    text = _clause_from(bare, drafter, "{partner} triển khai {software} phiên bản {version} tại {provinces} "
                                       "từ ngày {term_start} đến ngày {term_end}.")
    assert text == ("Công ty Công nghệ thông tin VNPT triển khai Phần mềm Hồ sơ sức khỏe điện tử phiên bản 2.1 "
                    "tại Hà Nội, Hồ Chí Minh, Quảng Ninh từ ngày 01/01/2026 đến ngày 31/12/2027.")


def test_an_unknown_placeholder_stays_as_written(bare, drafter):
    assert _clause_from(bare, drafter, "{unknown} và {partner}") == "{unknown} và Công ty Công nghệ thông tin VNPT"


def test_a_stray_brace_stays_as_written(bare, drafter):
    assert _clause_from(bare, drafter, "Bên nhận { cam kết }").startswith("Bên nhận { cam kết }")


def test_a_stray_brace_does_not_stop_the_known_placeholders_being_filled(bare, drafter):
    assert _clause_from(bare, drafter, "{partner} cam kết {") == "Công ty Công nghệ thông tin VNPT cam kết {"


@pytest.mark.parametrize("written", ["{partner.legal_name}", "{unknown.attribute}", "{partner[name]}"])
def test_a_placeholder_with_an_attribute_or_index_stays_as_written(bare, drafter, written):
    assert _clause_from(bare, drafter, f"Bên nhận: {written}.") == f"Bên nhận: {written}."


def test_clauses_are_appended_after_the_existing_ones(bare, drafter):
    Clause.objects.create(agreement=bare, section=Clause.Section.OWNERSHIP, position=50, text="Đã có")
    template = ClauseTemplate.objects.filter(section=Clause.Section.EFFECT).first()
    agreement_add_from_library(agreement=bare, by=drafter, templates=[template])
    assert list(bare.clauses.order_by("position").values_list("text", flat=True))[0] == "Đã có"


def test_a_signed_agreement_takes_nothing_from_the_library(signed, drafter):
    document = LegalDocument.objects.get(number="91/2025/QH15")
    with pytest.raises(NotEditable):
        agreement_add_from_library(agreement=signed, by=drafter, legal_documents=[document])
    assert not signed.legal_bases.filter(legal_document=document).exists()


def test_the_dates_in_a_citation_follow_the_long_form(db):
    document = LegalDocument(kind=LegalDocument.Kind.CIRCULAR, number="1/2026/TT-BYT", issuer="Bộ trưởng Bộ Y tế",
                             issued_on=datetime.date(2026, 2, 5), summary="quy định thử")
    assert document.citation() == ("Thông tư số 1/2026/TT-BYT ngày 05 tháng 02 năm 2026 "
                                   "của Bộ trưởng Bộ Y tế quy định thử")
