"""The Django admin must not be a side door around the lifecycle rules (issue 2, items 5 and 8)."""

import pytest
from django.urls import reverse

from agreements.models import Agreement, AgreementProvince, LegalBasis
from conditions.models import Condition
from partners.models import Membership, Partner
from tests.factories import (
    AuthorityDocumentFactory,
    ConditionSetFactory,
    UserFactory,
    current_province,
    make_agreement,
    make_signed,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True, roles=["administrator"])


@pytest.fixture
def admin_web(client, superuser):
    client.force_login(superuser)
    return client


def test_reverting_a_signed_agreement_in_the_admin_history_does_not_reopen_it(admin_web, drafter):
    signed = make_signed(by=drafter)
    first = signed.history.order_by("history_id").first()  # the draft as created
    url = reverse("admin:agreements_agreement_simple_history", args=[signed.pk, first.history_id])
    data = {f: getattr(first, f) for f in (
        "title", "handing_representative", "handing_title", "receiving_representative", "receiving_title",
        "software_name", "software_version", "place")}
    data.update(handing_department=first.handing_department_id, partner=first.partner_id,
                term_start=first.term_start.isoformat(), term_end=first.term_end.isoformat(), condition_set="")
    admin_web.post(url, data)
    signed.refresh_from_db()
    assert signed.status == Agreement.Status.SIGNED


def test_the_admin_cannot_add_a_clause_to_a_signed_agreement(admin_web, drafter):
    signed = make_signed(by=drafter)
    before = signed.clauses.count()
    admin_web.post(reverse("admin:agreements_clause_add"), {
        "agreement": signed.pk, "section": "effect", "position": 99, "heading": "Thêm", "text": "Điều khoản lén"})
    assert signed.clauses.count() == before


def test_the_admin_cannot_move_a_draft_clause_onto_a_signed_agreement(admin_web, drafter):
    signed = make_signed(by=drafter)
    draft = make_agreement(by=drafter)
    clause = draft.clauses.first()
    admin_web.post(reverse("admin:agreements_clause_change", args=[clause.pk]), {
        "agreement": signed.pk, "section": clause.section, "position": 99, "heading": "x", "text": "Điều khoản lén"})
    clause.refresh_from_db()
    assert clause.agreement_id == draft.pk


def test_the_admin_cannot_add_a_province_to_a_signed_agreement(admin_web, drafter):
    signed = make_signed(by=drafter)
    admin_web.post(reverse("admin:agreements_agreementprovince_add"), {
        "agreement": signed.pk, "province": current_province("08").pk})
    assert AgreementProvince.objects.filter(agreement=signed).count() == 1


def test_a_legal_basis_cannot_cite_another_partners_authority_document_through_the_admin(admin_web, drafter,
                                                                                          vietsens):
    draft = make_agreement(by=drafter)
    foreign = AuthorityDocumentFactory(partner=vietsens)
    admin_web.post(reverse("admin:agreements_legalbasis_add"), {
        "agreement": draft.pk, "position": 5, "kind": "authority", "citation": "x", "authority_document": foreign.pk})
    assert not LegalBasis.objects.filter(agreement=draft, authority_document=foreign).exists()


def test_a_membership_cannot_be_deleted_in_the_admin_where_access_would_stay_behind(admin_web, vnpt_user, vnpt):
    """Leaving a unit must revoke its object permissions, which only member_remove does."""
    membership = Membership.objects.get(user=vnpt_user)
    response = admin_web.post(reverse("admin:partners_membership_delete", args=[membership.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_the_admin_cannot_add_a_condition_to_a_published_set(admin_web):
    published = ConditionSetFactory()
    admin_web.post(reverse("admin:conditions_condition_add"), {
        "condition_set": published.pk, "code": "NEW-1", "title": "Thêm", "category": "legal", "mandatory": "on",
        "validity_months": 12, "position": 1})
    assert not Condition.objects.filter(condition_set=published).exists()


def test_the_admin_cannot_delete_a_condition_of_a_published_set(admin_web):
    published = ConditionSetFactory()
    condition = Condition.objects.create(condition_set=published, code="C1", title="t", category="legal")
    admin_web.post(reverse("admin:conditions_condition_delete", args=[condition.pk]), {"post": "yes"})
    assert Condition.objects.filter(pk=condition.pk).exists()


def test_reverting_a_partner_in_the_admin_history_does_not_change_its_status(admin_web, drafter, vnpt):
    from partners.services import partner_set_status

    first = vnpt.history.order_by("history_id").first()
    partner_set_status(partner=vnpt, status="withdrawn", by=drafter, reason="Rút khỏi chương trình")
    url = reverse("admin:partners_partner_simple_history", args=[vnpt.pk, first.history_id])
    fields = [f.name for f in Partner._meta.concrete_fields if f.editable and f.name != "id"]
    data = {name: getattr(first, name) or "" for name in fields}
    data.update({"authority_documents-TOTAL_FORMS": 0, "authority_documents-INITIAL_FORMS": 0})
    admin_web.post(url, data)
    vnpt.refresh_from_db()
    assert vnpt.status == "withdrawn"



def test_the_admin_cannot_hand_a_cited_authority_document_to_another_partner(admin_web, drafter, vietsens):
    signed = make_signed(by=drafter)
    document = signed.legal_bases.get(authority_document__isnull=False).authority_document
    admin_web.post(reverse("admin:partners_authoritydocument_change", args=[document.pk]), {
        "partner": vietsens.pk, "kind": document.kind, "number": document.number,
        "issued_on": document.issued_on.isoformat(), "issuer": document.issuer, "summary": document.summary})
    document.refresh_from_db()
    assert document.partner_id == signed.partner_id
