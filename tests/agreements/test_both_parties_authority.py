"""Both parties' authority before the minutes are sent (issue 9, items 3 and 4; agreements/guards/legal.py):
the handing department cites its own authority instrument from the library; a partner that is a branch
cites its parent legal entity's authorisation to sign; and each representative's form of address is
set, since the minutes never print "Ông/Bà". Each rule both ways, through the service and from the page."""

import datetime

import pytest
from django.urls import reverse

from agreements import services
from agreements.forms import LibraryPickForm
from agreements.models import Agreement, LegalBasis, LegalDocument
from core.exceptions import Refused
from partners.models import AuthorityDocument, Partner
from tests.factories import (
    AuthorityDocumentFactory,
    PartnerFactory,
    department_authority,
    draft,
    handing_department,
    review_department,
)
from tests.pages import refusals

pytestmark = pytest.mark.django_db
S = Agreement.Status
D = datetime.date
Row = services.Row
K = AuthorityDocument.Kind

DEPARTMENT = ("Cite among the legal bases what lets Cục Công nghệ thông tin act for the Ministry (the decision on its "
              "functions, the Minister's authorisation).")
BRANCH = ("VNPT-IT Hà Nội is a branch: cite among the legal bases its parent legal entity's authorisation to sign "
          "(Civil Code, Article 84, clause 5).")
HANDING_HONORIFIC = "Say how the minutes address the handing party's representative (Ông or Bà)."
RECEIVING_HONORIFIC = "Say how the minutes address the receiving party's representative (Ông or Bà)."


def _send_refusals(agreement, by):
    with pytest.raises(services.TransitionRefused) as refused:
        services.agreement_send_for_review(agreement=agreement, by=by)
    _assert_still_a_draft(agreement)
    return refused.value.reasons


def _sends(agreement, by):
    return services.agreement_send_for_review(agreement=agreement, by=by).status == S.REVIEW


def _send_page(client, agreement):
    return client.post(reverse("agreements:transition", args=[agreement.pk, "send"]), {"reason": ""})


def _assert_still_a_draft(agreement):
    agreement.refresh_from_db()
    assert agreement.status == S.DRAFT
    assert not agreement.status_changes.exists()


def _keep_bases(agreement, by, keep, add=()):
    services.agreement_update(agreement=agreement, by=by, legal_bases=[
        Row(b.pk, {}) for b in agreement.legal_bases.select_related("legal_document") if keep(b)] + list(add))


def _without_department_authority(agreement, by):
    _keep_bases(agreement, by, lambda basis: basis.legal_document_id is None)
    return agreement


def _another_departments_instrument(by):
    return services.library_entry_save(
        by=by, entry=LegalDocument(), kind=LegalDocument.Kind.DECISION, number="2000/QĐ-BYT",
        issuer="Bộ trưởng Bộ Y tế", issued_on=D(2019, 3, 1), department=review_department(), position=910,
        summary="quy định chức năng, nhiệm vụ của Cục Khoa học công nghệ và Đào tạo")


# --- the handing department's own authority instrument --------------------------------------------

def test_minutes_citing_the_departments_authority_instrument_are_sent(drafter):
    agreement = draft(by=drafter)
    assert agreement.legal_bases.filter(legal_document__department=handing_department()).count() == 1
    assert _sends(agreement, drafter)


def test_sending_is_refused_without_the_departments_authority_instrument(drafter):
    agreement = _without_department_authority(draft(by=drafter), drafter)
    assert _send_refusals(agreement, drafter) == [DEPARTMENT]


def test_another_departments_instrument_cannot_be_cited_for_the_handing_department(drafter):
    agreement = _without_department_authority(draft(by=drafter), drafter)
    other = _another_departments_instrument(drafter)
    with pytest.raises(Refused) as refused:
        services.agreement_add_from_library(agreement=agreement, by=drafter, legal_documents=[other])
    assert refused.value.reasons == [
        "Quyết định số 2000/QĐ-BYT is the authority of another department: it cannot be cited for "
        "Cục Công nghệ thông tin."]
    assert not agreement.legal_bases.filter(legal_document=other).exists()
    assert _send_refusals(agreement, drafter) == [DEPARTMENT]


def test_the_instrument_typed_in_words_does_not_stand_for_the_cited_document(drafter):
    agreement = draft(by=drafter)
    typed = department_authority().citation()
    _keep_bases(agreement, drafter, lambda basis: basis.legal_document_id is None,
                add=[Row(None, {"position": 5, "kind": LegalBasis.Kind.DECISION, "citation": typed})])
    assert _send_refusals(agreement, drafter) == [DEPARTMENT]


def test_the_page_refuses_sending_without_the_departments_authority(login, drafter):
    agreement = _without_department_authority(draft(by=drafter), drafter)
    response = _send_page(login(drafter), agreement)
    assert response.status_code == 409
    assert refusals(response) == [DEPARTMENT]
    _assert_still_a_draft(agreement)


