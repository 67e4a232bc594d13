"""verify_audit against someone who changes the audit record itself: an entry, a link, the whole chain
recomputed as a careful forger would (caught only by the seal made before, with a key the database
does not hold), a seal edited (issue 10, items 2 and 3)."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from core import audit
from core.models import AuditEntry, AuditLink
from core.protection import truncate_guard
from partners.services import partner_update
from tests.core.auditing import linked, seal_audit, tamper, verify_audit

pytestmark = pytest.mark.django_db


@pytest.fixture
def chained(drafter, vnpt):
    """VNPT-IT registered and its address changed, every entry chained."""
    partner_update(partner=vnpt, by=drafter, address="Số 57 Huỳnh Thúc Kháng, Hà Nội", reason="Chuyển trụ sở")
    linked()
    return AuditEntry.objects.get(model="partners.partner", object_id=vnpt.pk, reason="Chuyển trụ sở")


def test_an_entrys_payload_changed_is_caught(chained):
    tamper("UPDATE core_auditentry SET payload = jsonb_set(payload, '{row,address}', '\"Hải Phòng\"') "
           "WHERE id = %s", [chained.pk])
    status, said = verify_audit()
    assert status == 1
    assert f"Broken: link {chained.link.pk}, entry {chained.pk} (Change of partners.partner:" in said
    assert "the entry's content was changed after it was written" in said


def test_an_entry_rewritten_with_its_digest_is_caught_at_its_link(chained):
    chained.reason = "Theo đề nghị của đơn vị"
    tamper("UPDATE core_auditentry SET reason = %s, digest = %s WHERE id = %s",
           [chained.reason, audit.digest_of(chained), chained.pk])
    status, said = verify_audit()
    assert status == 1
    assert f"Broken: link {chained.link.pk}, entry {chained.pk} " in said
    assert "the link's hash does not match its entry" in said


def test_a_deleted_link_is_caught_at_the_link_after_it(chained):
    following = AuditLink.objects.filter(id__gt=chained.link.pk).order_by("id").first() or _one_more_link()
    tamper("DELETE FROM core_auditlink WHERE id = %s", [chained.link.pk])
    status, said = verify_audit()
    assert status == 1
    assert f"Broken: link {following.pk}, entry {following.entry_id} " in said
    assert "the link before it is missing or was changed" in said


def _one_more_link():
    entry = audit.record("logout", label="after")
    linked()
    return AuditLink.objects.get(entry=entry)


def _forge(entry, reason):
    """What a forger with the database writes: the history row, the entry and its digest, and every link
    from it on, recomputed with the application's own hash functions."""
    label, _sep, history_id = entry.source.rpartition(":")
    tamper("UPDATE partners_historicalpartner SET history_change_reason = %s WHERE history_id = %s",
           [reason, history_id])
    entry.reason = reason
    entry.payload["row"]["history_change_reason"] = reason
    entry.digest = audit.digest_of(entry)
    tamper("UPDATE core_auditentry SET reason = %s, payload = %s, digest = %s WHERE id = %s",
           [reason, json.dumps(entry.payload), entry.digest, entry.pk])
    prev = AuditLink.objects.filter(id__lt=entry.link.pk).order_by("-id").values_list("hash", flat=True).first()
    prev = prev or audit.GENESIS
    for link in AuditLink.objects.filter(id__gte=entry.link.pk).select_related("entry").order_by("id"):
        new = audit.link_hash(prev, link.entry_id, link.entry.digest)
        tamper("UPDATE core_auditlink SET prev_hash = %s, hash = %s WHERE id = %s", [prev, new, link.pk])
        prev = new


def test_a_chain_rewritten_consistently_is_caught_by_the_seal_made_before(chained, tmp_path):
    seal_audit()
    _forge(chained, "Theo đề nghị của đơn vị")
    assert verify_audit("--seals", str(tmp_path / "none.jsonl")) == (0, "")  # consistent but for the seal
    status, said = verify_audit()
    assert status == 1
    head = AuditLink.objects.order_by("-id").first()
    assert f"seal on line 1 of {tmp_path / 'audit-seals.jsonl'}: link {head.pk} no longer has the hash sealed" in said
    assert "the chain was rewritten" in said


def test_a_seal_edited_in_the_seal_file_fails_its_hmac(chained, seal_file):
    seal_audit()
    seal = json.loads(seal_file.read_text())
    _forge(chained, "Theo đề nghị của đơn vị")
    seal["hash"] = AuditLink.objects.order_by("-id").first().hash  # the forger's head, written into the seal
    seal_file.write_text(json.dumps(seal) + "\n")
    status, said = verify_audit()
    assert status == 1
    assert "seal on line 1" in said and "the seal's HMAC does not match" in said


def test_the_chain_holds_across_two_seals_with_changes_between(chained, drafter, vnpt, seal_file):
    seal_audit()
    partner_update(partner=vnpt, by=drafter, contact_phone="024 3772 5555")
    seal_audit()
    assert len(seal_file.read_text().splitlines()) == 2
    assert verify_audit() == (0, "")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # TRUNCATE wants no pending trigger events
def test_flush_is_refused_outside_the_test_runner(chained):
    """Only the test runner's own databases may be emptied with TRUNCATE; elsewhere flush is refused."""
    with pytest.raises(CommandError, match="couldn't be flushed") as refused:
        with transaction.atomic():  # the guard as installed outside the tests' databases, until rolled back
            with connection.cursor() as cursor:
                cursor.execute(truncate_guard(None))
            call_command("flush", interactive=False, verbosity=0)
    assert "append-only: TRUNCATE" in str(refused.value.__cause__)
    assert AuditLink.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_emptied_by_truncate_is_caught_by_the_seal(chained, seal_file):
    """Someone who may TRUNCATE (here the test runner's connection) empties the audit tables: the seal made
    before is what tells."""
    seal_audit()
    sealed = json.loads(seal_file.read_text())["link"]
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditLink.objects.exists()
    status, said = verify_audit()
    assert status == 1
    assert f"link {sealed}, sealed on " in said and "is no longer in the chain" in said
