"""The append-only audit chain. Every history row a tracked model writes becomes an AuditEntry, in the
same transaction, whose hash covers its content and the previous entry's hash: changing a history row
with SQL, or deleting one, breaks the chain at that link, and `manage.py verify_audit` names it.

Appends are serialised (a transaction-scoped advisory lock on PostgreSQL; SQLite has one writer), so
the chain never forks."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.models.fields.files import FieldFile

GENESIS = "0" * 64
LOCK_KEY = 7_242_510  # pg_advisory_xact_lock key of the chain's head


def history_payload(history_row):
    """The content of a history row, every stored column, as plain JSON values (bytes by their SHA-256,
    a file by its stored name)."""
    meta = history_row._meta
    fields = {field.attname: _plain(getattr(history_row, field.attname)) for field in meta.concrete_fields}
    return json.loads(json.dumps({"model": meta.label_lower, "fields": fields}, cls=DjangoJSONEncoder))


def _plain(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, FieldFile):
        return value.name or ""
    return value


def link_hash(prev_hash, *, at, actor_id, kind, target, payload):
    body = json.dumps({"at": at, "actor": actor_id, "kind": kind, "target": target, "payload": payload},
                      cls=DjangoJSONEncoder, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def append(*, at, actor_id, kind, target, payload):
    from core.models import AuditEntry

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
    head = AuditEntry.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS
    at = at.isoformat()
    entry = AuditEntry(at=at, actor_id=actor_id, kind=kind, target=target, payload=payload, prev_hash=head,
                       hash=link_hash(head, at=at, actor_id=actor_id, kind=kind, target=target, payload=payload))
    entry.save()  # the chain is written once and never through the tracking helpers: it is the record
    return entry


def record_history(sender, history_instance, **kwargs):
    """simple-history's post_create_historical_record: the new row joins the chain."""
    append(at=history_instance.history_date, actor_id=history_instance.history_user_id, kind="change",
           target=f"{history_instance._meta.label_lower}:{history_instance.pk}",
           payload=history_payload(history_instance))


def broken_links(entries, history_model_for):
    """Yield (entry, what is wrong) for each link that does not hold, in chain order."""
    prev = GENESIS
    for entry in entries:
        at = entry.at.isoformat()
        if entry.prev_hash != prev:
            yield entry, "the previous link is missing or was changed"
        elif entry.hash != link_hash(prev, at=at, actor_id=entry.actor_id, kind=entry.kind, target=entry.target,
                                     payload=entry.payload):
            yield entry, "the entry was changed"
        elif entry.kind == "change":
            label, _, pk = entry.target.rpartition(":")
            row = history_model_for(label).objects.filter(pk=pk).first()
            if row is None:
                yield entry, "its history row was deleted"
            elif history_payload(row) != entry.payload:
                differs = sorted(k for k, v in history_payload(row)["fields"].items()
                                 if entry.payload["fields"].get(k) != v)
                yield entry, "its history row was changed: " + ", ".join(differs)
        prev = entry.hash