def test_a_draft_is_offered_its_own_departments_instrument_and_no_other(drafter):
    agreement = draft(by=drafter, complete=False)
    own, other = department_authority(), _another_departments_instrument(drafter)
    offered = set(LibraryPickForm(agreement=agreement).fields["legal_documents"].queryset)
    assert own in offered
    assert other not in offered


# --- a branch cites its parent legal entity's authorisation ----------------------------------------

@pytest.fixture
def branch(db):
    return PartnerFactory(short_name="VNPT-IT Hà Nội", kind=Partner.Kind.BRANCH, tax_code="0106869738-001",
                          legal_name="Chi nhánh Hà Nội - Công ty Công nghệ thông tin VNPT")


def _document(partner, kind, **values):
    values = {"kind": kind, "number": "120/UQ-VNPT", "issuer": "Công ty Công nghệ thông tin VNPT",
              "summary": "ủy quyền cho Giám đốc Chi nhánh ký biên bản bàn giao", **values}
    return AuthorityDocumentFactory(partner=partner, **values)


def _cite_authority(agreement, by, document):
    services.agreement_add_from_library(agreement=agreement, by=by, authority_documents=[document])
    return agreement


def test_sending_a_branchs_minutes_is_refused_without_its_parents_authorisation(drafter, branch):
    assert _send_refusals(draft(by=drafter, partner=branch), drafter) == [BRANCH]


def test_a_parents_authorisation_on_file_but_not_cited_is_not_enough(drafter, branch):
    agreement = draft(by=drafter, partner=branch)
    _document(branch, K.PARENT_AUTHORISATION)
    assert _send_refusals(agreement, drafter) == [BRANCH]


@pytest.mark.parametrize("kind", [K.POWER_OF_ATTORNEY, K.DECISION, K.REGISTRATION])
def test_another_kind_of_document_does_not_stand_for_the_parents_authorisation(drafter, branch, kind):
    agreement = _cite_authority(draft(by=drafter, partner=branch), drafter, _document(branch, kind))
    assert _send_refusals(agreement, drafter) == [BRANCH]


def test_a_branch_citing_its_parents_authorisation_is_sent(drafter, branch):
    agreement = _cite_authority(draft(by=drafter, partner=branch), drafter,
                                _document(branch, K.PARENT_AUTHORISATION))
    assert _sends(agreement, drafter)


@pytest.mark.parametrize("kind", [Partner.Kind.JOINT_STOCK, Partner.Kind.STATE_ENTERPRISE, Partner.Kind.LIMITED,
                                  Partner.Kind.PUBLIC_SERVICE])
def test_a_unit_that_is_not_a_branch_is_not_asked_for_a_parents_authorisation(drafter, kind):
    partner = PartnerFactory(kind=kind)
    assert not partner.authority_documents.filter(kind=K.PARENT_AUTHORISATION).exists()
    assert _sends(draft(by=drafter, partner=partner), drafter)


def test_the_page_refuses_sending_a_branchs_minutes_without_its_parents_authorisation(login, drafter, branch):
    agreement = draft(by=drafter, partner=branch)
    response = _send_page(login(drafter), agreement)
    assert response.status_code == 409
    assert refusals(response) == [BRANCH]
    _assert_still_a_draft(agreement)


# --- each representative's form of address --------------------------------------------------------

@pytest.mark.parametrize("header, reasons", [
    ({"handing_honorific": ""}, [HANDING_HONORIFIC]),
    ({"receiving_honorific": ""}, [RECEIVING_HONORIFIC]),
    ({"handing_honorific": "", "receiving_honorific": ""}, [HANDING_HONORIFIC, RECEIVING_HONORIFIC]),
], ids=["handing", "receiving", "both"])
def test_sending_is_refused_until_each_representative_has_a_form_of_address(drafter, header, reasons):
    agreement = services.agreement_update(agreement=draft(by=drafter), by=drafter, header=header)
    assert _send_refusals(agreement, drafter) == reasons


@pytest.mark.parametrize("handing, receiving", [("Ông", "Bà"), ("Bà", "Ông")])
def test_minutes_with_both_forms_of_address_are_sent(drafter, handing, receiving):
    agreement = services.agreement_update(agreement=draft(by=drafter), by=drafter,
                                          header={"handing_honorific": handing, "receiving_honorific": receiving})
    assert _sends(agreement, drafter)


def test_the_page_refuses_sending_without_a_form_of_address(login, drafter):
    agreement = services.agreement_update(agreement=draft(by=drafter), by=drafter, header={"receiving_honorific": ""})
    response = _send_page(login(drafter), agreement)
    assert response.status_code == 409
    assert refusals(response) == [RECEIVING_HONORIFIC]
    _assert_still_a_draft(agreement)
