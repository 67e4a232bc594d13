"""The auditors' timeline: every entry of the audit record, newest first, as the filters select them;
each entry described for a reader with a fixed number of queries per page, whatever the data (one for the
agreements named, one for the partners, one per related model of the changes shown); paged by id
(keyset, never OFFSET or COUNT), so that a page a million entries deep costs what the first costs."""

import datetime
import functools
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from agreements.models import Agreement
from core import audit, changes
from core.models import AuditEntry, DownloadRecord
from core.naming import ObjectName, owned
from core.timeline import HISTORY_TYPES
from partners.models import Partner
from portal.forms import EVENTS

PAGE = 50
EMPTY = "—"
# A login refused without its password being checked, that name and address cooling off (core.lockout).
LOCKED_OUT = _("Locked out: too many failed logins of this name from this address")
GRANTS = {"granted": _("granted"), "revoked": _("revoked"), "second_factor_enrolled": _("second factor set up"),
          "second_factor_reset": _("second factor reset"), "recovery_codes_renewed": _("recovery codes renewed"),
          "lockout_lifted": _("lockout lifted")}
SECOND_FACTOR = {"recovery_code": _("a recovery code used"), "wrong_code": _("a wrong second-factor code"),
                 "throttled": _("a code tried while waiting after wrong codes")}


def selected(filters):
    """The entries the filters (AuditFilterForm.cleaned_data) select, newest first. Each filter is a
    column with an index that ends in id (core.models.AuditEntry), so each page reads only its rows."""
    entries = audit.with_previous_rows(AuditEntry.objects.order_by("-id"))
    if filters.get("person"):
        entries = entries.filter(actor=filters["person"])
    if filters.get("partner"):
        entries = entries.filter(partner_id=filters["partner"].pk)
    if filters.get("agreement"):
        entries = entries.filter(agreement_id__in=filters["agreement"])
    if filters.get("model"):
        entries = entries.filter(model=filters["model"])
    if filters.get("event"):
        entries = entries.filter(kind__in=EVENTS[filters["event"]])
    if filters.get("since"):
        entries = entries.filter(at__gte=_start_of(filters["since"]))
    if filters.get("until"):
        entries = entries.filter(at__lt=_start_of(filters["until"] + datetime.timedelta(days=1)))
    return entries


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def page_of(entries, before):
    """The entries older than id `before` (None: the newest), at most PAGE of them, and the id to ask
    for the next page with (None on the last page): one query, whatever the depth."""
    if before is not None:
        entries = entries.filter(id__lt=before)
    rows = list(entries.select_related("actor")[:PAGE + 1])
    return rows[:PAGE], (rows[PAGE - 1].id if len(rows) > PAGE else None)


@dataclass
class Row:
    entry: AuditEntry
    when: str
    who: str
    event: str
    action: str
    name: ObjectName
    changes: list = field(default_factory=list)
    details: list = field(default_factory=list)  # [(label, value)] of an event that changes no field

    @property
    def reason(self):
        if self.entry.kind == AuditEntry.Kind.LOGIN_FAILED and self.entry.payload.get("locked_out"):
            return str(LOCKED_OUT)
        return self.entry.reason

    def lines(self):
        """The changes and details as plain lines, for an export's one cell."""
        return [str(change) for change in self.changes] + [f"{label}: {value}" for label, value in self.details]


def describe(entries):
    """[Row] for the entries, every name resolved in batches (see the module's docstring)."""
    agreements = Agreement.objects.select_related("partner").in_bulk(
        {e.agreement_id for e in entries if e.agreement_id})
    partners = Partner.objects.in_bulk({e.partner_id for e in entries if e.partner_id and not e.agreement_id})
    pages = _own_pages(entries)
    described = changes.describe([_field_changes(e) for e in entries])
    return [Row(entry=e, when=timezone.localtime(e.at).strftime("%d/%m/%Y %H:%M"), who=_who(e),
                event=e.get_kind_display(), action=_action(e), name=_name(e, agreements, partners, pages),
                changes=changed, details=_details(e))
            for e, changed in zip(entries, described, strict=True)]


@functools.cache
def model_of(label):
    try:
        return apps.get_model(label) if label else None
    except (LookupError, ValueError):
        return None


def _who(entry):
    if entry.kind == AuditEntry.Kind.LOGIN_FAILED:
        return entry.payload.get("username") or entry.label or EMPTY
    if entry.actor is None:
        return EMPTY
    return entry.actor.get_full_name() or entry.actor.get_username()


def _action(entry):
    if entry.kind == AuditEntry.Kind.CHANGE:
        return str(HISTORY_TYPES.get(entry.payload.get("type"), ""))
    return str(GRANTS.get(entry.payload.get("action"), "")) if entry.kind == AuditEntry.Kind.PERMISSION else ""


def _kind(entry):
    if entry.kind == AuditEntry.Kind.DOWNLOAD:
        what = (entry.payload.get("row") or {}).get("what")
        return str(DownloadRecord.What(what).label) if what in DownloadRecord.What.values else str(
            DownloadRecord._meta.verbose_name)
    model = model_of(entry.model)
    return str(model._meta.verbose_name) if model is not None else (entry.model or EMPTY)


