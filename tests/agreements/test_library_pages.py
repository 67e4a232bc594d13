"""The library pages, where drafters keep legal documents and standard clauses, and the action that
adds ticked library entries to a draft."""

import datetime

import pytest
from django.urls import reverse

from agreements import services as _services
from agreements.models import Clause, ClauseTemplate, LegalDocument
from core import roles
from tests.factories import clerk, draft, in_review, signed
from tests.pages import field_errors, flash_messages

pytestmark = pytest.mark.django_db

NEW_DECREE = {"kind": "decree", "number": "53/2022/NĐ-CP", "issuer": "Chính phủ", "issued_on": "15/08/2022",
              "in_force_from": "01/10/2022", "topics": ["cybersecurity"],
              "summary": "quy định chi tiết một số điều của Luật An ninh mạng", "position": "100", "active": "on"}


@pytest.fixture
def bare(drafter, vnpt):
    """A VNPT draft with no clause yet, so any wrongful addition shows."""
    return draft(by=drafter, partner=vnpt, complete=False)


def _pick(agreement):
    return reverse("agreements:add_from_library", args=[agreement.pk])


def _entries():
    return {"templates": [ClauseTemplate.objects.filter(section=Clause.Section.REFUSAL).first().pk],
            "legal_documents": [LegalDocument.objects.get(number="85/2016/NĐ-CP").pk]}


def test_a_drafter_adds_ticked_entries_to_a_draft(login, drafter, bare):
    response = login(drafter).post(_pick(bare), _entries())
    assert response.status_code == 302
    assert response.url == reverse("agreements:edit", args=[bare.pk])
    assert flash_messages(response) == ["2 entries added from the library; edit them as needed."]
    assert bare.clauses.filter(section=Clause.Section.REFUSAL).count() == 1
    assert bare.legal_bases.filter(legal_document__number="85/2016/NĐ-CP").count() == 1


def test_nothing_ticked_adds_nothing_and_says_so(login, drafter, bare):
    response = login(drafter).post(_pick(bare), {})
    assert response.status_code == 302
    assert flash_messages(response) == ["Tick at least one entry to add."]
    assert not bare.clauses.exists()


def test_adding_from_the_library_answers_405_to_get(login, drafter, bare):
    assert login(drafter).get(_pick(bare)).status_code == 405


def test_a_partner_user_gets_404_adding_to_its_own_never_sent_draft(login, vnpt_user, bare):
    assert login(vnpt_user).post(_pick(bare), _entries()).status_code == 404
    assert not bare.clauses.exists()


def test_a_partner_user_gets_403_adding_to_its_own_draft_once_sent(login, vnpt_user, vnpt):
    agreement = in_review(partner=vnpt)
    agreement = _services.agreement_return_for_revision(agreement=agreement, by=clerk(roles.DRAFTER), reason="Sửa")
    before = agreement.clauses.count()
    assert login(vnpt_user).post(_pick(agreement), _entries()).status_code == 403
    assert agreement.clauses.count() == before


def test_another_partners_user_gets_404_adding_to_a_draft(login, vietsens_user, bare):
    assert login(vietsens_user).post(_pick(bare), _entries()).status_code == 404
    assert not bare.clauses.exists()


def test_a_document_not_in_force_on_the_drafts_day_is_refused_saying_why_and_nothing_is_added(login, drafter, bare):
    replaced = LegalDocument.objects.get(number="13/2023/NĐ-CP")  # its last day was 31/12/2025
    response = login(drafter).post(_pick(bare), {"legal_documents": [replaced.pk]})
    day = bare.law_day().strftime("%d/%m/%Y")
    assert day != "31/12/2025" and bare.law_day() > replaced.in_force_until
    assert flash_messages(response) == [f"A document not in force on {day}, the day the minutes cite the law of, "
                                        "or already cited, cannot be added."]
    assert not bare.legal_bases.exists()


def test_a_signed_agreement_takes_nothing_through_the_page(login, drafter, vnpt):
    agreement = signed(by=drafter, partner=vnpt)
    before = agreement.clauses.count()
    response = login(drafter).post(_pick(agreement), _entries())
    assert response.status_code == 302
    assert flash_messages(response) == ["Only a draft can be edited; this agreement is signed."]
    assert agreement.clauses.count() == before


