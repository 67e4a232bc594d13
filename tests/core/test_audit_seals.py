"""seal_audit anchors the chain outside the database: it chains what waits, appends the head's link and
hash with an HMAC under DJANGO_AUDIT_SEAL_KEY to the seal file, and mails the auditors; without the key
it refuses (issue 10, item 2)."""

import hmac
import json

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured

from core import audit
from core.models import AuditLink
from partners.services import partner_update
from tests.core.auditing import seal_audit, verify_audit

pytestmark = pytest.mark.django_db


@pytest.fixture
def auditor_with_mail(auditor):
    auditor.email = "kiemtoan@moh.gov.vn"
    auditor.save()
    return auditor


def test_a_seal_is_a_line_with_the_heads_link_hash_and_hmac(drafter, vnpt, seal_file):
    partner_update(partner=vnpt, by=drafter, contact_phone="024 3772 5555")
    said = seal_audit()
    head = AuditLink.objects.order_by("-id").first()
    [line] = seal_file.read_text().splitlines()
    seal = json.loads(line)
    assert (seal["link"], seal["hash"]) == (head.pk, head.hash)
    expected = hmac.new(b"test-only-seal-key", f"{head.pk}\n{head.hash}\n{seal['sealed_at']}".encode(), "sha256")
    assert seal["mac"] == expected.hexdigest()
    assert f"Sealed link {head.pk} ({head.hash})" in said


def test_sealing_chains_the_entries_still_waiting_first(drafter, vnpt):
    entry = audit.record("logout", actor_id=drafter.pk, label="drafter")
    assert not AuditLink.objects.filter(entry=entry).exists()
    seal_audit()
    assert AuditLink.objects.order_by("-id").first().entry == entry


def test_the_auditors_are_mailed_the_sealed_link_and_hash(drafter, vnpt, auditor_with_mail,
                                                          django_capture_on_commit_callbacks):
    drafter.email = "soanthao@moh.gov.vn"
    drafter.save()
    with django_capture_on_commit_callbacks(execute=True):
        seal_audit()
    head = AuditLink.objects.order_by("-id").first()
    [message] = mail.outbox
    assert message.to == ["kiemtoan@moh.gov.vn"]
    assert str(head.pk) in message.subject
    assert head.hash in message.body


def test_an_empty_chain_is_not_sealed(db, seal_file):
    assert "nothing to seal" in seal_audit()
    assert not seal_file.exists()


def test_sealing_without_a_key_is_refused_and_writes_nothing(settings, vnpt, seal_file):
    settings.AUDIT_SEAL_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="DJANGO_AUDIT_SEAL_KEY must be set"):
        seal_audit()
    assert not seal_file.exists()


def test_seals_made_with_another_key_do_not_check_out(settings, vnpt):
    seal_audit()
    settings.AUDIT_SEAL_KEY = "another-key"
    status, said = verify_audit()
    assert status == 1 and "made with another key" in said
