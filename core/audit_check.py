"""Checking the audit record (manage.py verify_audit): the chain link by link, each entry against the row
it recorded, history rows no entry recorded, entries never chained, the seals, and the checks apps add
(agreements: the signed copies). Each problem names the entry, the object, when, and what differs."""

from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.utils import timezone

from core import audit, seals
from core.protection import history_models, is_row_history

CHUNK = 2000


@dataclass
class Problem:
    where: str
    what: str

    def __str__(self):
        return f"{self.where}: {self.what}"


def describe(entry):
    by = f" by user {entry.actor_id}" if entry.actor_id else ""
    thing = f"{entry.model}:{entry.object_id}" if entry.model else "—"
    name = f" “{entry.label}”" if entry.label else ""
    return f"entry {entry.pk} ({entry.get_kind_display()} of {thing}{name}, {_when(entry.at)}{by})"


def problems(seal_path=None):
    """Every problem found, the chain's first."""
    from core.models import AuditEntry, AuditLink

    yield from _chain(AuditLink.objects.select_related("entry").order_by("id"))
    late = timezone.now() - audit.LINK_GRACE
    for entry in AuditEntry.objects.filter(link__isnull=True, at__lt=late).order_by("id")[:100]:
        yield Problem(describe(entry), "never joined the chain (its link was deleted, or it was inserted outside "
                                       "the application)")
    yield from _unrecorded_history()
    yield from _unrecorded_downloads()
    yield from _live_rows()
    yield from _seals(seal_path)
    for check in audit.CHECKS:
        yield from check()


def _chain(links):
    expected = audit.GENESIS
    chunk = []
    for link in links.iterator(chunk_size=CHUNK):
        entry = link.entry
        where = f"link {link.pk}, {describe(entry)}"
        if link.prev_hash != expected:
            yield Problem(where, "the link before it is missing or was changed")
        elif link.hash != audit.link_hash(link.prev_hash, entry.pk, entry.digest):
            yield Problem(where, "the link's hash does not match its entry")
        elif audit.digest_of(entry) != entry.digest:
            yield Problem(where, "the entry's content was changed after it was written")
        expected = link.hash
        chunk.append(entry)
        if len(chunk) == CHUNK:
            yield from _against_rows(chunk)
            chunk = []
    yield from _against_rows(chunk)


def _against_rows(entries):
    """Each entry against the row it recorded: a history row or the download log's row, fetched per model."""
    wanted = defaultdict(dict)
    for entry in entries:
        if entry.source:
            label, _sep, pk = entry.source.rpartition(":")
            wanted[label][int(pk)] = entry
    for label, by_pk in wanted.items():
        model = apps.get_model(label)
        rows = model._default_manager.in_bulk(list(by_pk))
        for pk, entry in sorted(by_pk.items()):
            row = rows.get(pk)
            if row is None:
                yield Problem(describe(entry), f"the row it recorded ({entry.source}) was deleted")
                continue
            kept = {key: entry.payload.get(key) for key in ("row", "m2m") if key in entry.payload}
            now = audit.history_content(row) if hasattr(row, "history_id") else {"row": audit.row_content(row)}
            if now != kept:
                yield Problem(describe(entry), f"the row it recorded ({entry.source}) was changed: "
                                               f"{_differences(kept, now)}")


def _differences(kept, now):
    fields = kept.get("row") or {}
    current = now.get("row") or {}
    changed = [f"{name} was {fields.get(name)!r}, is {current.get(name)!r}"
               for name in sorted(set(fields) | set(current)) if fields.get(name) != current.get(name)]
    if kept.get("m2m") != now.get("m2m"):
        changed.append("its related rows differ")
    return "; ".join(changed)


UNRECORDED = "no audit entry recorded it: it was written outside the application"


def _unrecorded(model, *columns):
    """(pk, *columns) of each row of `model` that no entry names as its source, in the order written."""
    from core.models import AuditEntry

    label = model._meta.label_lower
    recorded = set(AuditEntry.objects.filter(source__startswith=f"{label}:").values_list("source", flat=True))
    for values in model._default_manager.order_by("pk").values_list("pk", *columns).iterator(chunk_size=CHUNK):
        if f"{label}:{values[0]}" not in recorded:
            yield values


def _when(at):
    return timezone.localtime(at).strftime("%d/%m/%Y %H:%M:%S")


def _unrecorded_history():
    """History rows no entry recorded: written with SQL, past the application. (Many-to-many rows are
    recorded inside their parent row's entry.)"""
    for model in filter(is_row_history, history_models()):
        of = model.instance_type._meta.label_lower
        for pk, object_id, at in _unrecorded(model, "id", "history_date"):
            yield Problem(f"history row {model._meta.label_lower}:{pk} (of {of}:{object_id}, {_when(at)})", UNRECORDED)


def _unrecorded_downloads():
    """Rows of the download log no entry recorded: a download credited to someone with SQL."""
    from core.models import DownloadRecord

    for pk, user_id, at in _unrecorded(DownloadRecord, "user_id", "at"):
        yield Problem(f"download {pk} (user {user_id}, {_when(at)})", UNRECORDED)


def _live_rows():
    """Each tracked row as it is now against its latest history row (which the chain vouches for): a value
    changed with SQL past the history shows here. Rows loaded by data migrations have no history yet and
    are left to their first change."""
    for history in history_models():
        if not is_row_history(history):
            continue
        model = history.instance_type
        label = model._meta.label_lower
        names = [field.attname for field in model._meta.concrete_fields]
        latest = {}
        for values in history._default_manager.order_by("history_id").values(
                *names, "history_type", "history_id").iterator(chunk_size=CHUNK):
            latest[values[model._meta.pk.attname]] = values
        live = set()
        for values in model._base_manager.order_by("pk").values(*names).iterator(chunk_size=CHUNK):
            pk = values[model._meta.pk.attname]
            live.add(pk)
            kept = latest.get(pk)
            if kept is None:
                continue
            if kept["history_type"] == "-":
                yield Problem(f"{label}:{pk}", f"its history says it was deleted (history row {kept['history_id']}), "
                                               "yet it is there")
                continue
            differs = [name for name in names if audit.plain(values[name]) != audit.plain(kept[name])]
            if differs:
                yield Problem(f"{label}:{pk}", f"it differs from its last history row ({kept['history_id']}) in "
                                               f"{', '.join(differs)}: changed past the application")
        for pk, kept in latest.items():
            if pk not in live and kept["history_type"] != "-":
                yield Problem(f"{label}:{pk}", "it is gone, and its history does not say it was deleted")


def _seals(seal_path):
    from core.models import AuditLink

    sealed = seals.read_seals(seal_path)
    if not sealed:
        return
    ids = {seal["link"] for _n, seal in sealed if isinstance(seal, dict) and "link" in seal}
    hashes = dict(AuditLink.objects.filter(id__in=ids).values_list("id", "hash"))
    for number, seal in sealed:
        problem = seals.seal_problem(seal, hashes)
        if problem:
            yield Problem(f"seal on line {number} of {seal_path or seals.seal_file()}", problem)
