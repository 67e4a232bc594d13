"""A partner user keeps its own unit's profile up to date, but not its identity (legal name, tax code,
kind: only the Ministry corrects those), and drafts, moves or registers nothing: 403."""

import pytest
from django.urls import reverse

from agreements import services as _services
from agreements.actions import ACTIONS
from agreements.models import Agreement
from core import roles
from partners.models import Partner
from tests.factories import clerk, in_review
from tests.pages import flash_messages
from tests.portal.acting import FORMS, ready_for, recorded_writes

pytestmark = pytest.mark.django_db

PROFILE = {"short_name": "VNPT IT", "registration_number": "0106869738", "registration_date": "",
           "registration_issuer": "Sở KH&ĐT Hà Nội", "address": "57 Huỳnh Thúc Kháng, Hà Nội",
           "representative_name": "Trần Văn B", "representative_title": "Tổng Giám đốc",
           "contact_name": "Lê Thị C", "contact_email": "c@vnpt.vn", "contact_phone": "024 1234 5678"}
NEW_PARTNER = {"legal_name": "Công ty Cổ phần Công nghệ Y tế Số", "short_name": "YTS", "kind": "joint_stock",
               "tax_code": "0109999999", "address": "Hà Nội", "representative_name": "Trần Văn B",
               "representative_title": "Giám đốc"}


def test_a_partner_user_saves_its_own_profile(login, vnpt_user, vnpt):
    response = login(vnpt_user).post(reverse("partners:edit", args=[vnpt.pk]), PROFILE)
    assert response.status_code == 302
    assert flash_messages(response) == ["Profile saved."]
    vnpt.refresh_from_db()
    assert (vnpt.short_name, vnpt.representative_name, vnpt.contact_email) == ("VNPT IT", "Trần Văn B", "c@vnpt.vn")


def test_the_partner_users_form_offers_neither_legal_name_nor_tax_code_nor_kind(login, vnpt_user, vnpt):
    form = login(vnpt_user).get(reverse("partners:edit", args=[vnpt.pk])).context["form"]
    assert "short_name" in form.fields
    assert {"legal_name", "tax_code", "kind"} & set(form.fields) == set()


def test_a_partner_user_posting_a_new_legal_name_or_tax_code_changes_only_its_profile(login, vnpt_user, vnpt):
    data = dict(PROFILE, legal_name="Công ty Khác", tax_code="0100000001", kind="limited")
    assert login(vnpt_user).post(reverse("partners:edit", args=[vnpt.pk]), data).status_code == 302
    vnpt.refresh_from_db()
    assert vnpt.short_name == "VNPT IT"
    assert (vnpt.legal_name, vnpt.tax_code, vnpt.kind) == ("Công ty Công nghệ thông tin VNPT", "0106869738",
                                                           Partner.Kind.JOINT_STOCK)


def test_a_partner_user_gets_403_creating_an_agreement(login, vnpt_user, vnpt):
    client = login(vnpt_user)
    assert client.get(reverse("agreements:create")).status_code == 403
    form = {"partner": vnpt.pk, "title": "Biên bản", "handing_representative": "Phạm Đức Long",
            "handing_title": "Cục trưởng", "software_name": "HSSK", "software_version": "1"}
    assert client.post(reverse("agreements:create"), form).status_code == 403
    assert not Agreement.objects.filter(partner=vnpt).exists()


def test_a_partner_user_gets_403_editing_its_own_units_draft(login, vnpt_user, vnpt):
    agreement = in_review(partner=vnpt)  # sent once, then taken back: a draft the partner has read
    agreement = _services.agreement_return_for_revision(agreement=agreement, by=clerk(roles.DRAFTER), reason="Sửa")
    client = login(vnpt_user)
    assert client.get(reverse("agreements:edit", args=[agreement.pk])).status_code == 403
    assert client.post(reverse("agreements:edit", args=[agreement.pk]), {"title": "Đổi"}).status_code == 403
    assert Agreement.objects.get(pk=agreement.pk).title == agreement.title


@pytest.mark.parametrize("action", ACTIONS)
def test_a_partner_user_gets_403_for_every_action_on_its_own_units_agreement(login, vnpt_user, vnpt, action):
    agreement = ready_for(action, vnpt)
    before = recorded_writes()
    response = login(vnpt_user).post(reverse("agreements:transition", args=[agreement.pk, action]), FORMS[action])
    assert response.status_code == 403
    assert Agreement.objects.get(pk=agreement.pk).status == agreement.status
    assert recorded_writes() == before


def test_a_partner_user_gets_403_changing_its_own_units_status(login, vnpt_user, vnpt):
    response = login(vnpt_user).post(reverse("partners:status", args=[vnpt.pk]),
                                     {"status": "withdrawn", "reason": "Không tham gia nữa"})
    assert response.status_code == 403
    assert Partner.objects.get(pk=vnpt.pk).status == Partner.Status.ACTIVE


def test_a_partner_user_gets_403_registering_a_partner(login, vnpt_user):
    client = login(vnpt_user)
    assert client.get(reverse("partners:create")).status_code == 403
    assert client.post(reverse("partners:create"), NEW_PARTNER).status_code == 403
    assert not Partner.objects.filter(tax_code="0109999999").exists()
