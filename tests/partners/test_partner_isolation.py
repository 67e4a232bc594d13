"""A partner user never sees another unit's data: every page and form of it answers 404, as if it did
not exist, and nothing changes (each page's GET is in tests/portal/test_url_access_by_persona.py, where
vietsens_user is the outsider for VNPT's objects). Its own unit's data it reads in full."""

import pytest
from django.urls import reverse

from agreements.actions import ACTIONS
from partners.models import Partner
from tests.factories import AuthorityDocumentFactory, catalogue, draft, in_review
from tests.portal.acting import FORMS, ready_for, recorded_writes
from tests.samples import PDF, upload

pytestmark = pytest.mark.django_db

PROFILE = {"short_name": "Hijacked", "address": "Hà Nội", "representative_name": "Kẻ Lạ",
           "representative_title": "Giám đốc"}


@pytest.mark.parametrize("action", ACTIONS)
def test_a_partner_user_gets_404_for_an_action_on_another_units_agreement(login, vietsens_user, vnpt, action):
    agreement = ready_for(action, vnpt)
    before = recorded_writes()
    client = login(vietsens_user)
    assert client.get(reverse("agreements:confirm", args=[agreement.pk, action])).status_code == 404
    assert client.post(reverse("agreements:transition", args=[agreement.pk, action]), FORMS[action]).status_code == 404
    assert recorded_writes() == before


def test_a_partner_user_gets_404_changing_another_units_status(login, vietsens_user, vnpt):
    url = reverse("partners:status", args=[vnpt.pk])
    assert login(vietsens_user).post(url, {"status": "suspended", "reason": "Phá đám"}).status_code == 404
    assert Partner.objects.get(pk=vnpt.pk).status == Partner.Status.ACTIVE


def test_a_partner_user_gets_404_editing_another_units_profile(login, vietsens_user, vnpt):
    assert login(vietsens_user).post(reverse("partners:edit", args=[vnpt.pk]), PROFILE).status_code == 404
    assert Partner.objects.get(pk=vnpt.pk).short_name == "VNPT-IT"


def test_a_partner_user_gets_404_adding_a_document_to_another_unit(login, vietsens_user, vnpt):
    form = {"kind": "charter", "number": "9/QĐ", "issued_on": "01/01/2021", "issuer": "HĐQT", "summary": "Điều lệ",
            "upload": upload()}
    assert login(vietsens_user).post(reverse("partners:document_add", args=[vnpt.pk]), form).status_code == 404
    assert not vnpt.authority_documents.exists()


def test_a_partner_user_gets_404_submitting_evidence_for_another_unit(login, vietsens_user, vnpt):
    condition = catalogue().conditions.get()
    url = reverse("conditions:submit", args=[vnpt.pk, condition.pk])
    response = login(vietsens_user).post(url, {"statement": "Hồ sơ của đơn vị khác", "files": [upload()]})
    assert response.status_code == 404
    assert not vnpt.evidence.exists()


def test_a_partner_user_downloads_its_own_units_document(login, vnpt_user, vnpt):
    document = AuthorityDocumentFactory(partner=vnpt, upload=upload("dieu-le.pdf"))
    response = login(vnpt_user).get(reverse("partners:document_download", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_a_partner_user_reads_its_own_units_agreement_once_sent(login, vnpt_user, vnpt):
    agreement = in_review(partner=vnpt)
    response = login(vnpt_user).get(reverse("agreements:detail", args=[agreement.pk]))
    assert response.status_code == 200
    assert response.context["agreement"] == agreement


def test_the_agreement_list_shows_a_partner_user_only_its_own_units_agreements(login, vnpt_user, vnpt, vietsens):
    own = [in_review(partner=vnpt) for _ in range(2)]
    in_review(partner=vietsens)
    response = login(vnpt_user).get(reverse("agreements:list"))
    assert response.status_code == 200
    assert sorted(a.pk for a in response.context["page"].object_list) == sorted(a.pk for a in own)


def test_the_agreement_list_filtered_by_another_unit_shows_a_partner_user_nothing(login, vnpt_user, vietsens):
    draft(partner=vietsens, complete=False)
    response = login(vnpt_user).get(reverse("agreements:list"), {"partner": vietsens.pk})
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == []


def test_the_partner_list_shows_a_partner_user_only_its_own_unit(login, vnpt_user, vnpt, vietsens):
    response = login(vnpt_user).get(reverse("partners:list"))
    assert [p.pk for p in response.context["page"].object_list] == [vnpt.pk]


def test_the_dashboard_shows_a_partner_user_none_of_another_units_agreements(login, vietsens_user, vnpt, vietsens):
    in_review(partner=vnpt)
    own = in_review(partner=vietsens)
    response = login(vietsens_user).get(reverse("dashboard"))
    assert [a.pk for block in response.context["blocks"] for a in block.rows] == [own.pk]
    assert response.context["own_partner"] == vietsens
