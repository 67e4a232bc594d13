"""Reading the audit record and breaking it as an attacker with the database's superuser would, for the
tests of test_audit_*.py.

A plain test's transaction never commits, so nothing links its entries: `linked()` does what the commit
would have done. `tamper()` switches the append-only triggers off for one statement, as a database
superuser can; the chain and the seals are what must catch it then."""

import io

from django.core.management import call_command
from django.db import connection, transaction

from core import audit
from core.models import AuditEntry


def linked():
    """Chain every waiting entry, as the commit of their transaction would."""
    return audit.link()


def entries(**filters):
    """The entries matching `filters`, oldest first, each able to say what changed (audit.changes_of)."""
    return list(audit.with_previous_rows(AuditEntry.objects.filter(**filters)).order_by("id"))


def tamper(sql, params=()):
    """Run one UPDATE, DELETE or INSERT past the triggers (a superuser's session_replication_role)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)
        return cursor.rowcount


def verify_audit(*args):
    """(exit status, what verify_audit wrote to stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_audit", *args, stdout=out, stderr=err)
    except SystemExit as leaving:
        return leaving.code, err.getvalue()
    return 0, err.getvalue()


def seal_audit():
    out = io.StringIO()
    call_command("seal_audit", stdout=out)
    return out.getvalue()
