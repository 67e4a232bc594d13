"""The audit record: every history row of every tracked model, every download, login, logout, failed login,
change of groups or object permissions and export of the record becomes an AuditEntry, written in the same
transaction as the event, whose `digest` is the SHA-256 of its content.

The entries are chained by AuditLink: each link hashes its entry's digest with the previous link's hash.
A link is made right after its entry's transaction commits, in a short transaction of its own under a
lock (PostgreSQL's advisory lock; SQLite has one writer), so the chain has one order and never forks,
and no writing transaction waits for another's. An entry whose transaction rolls back was never written.

`manage.py verify_audit` walks the chain and the sealed heads (core.seals) and names the first broken
link; PostgreSQL triggers refuse UPDATE and DELETE on the entries, the links and every history table
(core.protection)."""

import datetime
import hashlib
import json
import threading

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import JSONField, OuterRef, Subquery
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from core import http
from core.naming import own_label

GENESIS = "0" * 64
LOCK_KEY = 7_242_510  # the advisory lock of the chain's head
# An entry is linked just after its transaction commits; one older than this and still unlinked is broken.
LINK_GRACE = datetime.timedelta(minutes=5)
# How a model's rows tell the partner and the agreement they belong to, for the auditors' filters:
# {"app.model": function(instance) -> (partner id, agreement id)}. Apps register theirs in ready().
SCOPES = {}
# Checks apps add to verify_audit: functions yielding (what, problem) for records of their own.
CHECKS = []

# Within one process, links are made one at a time: SQLite (the demo) takes its write lock only at the
# first write, after the head is read. Across processes, PostgreSQL's advisory lock does the same.
_LINKING = threading.Lock()


def scope_for(label, function):
    SCOPES[label] = function


def scope_of(instance):
    label = instance._meta.label_lower
    try:
        if label in SCOPES:
            return SCOPES[label](instance)
    except ObjectDoesNotExist:  # a row whose parent is gone: no scope rather than no record
        return None, None
    return getattr(instance, "partner_id", None), getattr(instance, "agreement_id", None)


# --- Content and hashes ------------------------------------------------------------------------------

_ENCODER = DjangoJSONEncoder()


