"""A partner user never sees another unit's data: every page of it answers 404, as if it did not exist."""

import pytest
from django.urls import reverse

from agreements.models import Agreement
from partners.models import Partner
from tests.access.helpers import ACTIONS, PDF, action_data
from tests.factories import make_agreement

pytestmark = pytest.mark.django_db

PARTNER_PAGES = ["partners:detail", "partners:edit", "partners:history", "partners:document_add"]
AGREEMENT_PAGES = ["agreements:detail", "agreements:edit", "agreements:history"]


@pytest.mark.parametrize("name", PARTNER_PAGES)
def test_a_partner_user_gets_404_for_another_units_partner_pages(login, vietsens_user, vnpt, name):
    assert login(vietsens_user).get(reverse(name, args=[vnpt.pk])).status_code == 404


def test_a_partner_user_gets_404_for_another_units_document_download(login, vietsens_user, vnpt_document):
    response = login(vietsens_user).get(reverse("partners:document_download", args=[vnpt_document.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("name", AGREEMENT_PAGES)
def test_a_partner_user_gets_404_for_another_units_agreement(login, vietsens_user, vnpt_agreement, name):
    assert login(vietsens_user).get(reverse(name, args=[vnpt_agreement.pk])).status_code == 404


@pytest.mark.parametrize("action", ACTIONS)
def test_a_partner_user_gets_404_for_another_units_confirmation_page(login, vietsens_user, ready_for, action):
    agreement = ready_for(action)
    url = reverse("agreements:confirm", args=[agreement.pk, action])
    assert login(vietsens_user).get(url).status_code == 404


@pytest.mark.parametrize("action", ACTIONS)
def test_a_partner_user_gets_404_posting_a_transition_of_another_units_agreement(login, vietsens_user, ready_for,
                                                                                  action):
    agreement = ready_for(action)
    url = reverse("agreements:transition", args=[agreement.pk, action])
    assert login(vietsens_user).post(url, action_data(action)).status_code == 404
    assert Agreement.objects.get(pk=agreement.pk).status == agreement.status


def test_a_partner_user_gets_404_posting_another_units_status(login, vietsens_user, vnpt):
    url = reverse("partners:status", args=[vnpt.pk])
    assert login(vietsens_user).post(url, {"status": "suspended", "reason": "x"}).status_code == 404
    assert Partner.objects.get(pk=vnpt.pk).status == Partner.Status.ACTIVE


def test_a_partner_user_gets_404_posting_another_units_profile(login, vietsens_user, vnpt):
    url = reverse("partners:edit", args=[vnpt.pk])
    data = {"short_name": "Hijacked", "address": "x", "representative_name": "x", "representative_title": "x"}
    assert login(vietsens_user).post(url, data).status_code == 404
    assert Partner.objects.get(pk=vnpt.pk).short_name == "VNPT-IT"


@pytest.mark.parametrize("name", ["partners:detail", "partners:edit", "partners:document_add"])
def test_a_partner_user_opens_its_own_units_pages(login, vnpt_user, vnpt, name):
    assert login(vnpt_user).get(reverse(name, args=[vnpt.pk])).status_code == 200


def test_a_partner_user_downloads_its_own_units_document(login, vnpt_user, vnpt_document):
    response = login(vnpt_user).get(reverse("partners:document_download", args=[vnpt_document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_a_partner_user_reads_its_own_units_agreement(login, vnpt_user, vnpt_agreement):
    response = login(vnpt_user).get(reverse("agreements:detail", args=[vnpt_agreement.pk]))
    assert response.status_code == 200
    assert response.context["agreement"] == vnpt_agreement


def test_the_agreement_list_shows_a_partner_user_only_its_own_units_agreements(login, drafter, vnpt_user, vnpt,
                                                                                vietsens):
    own = [make_agreement(by=drafter, partner=vnpt, complete=False) for _ in range(2)]
    make_agreement(by=drafter, partner=vietsens, complete=False)
    response = login(vnpt_user).get(reverse("agreements:list"))
    assert response.status_code == 200
    assert sorted(a.pk for a in response.context["page"].object_list) == sorted(a.pk for a in own)


def test_the_agreement_list_filtered_by_another_unit_shows_a_partner_user_nothing(login, drafter, vnpt_user,
                                                                                   vietsens):
    make_agreement(by=drafter, partner=vietsens, complete=False)
    response = login(vnpt_user).get(reverse("agreements:list"), {"partner": vietsens.pk})
    assert list(response.context["page"].object_list) == []


def test_the_partner_list_shows_a_partner_user_only_its_own_unit(login, vnpt_user, vnpt, vietsens):
    response = login(vnpt_user).get(reverse("partners:list"))
    assert [p.pk for p in response.context["page"].object_list] == [vnpt.pk]


def test_the_dashboard_shows_a_partner_user_none_of_another_units_agreements(login, drafter, vietsens_user, vnpt,
                                                                             vietsens):
    make_agreement(by=drafter, partner=vnpt, complete=False)
    own = make_agreement(by=drafter, partner=vietsens, complete=False)
    response = login(vietsens_user).get(reverse("dashboard"))
    shown = [a.pk for block in response.context["blocks"] for a in block.rows]
    assert shown == [own.pk]
    assert response.context["own_partner"] == vietsens
