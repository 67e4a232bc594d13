"""The history written before the audit record existed is entered in it once, oldest first, after
`migrate`: the record then holds against every history row (core.protection.enter_earlier_history)."""

import pytest

from core import audit
from core.models import AuditEntry
from core.protection import enter_earlier_history, history_models, is_row_history
from partners.services import partner_update
from tests.core.auditing import entries, linked, tamper, verify_audit

pytestmark = pytest.mark.django_db


@pytest.fixture
def history_without_record(drafter, vnpt):
    """VNPT-IT and its change, as if written before the audit record: the entries and links are gone."""
    partner_update(partner=vnpt, by=drafter, contact_phone="024 3772 5555", reason="Đầu mối mới")
    tamper("DELETE FROM core_auditlink")
    tamper("DELETE FROM core_auditentry")
    return vnpt


def test_every_earlier_history_row_becomes_one_entry_and_the_record_holds(history_without_record):
    rows = sum(model.objects.count() for model in history_models() if is_row_history(model))
    assert enter_earlier_history() == rows
    assert AuditEntry.objects.filter(kind="change").count() == rows
    linked()
    assert verify_audit() == (0, "")


def test_earlier_history_is_entered_with_who_and_why(history_without_record, drafter):
    enter_earlier_history()
    entry = entries(model="partners.partner", object_id=history_without_record.pk)[-1]
    assert (entry.actor, entry.reason, entry.partner_id) == (drafter, "Đầu mối mới", history_without_record.pk)
    assert audit.changes_of(entry)["contact_phone"] == ["", "024 3772 5555"]


def test_earlier_history_is_entered_only_while_the_record_is_empty(history_without_record):
    enter_earlier_history()
    assert enter_earlier_history() == 0