def plain(value):
    """A stored value as plain JSON: bytes by their SHA-256, a file by its stored name."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, (dict, list)):
        return json.loads(json.dumps(value, cls=DjangoJSONEncoder))
    return _ENCODER.default(value)  # dates, times, decimals, UUIDs: as DjangoJSONEncoder writes them


def row_content(row):
    """Every stored column of a row, as plain JSON values."""
    return {field.attname: plain(getattr(row, field.attname)) for field in row._meta.concrete_fields}


def history_content(row):
    """A history row's columns and, for a model whose many-to-many fields are tracked, the rows kept of
    them with it: what a change entry holds, and what verify_audit compares it with."""
    from simple_history.models import HistoricalRecords

    content = {"row": row_content(row)}
    m2m_fields = getattr(row, "_history_m2m_fields", None) or []
    if m2m_fields:
        content["m2m"] = {
            field.name: sorted((row_content(kept) for kept in
                                HistoricalRecords.m2m_models[field]._default_manager.filter(history=row)),
                               key=_canonical)
            for field in m2m_fields
        }
    return content


def _canonical(value):
    return json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _moment(at):
    return at.astimezone(datetime.UTC).isoformat(timespec="microseconds")


DIGESTED = ("actor_id", "kind", "model", "object_id", "partner_id", "agreement_id", "source", "label", "reason",
            "payload")


def digest_of(entry):
    content = {name: getattr(entry, name) for name in DIGESTED}
    content["at"] = _moment(entry.at)
    return hashlib.sha256(_canonical(content).encode()).hexdigest()


def link_hash(prev_hash, entry_id, digest):
    return hashlib.sha256(f"{prev_hash}\n{entry_id}\n{digest}".encode()).hexdigest()


# --- Writing -----------------------------------------------------------------------------------------

def record(kind, *, actor_id=None, model="", object_id=None, partner_id=None, agreement_id=None, source="",
           label="", reason="", payload=None, at=None):
    """Write one entry in the current transaction; it joins the chain once the transaction commits."""
    from core.models import AuditEntry

    entry = AuditEntry(at=at or timezone.now(), actor_id=actor_id, kind=kind, model=model, object_id=object_id,
                       partner_id=partner_id, agreement_id=agreement_id, source=source, label=str(label)[:200],
                       reason=str(reason or ""), payload=json.loads(_canonical(payload or {})))
    entry.digest = digest_of(entry)
    entry.save()
    _link_on_commit(entry.pk)
    return entry


class _Pending:
    """The entries written at one savepoint level of a transaction, linked together once it commits."""

    def __init__(self):
        self.ids = []
        # Django names a robust callback that failed by its __qualname__ when it logs the failure.
        self.__qualname__ = self.__name__ = "core.audit.link"

    def __call__(self):
        link(self.ids)


def _link_on_commit(entry_id):
    level = set(connection.savepoint_ids)
    for savepoints, function, _robust in connection.run_on_commit:
        if isinstance(function, _Pending) and savepoints == level:
            function.ids.append(entry_id)
            return
    pending = _Pending()
    pending.ids.append(entry_id)
    # Robust: a link that fails after the change committed is made by the next sweep (seal_audit).
    transaction.on_commit(pending, robust=True)


def link(entry_ids=None):
    """Chain the given entries (or every entry not yet chained), in the order they were written.

    On PostgreSQL one statement does it: the function audit_link (core.protection) takes the advisory
    lock, reads the head and writes the links, hashing exactly as link_hash does. Elsewhere, Python."""
    from core.models import AuditEntry, AuditLink

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT audit_link(%s::bigint[])", [list(entry_ids) if entry_ids is not None else None])
            return cursor.fetchone()[0]
    with _LINKING, transaction.atomic():
        head = AuditLink.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS
        waiting = AuditEntry.objects.filter(link__isnull=True)
        if entry_ids is not None:
            waiting = waiting.filter(id__in=entry_ids)
        now, links = timezone.now(), []
        for entry_id, digest in waiting.order_by("id").values_list("id", "digest").iterator(chunk_size=2000):
            links.append(AuditLink(entry_id=entry_id, prev_hash=head, hash=link_hash(head, entry_id, digest),
                                   linked_at=now))
            head = links[-1].hash
        # The links are the chain itself, not tracked domain data: written once, in one statement.
        AuditLink.objects.bulk_create(links, batch_size=2000)
    return len(links)


def current_user_id():
    """The person behind the current request, for events that signals report without one."""
    from simple_history.models import HistoricalRecords

    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user.pk if user is not None and user.is_authenticated else None


def client_address(request):
    """The address the login throttling counts by (core.http.client_address), None without a request."""
    return (http.client_address(request) or None) if request is not None else None


# --- What the chain records --------------------------------------------------------------------------

def with_previous_rows(entries):
    """Entries annotated with `previous_row`: the content of the history row their object had before
    theirs (one probe of the index model, object_id, id each). What changed is worked out when it is
    read, so that a write costs no extra read."""
    from core.models import AuditEntry

    earlier = AuditEntry.objects.filter(kind="change", model=OuterRef("model"), object_id=OuterRef("object_id"),
                                        id__lt=OuterRef("id")).order_by("-id")
    return entries.annotate(previous_row=Subquery(earlier.values("payload__row")[:1], output_field=JSONField()),
                            previous_m2m=Subquery(earlier.values("payload__m2m")[:1], output_field=JSONField()))


def changes_of(entry):
    """{field attname: [before, after]} of a change entry read through with_previous_rows (for a creation:
    every field it set, before None)."""
    if entry.kind != "change" or "row" not in entry.payload:
        return {}
    try:
        model = apps.get_model(entry.model)
    except (LookupError, ValueError):
        return {}
    row, previous = entry.payload["row"], _json(getattr(entry, "previous_row", None))
    changes = {}
    for field in model._meta.concrete_fields:
        after = row.get(field.attname)
        before = previous.get(field.attname) if previous is not None else None
        if before != after and not (previous is None and after in (None, "", [], {})):
            changes[field.attname] = [before, after]
    kept, earlier = entry.payload.get("m2m") or {}, _json(getattr(entry, "previous_m2m", None)) or {}
    for name, rows in kept.items():
        after, before = _targets(model, name, rows), _targets(model, name, earlier.get(name) or [])
        if after != before and not (previous is None and not after):
            changes[name] = [before, after]
    return changes


def _json(value):
    """A JSON value read by a subquery: SQLite hands it back as text."""
    return json.loads(value) if isinstance(value, str) else value


def _targets(model, name, rows):
    """The ids a tracked many-to-many field pointed to, from the rows kept of it."""
    column = model._meta.get_field(name).m2m_reverse_name()
    return sorted(row.get(column) for row in rows)


def record_history(sender, instance, history_instance, **kwargs):
    """simple-history's post_create_historical_record: the new history row becomes an entry."""
    row = history_instance
    label = instance._meta.label_lower
    partner_id, agreement_id = scope_of(instance)
    record("change", actor_id=row.history_user_id, at=row.history_date, model=label,
           object_id=row.id, partner_id=partner_id, agreement_id=agreement_id,
           source=f"{row._meta.label_lower}:{row.history_id}", label=own_label(row),
           reason=row.history_change_reason or "",
           payload={"type": row.history_type, **history_content(row)})


