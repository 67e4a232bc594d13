"""An auditor reads everything, full history included (the auditor's column of
test_url_access_by_persona.py), and changes nothing: every form that would change data answers 403,
even when it is complete and valid, and no write is recorded."""

import pytest
from django.urls import reverse

from agreements.actions import ACTIONS
from agreements.models import Agreement
from tests.portal.acting import FORMS, as_posted, ready_for, recorded_writes

pytestmark = pytest.mark.django_db

PARTNER = {"legal_name": "Công ty Cổ phần Công nghệ Y tế Số", "short_name": "YTS", "kind": "joint_stock",
           "tax_code": "0109999999", "address": "Hà Nội", "representative_name": "Trần Văn B",
           "representative_title": "Giám đốc"}
# What the auditor tries: (URL name, what it is about, a valid form, someone who may).
ATTEMPTS = {
    "register a partner": ("partners:create", None, PARTNER, "drafter"),
    "edit VNPT's profile": ("partners:edit", "partner", PARTNER | {"tax_code": "0106869738"}, "drafter"),
    "add an authority document": ("partners:document_add", "partner", {
        "kind": "charter", "number": "9/QĐ", "issued_on": "01/01/2021", "issuer": "HĐQT", "summary": "Điều lệ"},
        "drafter"),
    "suspend VNPT": ("partners:status", "partner", {"status": "suspended", "reason": "Kiểm tra"}, "drafter"),
    "take VNPT's member away": ("partners:member_remove", "membership", {"reason": "Nghỉ việc"}, "administrator"),
    "add a standard clause to the library": ("agreements:library_add", "clauses", {
        "section": "effect", "heading": "Hiệu lực", "text": "Có hiệu lực từ ngày ký.", "position": "1",
        "active": "on"}, "drafter"),
    "accept VNPT's evidence": ("conditions:decide", "evidence", {
        "decision": "accepted", "valid_from": "01/01/2026", "valid_until": "31/12/2026"}, "assessor"),
    "draft a new condition set": ("conditions:create", None, {
        "title": "Điều kiện 2027", "effective_from": "01/01/2027"}, "assessor"),
}


def _url(name, about, objects):
    return reverse(name, args=[] if about is None else [objects[about].pk] if about in objects else [about])


@pytest.mark.parametrize("attempt", ATTEMPTS)
def test_an_auditor_gets_403_for_a_valid_form_that_changes_data_and_nothing_changes(login, auditor, vnpt_objects,
                                                                                    attempt):
    name, about, form, _allowed = ATTEMPTS[attempt]
    before = recorded_writes()
    assert login(auditor).post(_url(name, about, vnpt_objects), form).status_code == 403
    assert recorded_writes() == before


@pytest.mark.parametrize("attempt", ATTEMPTS)
def test_the_same_form_from_someone_whose_role_allows_it_goes_through(login, personas, vnpt_objects, attempt):
    name, about, form, allowed = ATTEMPTS[attempt]
    before = recorded_writes()
    assert login(personas[allowed]).post(_url(name, about, vnpt_objects), form).status_code == 302
    assert recorded_writes() > before


def test_an_auditor_cannot_create_an_agreement_that_a_drafter_could(login, auditor, drafter, vnpt_objects):
    page = login(drafter).get(reverse("agreements:create"), {"partner": vnpt_objects["partner"].pk})
    form = as_posted(page.context["form"]) | {"handing_representative": "Phạm Đức Long", "handing_title": "Cục trưởng",
                                              "software_version": "3.0", "title": "Biên bản bàn giao mới"}
    assert login(auditor).post(reverse("agreements:create"), form).status_code == 403
    assert not Agreement.objects.filter(software_version="3.0").exists()
    assert login(drafter).post(reverse("agreements:create"), form).status_code == 302
    assert Agreement.objects.filter(software_version="3.0").exists()


def test_an_auditor_cannot_edit_a_draft_that_a_drafter_could(login, auditor, drafter, vnpt_objects):
    agreement, url = vnpt_objects["agreement"], reverse("agreements:edit", args=[vnpt_objects["agreement"].pk])
    context = login(drafter).get(url).context
    form = as_posted(context["form"], context["bases"], context["clauses"], context["reviews"])
    form["title"] = "Biên bản đã sửa"
    assert login(auditor).post(url, form).status_code == 403
    assert Agreement.objects.get(pk=agreement.pk).title == agreement.title
    assert login(drafter).post(url, form).status_code == 302
    assert Agreement.objects.get(pk=agreement.pk).title == "Biên bản đã sửa"


@pytest.mark.parametrize("action", ACTIONS)
def test_an_auditor_gets_403_for_every_action_and_the_agreement_stays_as_it_was(login, auditor, vnpt, action):
    agreement = ready_for(action, vnpt)
    before = recorded_writes()
    client = login(auditor)
    assert client.get(reverse("agreements:confirm", args=[agreement.pk, action])).status_code == 403
    response = client.post(reverse("agreements:transition", args=[agreement.pk, action]), FORMS[action])
    assert response.status_code == 403
    assert Agreement.objects.get(pk=agreement.pk).status == agreement.status
    assert recorded_writes() == before
