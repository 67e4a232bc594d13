"""A file of an answer follows the rules of every private file: checked by its content, within the unit's quota;
refused, the answer is not recorded and the evidence still waits on the partner."""

import pytest
from django.urls import reverse

from conditions.models import Evidence, EvidenceMessage
from tests.factories import decide, submit
from tests.pages import field_errors, form_errors
from tests.samples import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(vnpt, vnpt_user, codes):
    return decide(submit(vnpt, codes["PL-01"], by=vnpt_user), Evidence.Status.INFO_REQUESTED, reason="Bổ sung")


def _answer(client, evidence, files):
    return client.post(reverse("conditions:answer", args=[evidence.pk]), {"text": "Đây ạ", "files": files})


def _unchanged(evidence):
    evidence.refresh_from_db()
    return evidence.status == Evidence.Status.INFO_REQUESTED and not EvidenceMessage.objects.filter(
        kind="answer").exists()


def test_a_file_that_is_not_what_its_name_says_is_refused(login, vnpt_user, asked):
    response = _answer(login(vnpt_user), asked, [upload("ban-co-dau.pdf", content=b"MZ\x90\x00 not a pdf")])
    assert response.status_code == 200
    assert field_errors(response, "files", form="answer_form")
    assert _unchanged(asked)


def test_files_past_the_units_quota_are_refused(login, vnpt_user, asked, settings):
    settings.PARTNER_UPLOAD_QUOTA_BYTES = 10  # the unit's storage is already full
    response = _answer(login(vnpt_user), asked, [upload("ban-co-dau.pdf")])
    assert [e for e in form_errors(response, form="answer_form") if "storage quota" in e]
    assert _unchanged(asked)


def test_an_answer_within_the_rules_is_recorded_with_its_file(login, vnpt_user, asked):
    response = _answer(login(vnpt_user), asked, [upload("ban-co-dau.pdf")])
    assert response.status_code == 302
    assert not _unchanged(asked)
    assert [f.original_name for f in EvidenceMessage.objects.get(kind="answer").files.all()] == ["ban-co-dau.pdf"]
