"""Entries join the chain as their transaction commits, with no help; writers committing at once each get
their entries linked exactly once, in one chain that never forks (issue 10, item 1). Real commits and
real PostgreSQL locks, so transactional tests, threads on their own connections as in
tests/agreements/test_concurrent_moves.py."""

import threading

import pytest
from django.db import connection

from core.models import AuditEntry, AuditLink
from partners.services import partner_update
from tests.core.auditing import verify_audit
from tests.factories import PartnerFactory

race = pytest.mark.django_db(transaction=True, serialized_rollback=True)
WRITERS = 6


@race
def test_a_committed_change_joins_the_chain_without_help(drafter, vnpt):
    partner_update(partner=vnpt, by=drafter, contact_phone="024 3772 5555")
    entry = AuditEntry.objects.get(model="partners.partner", object_id=vnpt.pk,
                                   payload__row__contact_phone="024 3772 5555")
    assert AuditLink.objects.filter(entry=entry).exists()
    assert not AuditEntry.objects.filter(link__isnull=True).exists()


@race
def test_writers_committing_at_once_are_each_linked_once_in_one_chain(drafter):
    partners = [PartnerFactory() for _ in range(WRITERS)]
    barrier, failures = threading.Barrier(WRITERS), []

    def write(partner):
        try:
            barrier.wait(10)
            for number in range(3):
                partner_update(partner=partner, by=drafter, contact_phone=f"024 0000 {number}")
        except Exception as failure:  # noqa: BLE001 - reported by the test below
            failures.append(failure)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(partner,)) for partner in partners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    written = AuditEntry.objects.filter(model="partners.partner", object_id__in=[p.pk for p in partners],
                                        payload__row__contact_phone__startswith="024 0000")
    assert written.count() == WRITERS * 3
    assert AuditLink.objects.filter(entry__in=written).count() == WRITERS * 3
    assert AuditLink.objects.count() == AuditEntry.objects.count()
    chain = list(AuditLink.objects.order_by("id").values_list("id", "prev_hash", "hash"))
    forks = [link_id for (link_id, prev, _h), (_i, _p, before) in zip(chain[1:], chain, strict=False) if prev != before]
    assert forks == []
    assert verify_audit() == (0, "")


@race
def test_a_link_that_fails_after_commit_leaves_the_change_done_and_the_entry_for_the_sweep(drafter, vnpt, monkeypatch):
    def broken(entry_ids=None):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("core.audit.link", broken)
    partner_update(partner=vnpt, by=drafter, contact_phone="024 3772 5555")  # no error reaches the writer
    monkeypatch.undo()
    vnpt.refresh_from_db()
    assert vnpt.contact_phone == "024 3772 5555"
    waiting = AuditEntry.objects.filter(link__isnull=True, payload__row__contact_phone="024 3772 5555")
    assert waiting.count() == 1
    from core import audit

    audit.link()  # what the next seal_audit does
    assert not waiting.exists()