def _name(entry, agreements, partners, pages):
    """Under its agreement, by the agreement's current name, else under its partner's short name; the
    owner's own entries named by the owner alone."""
    kind = _kind(entry)
    agreement = agreements.get(entry.agreement_id)
    if agreement is not None:
        itself = entry.model == "agreements.agreement" and entry.object_id == agreement.pk
        return owned(agreement, kind, "" if itself else entry.label)
    partner = partners.get(entry.partner_id)
    if partner is not None:
        itself = entry.model == "partners.partner" and entry.object_id == partner.pk
        return ObjectName(kind=kind, label="" if itself else entry.label, owner=partner.short_name,
                          owner_url=partner.get_absolute_url())
    return ObjectName(kind=kind, label=entry.label, url=pages.get((entry.model, entry.object_id), ""))


def _own_pages(entries):
    """{(model, id): URL} of the objects with a page of their own and no agreement or partner to be
    named under: one query per such model on the page."""
    wanted = {}
    for entry in entries:
        model = model_of(entry.model)
        if (entry.object_id and not entry.agreement_id and not entry.partner_id and model is not None
                and hasattr(model, "get_absolute_url") and entry.kind != AuditEntry.Kind.DOWNLOAD):
            wanted.setdefault(model, set()).add(entry.object_id)
    return {(model._meta.label_lower, pk): obj.get_absolute_url()
            for model, ids in wanted.items() for pk, obj in model._base_manager.in_bulk(ids).items()}


def _field_changes(entry):
    if entry.kind != AuditEntry.Kind.CHANGE:
        return []
    model = model_of(entry.model)
    found = []
    for attname, (old, new) in audit.changes_of(entry).items():
        try:
            model_field = model._meta.get_field(attname) if model is not None else attname
        except FieldDoesNotExist:
            model_field = attname
        if isinstance(model_field, str) or changes.shown(model_field):
            found.append((model_field, old, new))
    return found


def _details(entry):
    payload, kind = entry.payload, entry.kind
    if kind == AuditEntry.Kind.DOWNLOAD:
        return [(_("IP address"), (payload.get("row") or {}).get("ip_address") or EMPTY)]
    if kind in (AuditEntry.Kind.LOGIN, AuditEntry.Kind.LOGOUT, AuditEntry.Kind.LOGIN_FAILED):
        second = [(_("Second factor"), SECOND_FACTOR.get(payload["second_factor"], payload["second_factor"]))
                  ] if payload.get("second_factor") else []
        if "recovery_codes_left" in payload:
            second.append((_("Recovery codes left"), payload["recovery_codes_left"]))
        return [(_("IP address"), payload.get("ip") or EMPTY)] + second
    if kind == AuditEntry.Kind.PERMISSION:
        if "flags" in payload:
            return [(pgettext_lazy("permissions", "Of"), payload.get("of") or EMPTY)] + [
                (name, f"{EMPTY if old is None else old} → {new}") for name, (old, new) in payload["flags"].items()]
        if "permission" in payload:
            return [(_("Permission"), payload["permission"]), (_("Holder"), payload.get("holder_name") or EMPTY)]
        return [(pgettext_lazy("permissions", "Of"), payload.get("of") or EMPTY),
                (_("Items"), ", ".join(str(item) for item in payload.get("items") or []) or EMPTY)]
    if kind == AuditEntry.Kind.EXPORT:
        filters = payload.get("filters") or {}
        return [(_("Format"), str(payload.get("format", "")).upper()),
                (_("Filters"), ", ".join(f"{k}={v}" for k, v in sorted(filters.items())) or EMPTY)]
    return []


def name_downloads(records):
    """Set `name` on each DownloadRecord as the timeline names it (under its agreement or partner), from
    the download's audit entry: three queries for the page, whatever its rows. A download recorded
    before the audit record existed goes by its kind and id."""
    scopes = {object_id: (agreement_id, partner_id) for object_id, agreement_id, partner_id in
              AuditEntry.objects.filter(model=DownloadRecord._meta.label_lower,
                                        object_id__in=[r.pk for r in records])
              .values_list("object_id", "agreement_id", "partner_id")}
    agreements = Agreement.objects.select_related("partner").in_bulk(
        {a for a, _p in scopes.values() if a})
    partners = Partner.objects.in_bulk({p for a, p in scopes.values() if p and not a})
    for record in records:
        agreement_id, partner_id = scopes.get(record.pk, (None, None))
        kind = record.get_what_display()
        if agreement_id in agreements:
            record.name = owned(agreements[agreement_id], kind)
        elif partner_id in partners:
            partner = partners[partner_id]
            record.name = ObjectName(kind=kind, owner=partner.short_name, owner_url=partner.get_absolute_url())
        elif record.what == DownloadRecord.What.AGREEMENT_LIST:
            record.name = ObjectName(kind=kind, label=record.filename)
        else:
            record.name = ObjectName(kind=kind, label=f"#{record.object_id}")
