"""The library pages and the action that adds library entries to a draft."""

import pytest
from django.urls import reverse

from agreements.models import Clause, ClauseTemplate, LegalDocument
from tests.factories import make_agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def bare(drafter, vnpt):
    """A VNPT draft with no clause yet, so any wrongful addition shows."""
    return make_agreement(by=drafter, partner=vnpt, complete=False)


def _pick(agreement):
    return reverse("agreements:add_from_library", args=[agreement.pk])


def _entries():
    return {"templates": [ClauseTemplate.objects.filter(section=Clause.Section.REFUSAL).first().pk],
            "legal_documents": [LegalDocument.objects.get(number="91/2025/QH15").pk]}


def test_a_drafter_adds_ticked_entries_to_a_draft(login, drafter, bare):
    response = login(drafter).post(_pick(bare), _entries())
    assert response.status_code == 302
    assert response.url == reverse("agreements:edit", args=[bare.pk])
    assert bare.clauses.filter(section=Clause.Section.REFUSAL).count() == 1
    assert bare.legal_bases.filter(legal_document__number="91/2025/QH15").count() == 1


def test_adding_from_the_library_answers_405_to_get(login, drafter, bare):
    assert login(drafter).get(_pick(bare)).status_code == 405


def test_a_partner_user_gets_403_adding_to_its_own_draft(login, vnpt_user, bare):
    assert login(vnpt_user).post(_pick(bare), _entries()).status_code == 403
    assert not bare.clauses.exists()


def test_another_partners_user_gets_404_adding_to_a_draft(login, vietsens_user, bare):
    assert login(vietsens_user).post(_pick(bare), _entries()).status_code == 404
    assert not bare.clauses.exists()


def test_a_signed_agreement_takes_nothing_through_the_page(login, drafter, signed):
    before = signed.clauses.count()
    response = login(drafter).post(_pick(signed), _entries())
    assert response.status_code == 302
    assert signed.clauses.count() == before


def test_the_drafter_reads_the_library(login, drafter):
    response = login(drafter).get(reverse("agreements:library"))
    assert response.status_code == 200
    assert "85/2016/NĐ-CP" in response.content.decode()


@pytest.mark.parametrize("kind", ["documents", "clauses"])
def test_the_drafter_opens_the_form_for_a_new_entry(login, drafter, kind):
    assert login(drafter).get(reverse("agreements:library_add", args=[kind])).status_code == 200


def test_the_drafter_adds_a_legal_document(login, drafter):
    response = login(drafter).post(reverse("agreements:library_add", args=["documents"]), {
        "kind": "decree", "number": "13/2023/NĐ-CP", "issuer": "Chính phủ", "issued_on": "17/04/2023",
        "summary": "về bảo vệ dữ liệu cá nhân", "position": "100", "active": "on"})
    assert response.status_code == 302
    assert LegalDocument.objects.get(number="13/2023/NĐ-CP").citation().startswith(
        "Nghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2023 của Chính phủ")


def test_the_drafter_adds_a_standard_clause(login, drafter):
    response = login(drafter).post(reverse("agreements:library_add", args=["clauses"]), {
        "section": "effect", "heading": "Hiệu lực (mẫu 2)", "text": "Có hiệu lực đến ngày {term_end}.",
        "position": "900", "active": "on"})
    assert response.status_code == 302
    assert ClauseTemplate.objects.filter(heading="Hiệu lực (mẫu 2)").exists()


def test_the_drafter_edits_a_standard_clause(login, drafter):
    template = ClauseTemplate.objects.filter(section=Clause.Section.EFFECT).first()
    url = reverse("agreements:library_edit", args=["clauses", template.pk])
    assert login(drafter).get(url).status_code == 200
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


def test_a_standard_clause_with_an_odd_placeholder_does_not_break_adding_from_the_library(login, drafter, bare):
    template = ClauseTemplate.objects.create(section="effect", heading="Mẫu", text="Bên nhận: {partner.legal_name}.")
    response = login(drafter).post(_pick(bare), {"templates": [template.pk]})
    assert response.status_code == 302
    assert bare.clauses.get(heading="Mẫu").text == "Bên nhận: {partner.legal_name}."