def record_download(download, *, partner_id=None, agreement_id=None):
    record("download", actor_id=download.user_id, at=download.at, model=download._meta.label_lower,
           object_id=download.pk, partner_id=partner_id, agreement_id=agreement_id,
           source=f"{download._meta.label_lower}:{download.pk}", label=download.filename,
           payload={"row": row_content(download)})


# --- Reading one object's entries -------------------------------------------------------------------

def change_entry(label, object_id, *, newest=False):
    """The entry of the first change of one object (its creation), or with newest=True its last one, with
    its link; None when the record holds none."""
    from core.models import AuditEntry

    entries = AuditEntry.objects.filter(kind="change", model=label, object_id=object_id).select_related("link")
    return entries.order_by("-id" if newest else "id").first()


def live_row_problem(obj):
    """Why a live row cannot be trusted: its last audit entry does not hold, or the row differs from what
    that entry recorded (changed past the application). None when it agrees."""
    entry = change_entry(obj._meta.label_lower, obj.pk, newest=True)
    problem = entry_problem(entry)
    if problem:
        return problem
    kept, now = entry.payload.get("row") or {}, row_content(obj)
    differs = sorted(name for name, value in now.items() if kept.get(name) != value)
    return f"it differs from its last audit entry in: {', '.join(differs)}" if differs else None


def entry_problem(entry):
    """Why one entry cannot be trusted (changed, never chained, its link or the link before it altered),
    or None when it holds."""
    from core.models import AuditLink

    if entry is None:
        return "no audit entry recorded it"
    if digest_of(entry) != entry.digest:
        return "its audit entry was changed"
    try:
        link = entry.link
    except AuditLink.DoesNotExist:
        # Linked right after its transaction commits: only an entry older than that is out of the chain.
        return "its audit entry is not in the chain" if entry.at < timezone.now() - LINK_GRACE else None
    if link.hash != link_hash(link.prev_hash, entry.pk, entry.digest):
        return "its link in the chain was changed"
    before = AuditLink.objects.filter(id__lt=link.pk).order_by("-id").values_list("hash", flat=True).first()
    if link.prev_hash != (before or GENESIS):
        return "the chain before its link was changed"
    return None
