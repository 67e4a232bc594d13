"""Adding library entries to a draft: legal bases cited as the library words them, each once, only
the partner's own authority documents, clauses with their placeholders filled from the agreement."""

import datetime

import pytest

from agreements.forms import LibraryPickForm
from agreements.minutes_text import minutes_context
from agreements.models import Clause, ClauseTemplate, LegalDocument
from agreements.services import NotEditable, Row, agreement_add_from_library, agreement_update, library_entry_save
from core.exceptions import Refused
from tests.factories import TERM_END, TERM_START, AuthorityDocumentFactory, current_province, draft, signed

pytestmark = pytest.mark.django_db

VNPT = "Công ty Công nghệ thông tin VNPT"


@pytest.fixture
def bare(drafter, vnpt):
    """A VNPT draft with a term and three provinces but no clause or legal basis yet."""
    agreement = draft(by=drafter, partner=vnpt, complete=False)
    return agreement_update(agreement=agreement, by=drafter, header={"term_start": TERM_START, "term_end": TERM_END},
                            provinces=[current_province(code) for code in ("01", "22", "79")])


def _law():
    return LegalDocument.objects.get(number="91/2025/QH15")


def _clause_from(agreement, by, text):
    template = library_entry_save(by=by, entry=ClauseTemplate(), section=Clause.Section.EFFECT, heading="Hiệu lực",
                                  text=text)
    agreement_add_from_library(agreement=agreement, by=by, templates=[template])
    return agreement.clauses.get(heading="Hiệu lực").text


def test_a_legal_document_becomes_a_legal_basis_with_its_citation(bare, drafter):
    document = LegalDocument.objects.get(number="85/2016/NĐ-CP")
    assert agreement_add_from_library(agreement=bare, by=drafter, legal_documents=[document]) == 1
    basis = bare.legal_bases.get()
    assert (basis.citation, basis.legal_document, basis.kind) == (document.citation(), document, "decree")


def test_a_legal_document_already_cited_is_not_added_again(bare, drafter):
    agreement_add_from_library(agreement=bare, by=drafter, legal_documents=[_law()])
    assert agreement_add_from_library(agreement=bare, by=drafter, legal_documents=[_law()]) == 0
    assert bare.legal_bases.filter(legal_document=_law()).count() == 1


def test_a_legal_document_given_twice_in_one_call_is_added_once(bare, drafter):
    assert agreement_add_from_library(agreement=bare, by=drafter, legal_documents=[_law(), _law()]) == 1
    assert bare.legal_bases.filter(legal_document=_law()).count() == 1


def test_the_partners_own_authority_document_is_cited(bare, drafter, vnpt):
    document = AuthorityDocumentFactory(partner=vnpt)
    assert agreement_add_from_library(agreement=bare, by=drafter, authority_documents=[document]) == 1
    assert bare.legal_bases.get().authority_document == document


def test_an_authority_document_of_another_partner_is_ignored(bare, drafter, vietsens):
    document = AuthorityDocumentFactory(partner=vietsens)
    assert agreement_add_from_library(agreement=bare, by=drafter, authority_documents=[document]) == 0
    assert not bare.legal_bases.exists()


def test_a_draft_with_a_typed_legal_basis_is_still_offered_the_whole_library_in_force(drafter, vnpt):
    # A typed law and an authority document have no legal_document: "NOT IN (…, NULL)" would offer nothing.
    agreement = draft(by=drafter, partner=vnpt)
    assert agreement.legal_bases.filter(legal_document=None).count() == 2
    offered = LibraryPickForm(agreement=agreement).fields["legal_documents"].queryset
    cited = agreement.legal_bases.exclude(legal_document=None).values("legal_document")
    assert set(offered) == set(LegalDocument.objects.offered_for(agreement).exclude(pk__in=cited))
    assert offered.filter(number="91/2025/QH15").exists()


def test_a_cited_legal_document_is_no_longer_offered(bare, drafter):
    agreement_add_from_library(agreement=bare, by=drafter, legal_documents=[_law()])
    offered = LibraryPickForm(agreement=bare).fields["legal_documents"].queryset
    assert _law() not in set(offered)
    assert set(offered) == set(LegalDocument.objects.offered_for(bare).exclude(pk=_law().pk))