def test_the_drafter_reads_the_library(login, drafter):
    response = login(drafter).get(reverse("agreements:library"))
    assert response.status_code == 200
    assert "85/2016/NĐ-CP" in {document.number for document in response.context["documents"]}
    assert response.context["can_keep"] is True


@pytest.mark.parametrize("kind", ["documents", "clauses"])
def test_the_drafter_opens_the_form_for_a_new_entry(login, drafter, kind):
    response = login(drafter).get(reverse("agreements:library_add", args=[kind]))
    assert response.status_code == 200
    assert response.context["entry"].pk is None


def test_the_drafter_adds_a_legal_document(login, drafter):
    response = login(drafter).post(reverse("agreements:library_add", args=["documents"]), NEW_DECREE)
    assert response.status_code == 302
    assert flash_messages(response) == ["Library saved."]
    document = LegalDocument.objects.get(number="53/2022/NĐ-CP")
    assert document.citation().startswith("Nghị định số 53/2022/NĐ-CP ngày 15 tháng 8 năm 2022 của Chính phủ")
    assert (document.in_force_from, document.topics) == (datetime.date(2022, 10, 1), ["cybersecurity"])


def test_a_law_without_its_name_is_refused_and_says_why(login, drafter):
    response = login(drafter).post(reverse("agreements:library_add", args=["documents"]),
                                   {**NEW_DECREE, "kind": "law", "name": ""})
    assert response.status_code == 200
    assert field_errors(response, "name") == ["A law is cited by its name."]
    assert not LegalDocument.objects.filter(number="53/2022/NĐ-CP").exists()


def test_the_drafter_adds_a_standard_clause(login, drafter):
    response = login(drafter).post(reverse("agreements:library_add", args=["clauses"]), {
        "section": "effect", "heading": "Hiệu lực (mẫu 2)", "text": "Có hiệu lực đến ngày {term_end}.",
        "position": "900", "active": "on"})
    assert response.status_code == 302
    assert ClauseTemplate.objects.get(heading="Hiệu lực (mẫu 2)").text == "Có hiệu lực đến ngày {term_end}."


def test_the_drafter_edits_a_standard_clause(login, drafter):
    template = ClauseTemplate.objects.filter(section=Clause.Section.EFFECT).first()
    url = reverse("agreements:library_edit", args=["clauses", template.pk])
    assert login(drafter).get(url).context["entry"] == template
    response = login(drafter).post(url, {"section": "effect", "heading": template.heading, "text": "Văn bản mới.",
                                         "position": template.position, "active": "on"})
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.text == "Văn bản mới."


def test_an_unknown_kind_of_library_answers_404(login, drafter):
    assert login(drafter).get(reverse("agreements:library_add", args=["laws"])).status_code == 404


def test_an_unknown_entry_answers_404(login, drafter):
    assert login(drafter).get(reverse("agreements:library_edit", args=["documents", 999999])).status_code == 404


@pytest.mark.parametrize("url", [("agreements:library", []), ("agreements:library_add", ["documents"]),
                                 ("agreements:library_add", ["clauses"])])
def test_a_partner_user_gets_403_on_the_library_pages(login, vnpt_user, url):
    assert login(vnpt_user).get(reverse(url[0], args=url[1])).status_code == 403


def test_a_partner_user_cannot_change_a_library_entry(login, vnpt_user):
    document = LegalDocument.objects.get(number="91/2025/QH15")
    url = reverse("agreements:library_edit", args=["documents", document.pk])
    assert login(vnpt_user).post(url, {"kind": "law", "number": "91/2025/QH15", "name": "Đổi"}).status_code == 403
    document.refresh_from_db()
    assert document.name == "Luật Bảo vệ dữ liệu cá nhân"


def test_a_standard_clause_with_an_odd_placeholder_is_refused_next_to_its_text(login, drafter):
    response = login(drafter).post(reverse("agreements:library_add", args=["clauses"]), {
        "section": "effect", "heading": "Mẫu", "text": "Bên nhận: {partner.legal_name}.", "position": "900",
        "active": "on"})
    assert response.status_code == 200
    assert field_errors(response, "text")[0].startswith("Unknown placeholder “{partner.legal_name}”. Use {partner}")
    assert not ClauseTemplate.objects.filter(heading="Mẫu").exists()
