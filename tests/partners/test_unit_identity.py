"""A unit's members keep its profile up to date, but its identity (legal name, tax code, kind) is
corrected only by the Ministry: the service checks who acts, whatever page or command calls it."""

import pytest
from django.urls import reverse

from core.exceptions import NotPermitted
from partners import services
from partners.models import Partner
from tests.pages import flash_messages

pytestmark = pytest.mark.django_db
IDENTITY_REFUSED = "Only the Ministry corrects a unit's legal name, tax code and kind."


def _profile(partner, **changes):
    fields = ("short_name", "address", "representative_name", "representative_title")
    return {name: getattr(partner, name) for name in fields} | changes


@pytest.mark.parametrize("field,value", [("legal_name", "Công ty Khác"), ("tax_code", "0101234567"),
                                         ("kind", Partner.Kind.LIMITED)])
def test_a_member_cannot_change_its_units_identity(vnpt, vnpt_user, field, value):
    with pytest.raises(NotPermitted, match=IDENTITY_REFUSED):
        services.partner_update(partner=vnpt, by=vnpt_user, **{field: value})
    assert getattr(Partner.objects.get(pk=vnpt.pk), field) == getattr(vnpt, field)


@pytest.mark.parametrize("field,value", [("legal_name", "Công ty Khác"), ("tax_code", "0101234567"),
                                         ("kind", Partner.Kind.LIMITED)])
def test_a_drafter_corrects_a_units_identity(drafter, vnpt, field, value):
    services.partner_update(partner=vnpt, by=drafter, **{field: value})
    assert getattr(Partner.objects.get(pk=vnpt.pk), field) == value


def test_a_member_changes_its_units_contact_details(vnpt, vnpt_user):
    services.partner_update(partner=vnpt, by=vnpt_user, contact_email="hssk@vnpt.vn", address="Đà Nẵng")
    partner = Partner.objects.get(pk=vnpt.pk)
    assert (partner.contact_email, partner.address) == ("hssk@vnpt.vn", "Đà Nẵng")
    assert partner.history.first().history_user == vnpt_user


def test_a_member_cannot_change_another_units_profile(vnpt, vietsens_user):
    with pytest.raises(NotPermitted):
        services.partner_update(partner=vnpt, by=vietsens_user, address="Đà Nẵng")
    assert Partner.objects.get(pk=vnpt.pk).address == "Hà Nội"


def test_a_members_edit_page_leaves_out_the_identity_and_ignores_it_when_posted(login, vnpt, vnpt_user):
    client = login(vnpt_user)
    form = client.get(reverse("partners:edit", args=[vnpt.pk])).context["form"]
    assert not set(Partner.IDENTITY_FIELDS) & set(form.fields)
    response = client.post(reverse("partners:edit", args=[vnpt.pk]),
                           _profile(vnpt, address="Đà Nẵng", tax_code="0101234567", legal_name="Khác"), follow=True)
    assert flash_messages(response) == ["Profile saved."]
    partner = Partner.objects.get(pk=vnpt.pk)
    assert (partner.address, partner.tax_code, partner.legal_name) == ("Đà Nẵng", vnpt.tax_code, vnpt.legal_name)


def test_a_drafters_edit_page_corrects_the_identity(login, drafter, vnpt):
    data = _profile(vnpt, legal_name="Công ty Công nghệ thông tin VNPT (mới)", tax_code="0106869738-001",
                    kind=Partner.Kind.BRANCH)
    response = login(drafter).post(reverse("partners:edit", args=[vnpt.pk]), data, follow=True)
    assert flash_messages(response) == ["Profile saved."]
    partner = Partner.objects.get(pk=vnpt.pk)
    assert (partner.legal_name, partner.tax_code, partner.kind) == (
        "Công ty Công nghệ thông tin VNPT (mới)", "0106869738-001", Partner.Kind.BRANCH)


def test_another_units_member_gets_404_on_the_edit_page(login, vnpt, vietsens_user):
    assert login(vietsens_user).get(reverse("partners:edit", args=[vnpt.pk])).status_code == 404
