"""The append-only audit chain: every history row joins a chain of hashes in the same transaction, and
`manage.py verify_audit` names the first link that no longer holds when rows are altered with SQL."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from agreements.models import Agreement, Clause
from agreements.services import Row, agreement_update
from core.models import AuditEntry
from tests.factories import draft

pytestmark = pytest.mark.django_db


def _verify():
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=err)
    except SystemExit as stop:
        return stop.code, err.getvalue()
    return 0, out.getvalue()


def _sql(statement, params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def edited(drafter, vnpt):
    """A draft, then its first clause reworded: history rows, each in the chain."""
    agreement = draft(by=drafter, partner=vnpt)
    clause = agreement.clauses.first()
    agreement_update(agreement=agreement, by=drafter, reason="Sửa điều khoản", clauses=[
        Row(c.pk, {"text": "Nội dung mới."} if c.pk == clause.pk else {}) for c in agreement.clauses.all()])
    return agreement, clause


def test_every_history_row_is_a_link_of_one_chain(edited):
    agreement, clause = edited
    row = Clause.history.filter(id=clause.pk).first()
    entry = AuditEntry.objects.get(target=f"agreements.historicalclause:{row.pk}")
    assert entry.payload["fields"]["text"] == "Nội dung mới."
    assert entry.payload["fields"]["history_change_reason"] == "Sửa điều khoản"
    hashes = list(AuditEntry.objects.order_by("id").values_list("prev_hash", "hash"))
    assert all(prev == earlier for (prev, _), (_, earlier) in zip(hashes[1:], hashes[:-1]))


def test_the_intact_chain_holds(edited):
    code, said = _verify()
    assert (code, said.startswith("The audit chain holds:")) == (0, True)


def test_a_history_rows_author_and_reason_rewritten_with_sql_are_caught(edited, vietsens_user):
    _, clause = edited
    row = Clause.history.filter(id=clause.pk).first()
    _sql("UPDATE agreements_historicalclause SET history_change_reason = %s, history_user_id = %s "
         "WHERE history_id = %s", ["Không có gì", vietsens_user.pk, row.pk])
    code, said = _verify()
    assert code == 1
    assert f"(agreements.historicalclause:{row.pk}," in said
    assert "its history row was changed: history_change_reason, history_user_id." in said


def test_a_deleted_history_step_is_caught(edited):
    _, clause = edited
    row = Clause.history.filter(id=clause.pk).first()
    _sql("DELETE FROM agreements_historicalclause WHERE history_id = %s", [row.pk])
    code, said = _verify()
    assert (code, "its history row was deleted" in said) == (1, True)


def test_a_link_deleted_from_the_chain_is_caught(edited):
    middle = AuditEntry.objects.order_by("id")[AuditEntry.objects.count() // 2]
    _sql("DELETE FROM core_auditentry WHERE id = %s", [middle.pk])
    code, said = _verify()
    assert (code, "the previous link is missing or was changed" in said) == (1, True)


def test_a_field_changed_with_its_history_row_is_caught(edited):
    agreement, _ = edited
    row = Agreement.history.filter(id=agreement.pk).first()
    _sql("UPDATE agreements_agreement SET place = %s WHERE id = %s", ["Đà Nẵng", agreement.pk])
    _sql("UPDATE agreements_historicalagreement SET place = %s WHERE history_id = %s", ["Đà Nẵng", row.pk])
    code, said = _verify()
    assert (code, "its history row was changed: place." in said) == (1, True)
