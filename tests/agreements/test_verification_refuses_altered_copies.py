"""/verify/ certifies a signed copy only while its bytes, its recorded SHA-256 and the audit entry written
at signing agree: a copy replaced with SQL, hash recomputed, is "altered", never genuine (issue 10,
items 3 and 4)."""

import datetime
import hashlib
import json

import pytest
from django.conf import settings
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from agreements.integrity import signed_copy_problem
from agreements.models import SignedCopy
from core import audit
from tests.agreements.pdf_reading import stored
from tests.core.auditing import tamper
from tests.factories import on_day, signed
from tests.samples import PDF, upload

pytestmark = pytest.mark.django_db

FORGED_SHA256 = hashlib.sha256(PDF).hexdigest()


@pytest.fixture
def copy(drafter, vnpt):
    return SignedCopy.objects.get(agreement=signed(by=drafter, partner=vnpt))


@pytest.fixture
def verify(client):
    """verify(data=…) or verify(code=…): the public page's answer, in English, on 01/06/2026."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    def _verify(code="", data=None):
        form = {"code": code} | ({"file": upload("bien-ban.pdf", data)} if data is not None else {})
        with on_day(datetime.date(2026, 6, 1)):
            return client.post(reverse("verify"), form)

    return _verify


def _replace(copy, *, history_too=False):
    """The forger's SQL: other bytes and their SHA-256 in the signed copy (and in its history row)."""
    tables = ["agreements_signedcopy"] + (["agreements_historicalsignedcopy"] if history_too else [])
    for table in tables:
        tamper(f"UPDATE {table} SET data = %s, sha256 = %s WHERE id = %s", [PDF, FORGED_SHA256, copy.pk])


def test_an_untouched_copy_is_genuine_with_its_audit_record_intact(verify, copy):
    response = verify(data=stored(copy.agreement))
    assert response.context["result"]["genuine"] is True
    assertContains(response, "Genuine.")
    assertContains(response, "Intact: the copy, its fingerprint and the audit entry written at signing agree.")


def test_a_copy_replaced_with_its_hash_is_altered_not_genuine(verify, copy):
    _replace(copy)
    response = verify(data=PDF)
    assert response.context["result"] == {"genuine": False, "altered": True}
    assertContains(response, "Not certified.")
    assertNotContains(response, "Intact")
    assertNotContains(response, "01/BB-CNTT")


def test_a_copy_whose_bytes_alone_were_replaced_is_altered(verify, copy):
    tamper("UPDATE agreements_signedcopy SET data = %s WHERE id = %s", [PDF, copy.pk])
    assert verify(code=copy.verification_code).context["result"] == {"genuine": False, "altered": True}
    copy.refresh_from_db()
    assert signed_copy_problem(copy) == "its bytes do not match its recorded SHA-256"


def test_a_copy_replaced_with_its_hash_and_its_history_row_is_altered(verify, copy):
    _replace(copy, history_too=True)
    assert verify(code=copy.verification_code).context["result"] == {"genuine": False, "altered": True}


def test_a_copy_whose_audit_entry_was_changed_is_altered(verify, copy):
    entry = audit.change_entry("agreements.signedcopy", copy.pk)
    tamper("UPDATE core_auditentry SET reason = 'Ký lại' WHERE id = %s", [entry.pk])
    assert verify(code=copy.verification_code).context["result"]["altered"] is True


def test_a_copy_whose_entry_and_digest_were_rewritten_is_altered_by_its_link(verify, copy):
    _replace(copy, history_too=True)
    entry = audit.change_entry("agreements.signedcopy", copy.pk)
    entry.payload["row"] |= {"data": "sha256:" + FORGED_SHA256, "sha256": FORGED_SHA256}
    tamper("UPDATE core_auditentry SET payload = %s::jsonb, digest = %s WHERE id = %s",
           [json.dumps(entry.payload), audit.digest_of(entry), entry.pk])
    assert verify(data=PDF).context["result"]["altered"] is True


def test_a_copy_whose_names_as_signed_were_changed_is_altered(verify, copy):
    tamper("UPDATE agreements_signedcopy SET record = jsonb_set(record, '{partner,legal_name}', '\"Công ty giả\"') "
           "WHERE id = %s", [copy.pk])
    response = verify(code=copy.verification_code)
    assert response.context["result"] == {"genuine": False, "altered": True}
    assertNotContains(response, "Công ty giả")


def test_a_copy_given_a_made_up_code_is_not_certified_under_it(verify, copy):
    tamper("UPDATE agreements_signedcopy SET verification_code = 'FORGEDCODE12' WHERE id = %s", [copy.pk])
    assert verify(code="FORGEDCODE12").context["result"] == {"genuine": False, "altered": True}


def test_terminated_minutes_set_back_in_force_with_sql_are_not_certified(verify, copy, drafter):
    from agreements import services as agreement_services

    with on_day(datetime.date(2026, 5, 1)):
        agreement_services.agreement_terminate(agreement=copy.agreement, by=drafter, terminated_on=datetime.date(
            2026, 5, 1), reason_code="term_ended", notes="")
    audit.link()
    assert "Terminated" in verify(code=copy.verification_code).context["result"]["state"]
    tamper("UPDATE agreements_agreement SET status = 'signed', terminated_on = NULL WHERE id = %s",
           [copy.agreement_id])
    assert verify(code=copy.verification_code).context["result"] == {"genuine": False, "altered": True}
