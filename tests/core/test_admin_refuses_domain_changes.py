"""The Django admin is no side door around the rules (issue 2, items 5 and 8): for every domain record
it answers 403 to a form that the model itself would accept, and nothing changes. Each form is checked
valid first, so the refusal can only be the admin's."""

import copy

import pytest
from django.forms import modelform_factory
from django.urls import reverse

from agreements.models import Agreement, AgreementProvince, Clause, LegalBasis
from conditions.models import Condition
from partners.models import Membership
from tests.factories import AuthorityDocumentFactory, condition_set, current_province, draft, signed
from tests.portal.acting import as_posted, recorded_writes

pytestmark = pytest.mark.django_db


def valid_form(instance, **changes):
    """The model's own form for `instance` as a browser posts it, with `changes`, checked valid."""
    form_class = modelform_factory(type(instance), fields="__all__")
    data = as_posted(form_class(instance=instance)) | changes
    form = form_class(data, instance=copy.copy(instance))  # validating fills in the instance it is given
    assert form.is_valid(), form.errors
    return data


@pytest.fixture
def refused(login, superuser):
    """refused(url, data): the superuser posts `data` to the admin; asserts a 403 and no write anywhere."""

    def _refused(url, data):
        before = recorded_writes()
        assert login(superuser).post(url, data).status_code == 403
        assert recorded_writes() == before

    return _refused


@pytest.mark.parametrize("make", [draft, signed], ids=["draft", "signed"])
def test_the_admin_refuses_a_valid_change_to_an_agreement(refused, vnpt, make):
    agreement = make(partner=vnpt)
    refused(reverse("admin:agreements_agreement_change", args=[agreement.pk]),
            valid_form(agreement, software_version="9.9"))
    assert Agreement.objects.get(pk=agreement.pk).software_version == "2.1"


def test_the_admin_refuses_a_clause_added_to_a_signed_agreement(refused, vnpt):
    agreement = signed(partner=vnpt)
    refused(reverse("admin:agreements_clause_add"), valid_form(Clause(
        agreement=agreement, section=Clause.Section.EFFECT, position=99, heading="Thêm", text="Điều khoản lén")))
    assert not agreement.clauses.filter(text="Điều khoản lén").exists()


def test_the_admin_refuses_to_move_a_draft_clause_onto_a_signed_agreement(refused, vnpt, vietsens):
    frozen, clause = signed(partner=vnpt), draft(partner=vietsens).clauses.first()
    refused(reverse("admin:agreements_clause_change", args=[clause.pk]), valid_form(clause, agreement=frozen.pk))
    assert Clause.objects.get(pk=clause.pk).agreement_id == clause.agreement_id


def test_the_admin_refuses_a_province_added_to_a_signed_agreement(refused, vnpt):
    agreement = signed(partner=vnpt)
    refused(reverse("admin:agreements_agreementprovince_add"),
            valid_form(AgreementProvince(agreement=agreement, province=current_province("08"))))
    assert list(agreement.provinces.all()) == [current_province("01")]


def test_the_admin_refuses_a_legal_basis_citing_another_partners_authority_document(refused, vnpt, vietsens):
    agreement, foreign = draft(partner=vnpt), AuthorityDocumentFactory(partner=vietsens)
    refused(reverse("admin:agreements_legalbasis_add"), valid_form(LegalBasis(
        agreement=agreement, position=5, kind=LegalBasis.Kind.AUTHORITY, citation="Điều lệ",
        authority_document=foreign)))
    assert not LegalBasis.objects.filter(authority_document=foreign).exists()


def test_the_admin_refuses_to_hand_a_cited_authority_document_to_another_partner(refused, vnpt, vietsens):
    document = signed(partner=vnpt).legal_bases.get(authority_document__isnull=False).authority_document
    refused(reverse("admin:partners_authoritydocument_change", args=[document.pk]),
            valid_form(document, partner=vietsens.pk))
    assert type(document).objects.get(pk=document.pk).partner == vnpt


def test_the_admin_refuses_to_delete_a_membership_whose_access_would_stay_behind(refused, vnpt_user):
    """Leaving a unit must revoke its object permissions, which only member_remove does."""
    membership = Membership.objects.get(user=vnpt_user)
    refused(reverse("admin:partners_membership_delete", args=[membership.pk]), {"post": "yes"})
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_the_admin_refuses_a_condition_added_to_a_published_set(refused):
    published = condition_set("PL-01")
    refused(reverse("admin:conditions_condition_add"), valid_form(Condition(
        condition_set=published, code="NEW-1", title="Thêm", category=Condition.Category.LEGAL, validity_months=12,
        position=2)))
    assert list(published.conditions.values_list("code", flat=True)) == ["PL-01"]


def test_the_admin_refuses_to_delete_a_condition_of_a_published_set(refused):
    condition = condition_set("PL-01").conditions.get()
    refused(reverse("admin:conditions_condition_delete", args=[condition.pk]), {"post": "yes"})
    assert Condition.objects.filter(pk=condition.pk).exists()