WITH_EVERY_FACT = ("{partner} triển khai {software} phiên bản {version} tại {provinces} từ ngày {term_start} "
                   "đến ngày {term_end}.")


def _printed(agreement, heading):
    return next(" ".join(article["paragraphs"]) for article in minutes_context(agreement, draft=True)["articles"]
                if article["heading"] == heading)


def test_every_placeholder_is_printed_from_the_agreement(bare, drafter):
    assert _clause_from(bare, drafter, WITH_EVERY_FACT) == WITH_EVERY_FACT  # the draft keeps them
    assert _printed(bare, "Hiệu lực") == (f"{VNPT} triển khai Phần mềm Hồ sơ sức khỏe điện tử phiên bản 2.1 "
                                          "tại Hà Nội, Hồ Chí Minh, Quảng Ninh từ ngày 01/01/2026 đến ngày 31/12/2027.")


def test_a_term_changed_after_the_clause_was_added_is_printed_as_it_is_now(bare, drafter):
    _clause_from(bare, drafter, WITH_EVERY_FACT)
    changed = agreement_update(agreement=bare, by=drafter, header={"term_end": datetime.date(2028, 6, 30)})
    assert _printed(changed, "Hiệu lực").endswith("từ ngày 01/01/2026 đến ngày 30/06/2028.")


@pytest.mark.parametrize("written, message", [
    ("{unknown} và {partner}", "Unknown placeholder “{unknown}”."),
    ("Bên nhận { cam kết }", "Unknown placeholder “{ cam kết }”."),
    ("{partner} cam kết {", "A brace is not closed or not opened: “cam kết {”."),
    ("{term_start đến {term_end}", "A brace is not closed or not opened: “{term_start đ”."),
    ("{partner.legal_name}", "Unknown placeholder “{partner.legal_name}”."),
    ("{partner[name]}", "Unknown placeholder “{partner[name]}”."),
    ("{law:unknown_topic}", "Unknown placeholder “{law:unknown_topic}”."),
])
def test_a_standard_clause_with_an_unknown_placeholder_is_refused_and_not_saved(drafter, written, message):
    with pytest.raises(Refused) as refused:
        library_entry_save(by=drafter, entry=ClauseTemplate(), section=Clause.Section.EFFECT, heading="Hiệu lực",
                           text=written)
    assert refused.value.reasons[0].startswith(message)
    assert not ClauseTemplate.objects.filter(heading="Hiệu lực", text=written).exists()


def test_a_standard_clause_saved_before_the_rule_is_refused_when_inserted(bare, drafter):
    legacy = ClauseTemplate.objects.create(section=Clause.Section.EFFECT, heading="Cũ", text="Tại {tinh}.")
    with pytest.raises(Refused, match="Standard clause “Cũ”: Unknown placeholder “{tinh}”."):
        agreement_add_from_library(agreement=bare, by=drafter, templates=[legacy])
    assert not bare.clauses.exists()


def test_a_law_placeholder_stays_in_the_draft_for_the_signing_day_to_resolve(bare, drafter):
    assert _clause_from(bare, drafter, "{partner} tuân thủ {law:personal_data}.") == (
        "{partner} tuân thủ {law:personal_data}.")
    assert _printed(bare, "Hiệu lực") == (f"{VNPT} tuân thủ Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và "
                                          "Nghị định số 356/2025/NĐ-CP.")


def test_clauses_are_appended_after_the_existing_ones(bare, drafter):
    agreement_update(agreement=bare, by=drafter, clauses=[
        Row(None, {"section": Clause.Section.OWNERSHIP, "position": 50, "heading": "Sở hữu", "text": "Đã có"})])
    template = ClauseTemplate.objects.filter(section=Clause.Section.EFFECT).first()
    agreement_add_from_library(agreement=bare, by=drafter, templates=[template])
    assert list(bare.clauses.order_by("position").values_list("text", flat=True))[0] == "Đã có"
    assert bare.clauses.get(section=Clause.Section.EFFECT).position > 50


def test_a_signed_agreement_takes_nothing_from_the_library(drafter, vnpt):
    agreement = signed(by=drafter, partner=vnpt)
    with pytest.raises(NotEditable, match="Only a draft can be edited; this agreement is signed."):
        agreement_add_from_library(agreement=agreement, by=drafter, legal_documents=[_law()])
    assert not agreement.legal_bases.filter(legal_document=_law()).exists()
