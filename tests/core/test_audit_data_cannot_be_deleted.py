"""Nothing deletes or changes audit data: PostgreSQL refuses UPDATE and DELETE on every history table, the
audit entries and links and the download log, whoever asks (a management command included), and the admin
offers neither (issue 10, item 7)."""

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from core.models import AuditEntry, AuditLink, DownloadRecord
from core.protection import protected_tables
from core.tracking import tracked_save
from partners.models import Partner
from tests.core.auditing import linked

pytestmark = pytest.mark.django_db

STATEMENTS = {"UPDATE": "UPDATE {table} SET id = id", "DELETE": "DELETE FROM {table}"}


@pytest.fixture
def recorded(drafter, vnpt):
    """VNPT-IT's history rows, their entries and links, and a download: a row in each table at stake."""
    DownloadRecord.objects.create(user=drafter, what=DownloadRecord.What.DRAFT_MINUTES, object_id=1,
                                  filename="du-thao.pdf")
    linked()
    return vnpt


@pytest.mark.parametrize("table", ["partners_historicalpartner", "core_auditentry", "core_auditlink",
                                   "core_downloadrecord"])
@pytest.mark.parametrize("statement", STATEMENTS)
def test_the_database_refuses_to_change_or_delete_audit_rows(recorded, table, statement):
    with pytest.raises(DatabaseError, match=f"audit data is append-only: {statement} on {table} refused"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(STATEMENTS[statement].format(table=table))


def test_every_history_table_and_audit_table_carries_the_trigger(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT event_object_table FROM information_schema.triggers "
                       "WHERE trigger_name = 'audit_append_only' AND event_manipulation = 'DELETE'")
        guarded = {row[0] for row in cursor.fetchall()}
    assert {"agreements_historicalagreement", "core_auditentry", "core_auditlink", "core_downloadrecord"} <= guarded
    assert set(protected_tables()) <= guarded


def test_deleting_the_chain_through_the_orm_is_refused(recorded):
    with pytest.raises(DatabaseError, match="append-only: DELETE"), transaction.atomic():
        AuditLink.objects.all().delete()
    assert AuditLink.objects.exists()


def test_clean_old_history_fails_to_delete_anything(recorded):
    before = Partner.history.count()
    with pytest.raises(DatabaseError, match="append-only: DELETE"), transaction.atomic():
        call_command("clean_old_history", "--auto", "--days", "0")
    assert Partner.history.count() == before


def test_clean_duplicate_history_fails_to_delete_anything(recorded, drafter):
    tracked_save(recorded, by=drafter, reason="Lưu lại")  # a duplicate row but for its moment
    before = Partner.history.count()
    with pytest.raises(DatabaseError, match="append-only: DELETE"), transaction.atomic():
        call_command("clean_duplicate_history", "--auto", "--excluded_fields", "updated_at")
    assert Partner.history.count() == before


@pytest.mark.parametrize("model", [AuditEntry, AuditLink, DownloadRecord], ids=lambda m: m.__name__)
def test_the_admin_refuses_a_superuser_the_delete_and_change_of_audit_rows(login, superuser, recorded, model):
    row = model.objects.order_by("id").first()
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    client = login(superuser)
    assert client.get(reverse(f"{name}_delete", args=[row.pk])).status_code == 403
    assert client.post(reverse(f"{name}_delete", args=[row.pk]), {"post": "yes"}).status_code == 403
    assert client.post(reverse(f"{name}_change", args=[row.pk]), {}).status_code == 403
    changelist = client.get(reverse(f"{name}_changelist"))
    assert "delete_selected" not in changelist.context["cl"].model_admin.get_actions(changelist.wsgi_request)
    assert model.objects.filter(pk=row.pk).exists()
