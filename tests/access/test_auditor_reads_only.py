"""An auditor reads everything, full history included, and changes nothing."""

import pytest
from django.urls import reverse

from agreements.models import Agreement
from partners.models import Partner
from tests.access.helpers import ACTIONS, action_data
from tests.factories import ConditionSetFactory

pytestmark = pytest.mark.django_db

READ_PAGES = [
    ("dashboard", None), ("partners:list", None), ("partners:detail", "partner"), ("partners:history", "partner"),
    ("partners:document_download", "document"), ("agreements:list", None), ("agreements:detail", "agreement"),
    ("agreements:history", "agreement"), ("conditions:list", None), ("conditions:detail", "condition_set"),
]
FORBIDDEN_PAGES = [("partners:create", None), ("partners:edit", "partner"), ("partners:document_add", "partner"),
                   ("agreements:create", None), ("agreements:edit", "agreement")]


@pytest.fixture
def objects(vnpt, vnpt_document, vnpt_agreement):
    return {"partner": vnpt, "document": vnpt_document, "agreement": vnpt_agreement,
            "condition_set": ConditionSetFactory()}


def _url(name, kind, objects):
    return reverse(name, args=[objects[kind].pk] if kind else [])


@pytest.mark.parametrize("name,kind", READ_PAGES, ids=[n for n, _ in READ_PAGES])
def test_an_auditor_reads_every_page(login, auditor, objects, name, kind):
    assert login(auditor).get(_url(name, kind, objects)).status_code == 200


@pytest.mark.parametrize("name,kind", FORBIDDEN_PAGES, ids=[n for n, _ in FORBIDDEN_PAGES])
def test_an_auditor_gets_403_for_a_form_that_changes_data(login, auditor, objects, name, kind):
    assert login(auditor).get(_url(name, kind, objects)).status_code == 403


def test_an_auditor_cannot_register_a_partner(login, auditor):
    data = {"legal_name": "Công ty X", "short_name": "X", "kind": "joint_stock", "tax_code": "0109999999",
            "address": "Hà Nội", "representative_name": "A", "representative_title": "Giám đốc"}
    assert login(auditor).post(reverse("partners:create"), data).status_code == 403
    assert not Partner.objects.filter(tax_code="0109999999").exists()


def test_an_auditor_cannot_edit_a_partner(login, auditor, vnpt):
    data = {"legal_name": "Đổi", "short_name": "Đổi", "kind": "joint_stock", "tax_code": vnpt.tax_code,
            "address": "Hà Nội", "representative_name": "A", "representative_title": "Giám đốc"}
    assert login(auditor).post(reverse("partners:edit", args=[vnpt.pk]), data).status_code == 403
    assert Partner.objects.get(pk=vnpt.pk).short_name == "VNPT-IT"


def test_an_auditor_cannot_add_an_authority_document(login, auditor, vnpt):
    data = {"kind": "charter", "number": "9/QĐ", "issued_on": "01/01/2021", "issuer": "HĐQT", "summary": "Điều lệ"}
    assert login(auditor).post(reverse("partners:document_add", args=[vnpt.pk]), data).status_code == 403
    assert not vnpt.authority_documents.filter(number="9/QĐ").exists()


def test_an_auditor_cannot_change_a_partners_status(login, auditor, vnpt):
    url = reverse("partners:status", args=[vnpt.pk])
    assert login(auditor).post(url, {"status": "suspended", "reason": "Kiểm tra"}).status_code == 403
    assert Partner.objects.get(pk=vnpt.pk).status == Partner.Status.ACTIVE


def test_an_auditor_cannot_create_an_agreement(login, auditor, vnpt):
    before = Agreement.objects.count()
    data = {"partner": vnpt.pk, "title": "Biên bản", "software_name": "HSSK", "software_version": "1"}
    assert login(auditor).post(reverse("agreements:create"), data).status_code == 403
    assert Agreement.objects.count() == before


def test_an_auditor_cannot_edit_an_agreement(login, auditor, vnpt_agreement):
    url = reverse("agreements:edit", args=[vnpt_agreement.pk])
    assert login(auditor).post(url, {"title": "Đổi"}).status_code == 403
    assert Agreement.objects.get(pk=vnpt_agreement.pk).title == vnpt_agreement.title


@pytest.mark.parametrize("action", ACTIONS)
def test_an_auditor_gets_403_for_every_transition(login, auditor, ready_for, action):
    agreement = ready_for(action)
    client = login(auditor)
    assert client.get(reverse("agreements:confirm", args=[agreement.pk, action])).status_code == 403
    response = client.post(reverse("agreements:transition", args=[agreement.pk, action]), action_data(action))
    assert response.status_code == 403
    assert Agreement.objects.get(pk=agreement.pk).status == agreement.status
