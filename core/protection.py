"""What keeps the audit data as written, installed after every `migrate`:

- on PostgreSQL, triggers on every history table, the audit entries and links and the download log
  refuse UPDATE, DELETE and TRUNCATE, whoever asks: the UI, the admin, a management command or a SQL console.
  (A database superuser can still switch triggers off; the chain and its sealed heads catch what they
  then change.)
- the history rows written before the audit record existed are entered in it once, oldest first."""

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from simple_history.models import HistoricalChanges

from core import audit
from core.naming import own_label

FUNCTION = """
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit data is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
"""


# TRUNCATE passes row triggers (manage.py flush uses it): refused too. Only in a database whose name
# matches AUDIT_TRUNCATABLE_DATABASES (a LIKE pattern; the test settings' "test\_%") is it let through,
# so that the test runner may empty its own throwaway databases; no session can switch that on.
TRUNCATE_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF %(allowed)s THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'audit data is append-only: TRUNCATE on %% refused', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
"""

# The chain's links, made in one statement: the advisory lock, the head, then each waiting entry in the
# order written, hashed exactly as core.audit.link_hash does (verify_audit recomputes them in Python).
LINK_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_link(wanted bigint[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    head text;
    waiting record;
    made integer := 0;
BEGIN
    -- Links can be made again from the entries (the next sweep does): no need to wait for the disk.
    PERFORM set_config('synchronous_commit', 'off', true);
    PERFORM pg_advisory_xact_lock(%(lock)s);
    SELECT hash INTO head FROM core_auditlink ORDER BY id DESC LIMIT 1;
    head := coalesce(head, '%(genesis)s');
    FOR waiting IN
        SELECT entry.id, entry.digest FROM core_auditentry entry
        WHERE (wanted IS NULL OR entry.id = ANY(wanted))
          AND NOT EXISTS (SELECT 1 FROM core_auditlink made WHERE made.entry_id = entry.id)
        ORDER BY entry.id
    LOOP
        INSERT INTO core_auditlink (entry_id, prev_hash, hash, linked_at)
        VALUES (waiting.id, head,
                encode(sha256(convert_to(head || E'\\n' || waiting.id::text || E'\\n' || waiting.digest, 'UTF8')),
                       'hex'),
                clock_timestamp())
        RETURNING hash INTO head;
        made := made + 1;
    END LOOP;
    RETURN made;
END
$$;
""" % {"lock": audit.LOCK_KEY, "genesis": audit.GENESIS}


def history_models():
    """Every history table: one per tracked model, and one per tracked many-to-many field."""
    return [model for model in apps.get_models() if issubclass(model, HistoricalChanges)]


def is_row_history(model):
    """A tracked model's own history (not the rows of a many-to-many field kept with it)."""
    return any(field.name == "history_date" for field in model._meta.fields)


def protected_tables():
    from core.models import AuditEntry, AuditLink, DownloadRecord

    return sorted({model._meta.db_table for model in [*history_models(), AuditEntry, AuditLink, DownloadRecord]})


def truncate_guard(truncatable=None):
    """The function behind the TRUNCATE triggers; `truncatable`: a LIKE pattern of database names where
    TRUNCATE is let through (None: nowhere)."""
    allowed = "false" if not truncatable else f"current_database() LIKE {_literal(truncatable)}"
    return TRUNCATE_FUNCTION % {"allowed": allowed}


def _literal(text):
    return "'" + str(text).replace("'", "''") + "'"


def install_triggers():
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(FUNCTION)
        cursor.execute(truncate_guard(getattr(settings, "AUDIT_TRUNCATABLE_DATABASES", None)))
        cursor.execute(LINK_FUNCTION)
        for table in protected_tables():
            name = connection.ops.quote_name(table)
            cursor.execute(f"DROP TRIGGER IF EXISTS audit_append_only ON {name}")
            cursor.execute(f"CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON {name} "
                           "FOR EACH ROW EXECUTE FUNCTION audit_append_only()")
            cursor.execute(f"DROP TRIGGER IF EXISTS audit_no_truncate ON {name}")
            cursor.execute(f"CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON {name} "
                           "FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate()")


@transaction.atomic  # one transaction: the entries are chained together once it commits
def enter_earlier_history():
    """Once, when the audit record is empty: every history row already written becomes an entry."""
    from core.models import AuditEntry

    if AuditEntry.objects.exists():
        return 0
    rows = []
    for model in history_models():
        if is_row_history(model):
            rows.extend(model._default_manager.order_by("history_id"))
    rows.sort(key=lambda row: (row.history_date, row._meta.label_lower, row.history_id))
    for row in rows:
        partner_id, agreement_id = audit.scope_of(row.instance)
        audit.record("change", actor_id=row.history_user_id, at=row.history_date,
                     model=row.instance_type._meta.label_lower, object_id=row.id, partner_id=partner_id,
                     agreement_id=agreement_id, source=f"{row._meta.label_lower}:{row.history_id}",
                     label=own_label(row), reason=row.history_change_reason or "",
                     payload={"type": row.history_type, **audit.history_content(row)})
    return len(rows)


def after_migrate(sender, using=None, **kwargs):
    if sender.name != "core" or using not in (None, "default"):
        return
    install_triggers()
    enter_earlier_history()
