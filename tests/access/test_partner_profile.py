"""A partner user keeps its own unit's profile up to date, but not its identity, and drafts nothing."""

import pytest
from django.urls import reverse

from agreements.models import Agreement
from partners.models import Partner
from tests.access.helpers import ACTIONS, action_data

pytestmark = pytest.mark.django_db

PROFILE = {"short_name": "VNPT IT", "registration_number": "0106869738", "registration_date": "",
           "registration_issuer": "Sở KH&ĐT Hà Nội", "address": "57 Huỳnh Thúc Kháng, Hà Nội",
           "representative_name": "Trần Văn B", "representative_title": "Tổng Giám đốc",
           "contact_name": "Lê Thị C", "contact_email": "c@vnpt.vn", "contact_phone": "024 1234 5678"}


def test_a_partner_user_saves_its_own_profile(login, vnpt_user, vnpt):
    response = login(vnpt_user).post(reverse("partners:edit", args=[vnpt.pk]), PROFILE)
    assert response.status_code == 302
    vnpt.refresh_from_db()
    assert (vnpt.short_name, vnpt.representative_name, vnpt.contact_email) == ("VNPT IT", "Trần Văn B", "c@vnpt.vn")


def test_the_partner_users_form_offers_neither_legal_name_nor_tax_code(login, vnpt_user, vnpt):
    form = login(vnpt_user).get(reverse("partners:edit", args=[vnpt.pk])).context["form"]
    assert "legal_name" not in form.fields
    assert "tax_code" not in form.fields
    assert "short_name" in form.fields


def test_a_partner_user_cannot_change_its_legal_name_or_tax_code(login, vnpt_user, vnpt):
    data = dict(PROFILE, legal_name="Công ty Khác", tax_code="0100000001", kind="limited")
    response = login(vnpt_user).post(reverse("partners:edit", args=[vnpt.pk]), data)
    assert response.status_code == 302
    vnpt.refresh_from_db()
    assert vnpt.short_name == "VNPT IT"
    assert (vnpt.legal_name, vnpt.tax_code) == ("Công ty Công nghệ thông tin VNPT", "0106869738")
    assert vnpt.kind == Partner.Kind.JOINT_STOCK


def test_a_partner_user_gets_403_creating_an_agreement(login, vnpt_user, vnpt):
    client = login(vnpt_user)
    assert client.get(reverse("agreements:create")).status_code == 403
    data = {"partner": vnpt.pk, "title": "Biên bản", "software_name": "HSSK", "software_version": "1"}
    assert client.post(reverse("agreements:create"), data).status_code == 403
    assert not Agreement.objects.filter(partner=vnpt).exists()


def test_a_partner_user_gets_403_editing_its_own_agreement(login, vnpt_user, vnpt_agreement):
    assert login(vnpt_user).get(reverse("agreements:edit", args=[vnpt_agreement.pk])).status_code == 403


@pytest.mark.parametrize("action", ACTIONS)
def test_a_partner_user_gets_403_for_transitions_of_its_own_agreement(login, vnpt_user, ready_for, action):
    agreement = ready_for(action)
    response = login(vnpt_user).post(reverse("agreements:transition", args=[agreement.pk, action]),
                                     action_data(action))
    assert response.status_code == 403
    assert Agreement.objects.get(pk=agreement.pk).status == agreement.status


def test_a_partner_user_gets_403_changing_its_own_units_status(login, vnpt_user, vnpt):
    response = login(vnpt_user).post(reverse("partners:status", args=[vnpt.pk]), {"status": "withdrawn", "reason": "x"})
    assert response.status_code == 403
    assert Partner.objects.get(pk=vnpt.pk).status == Partner.Status.ACTIVE


def test_a_partner_user_gets_403_registering_a_partner(login, vnpt_user):
    assert login(vnpt_user).get(reverse("partners:create")).status_code == 403
