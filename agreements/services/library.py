"""Keeping the libraries drafters start from. Entries are never deleted (minutes cite them): a drafter
unticks "offered to drafters" instead."""

from django.db import transaction
from django.utils.translation import gettext as _

from agreements import permissions
from agreements.models import ClauseTemplate, LegalDocument
from core.exceptions import Refused, full_clean_or_refuse
from core.permissions import require
from core.tracking import changes, only, tracked_save

FIELDS = {
    LegalDocument: ("kind", "number", "name", "issuer", "issued_on", "summary", "in_force_from", "in_force_until",
                    "successors", "topics", "department", "position", "active"),
    ClauseTemplate: ("section", "heading", "text", "position", "active"),
}


@transaction.atomic
def library_entry_save(*, by, entry, **values):
    """Add a legal document or a standard clause (an unsaved `entry`), or change one."""
    require(permissions.can_draft(by), _("Your roles do not allow keeping the libraries."))
    only(values, FIELDS[type(entry)])
    adding = entry.pk is None
    if not adding:
        entry = type(entry).objects.select_for_update().get(pk=entry.pk)
    successors = values.pop("successors", None)
    if not adding:  # only what differs is written: an entry saved as it was records nothing
        values = changes(entry, values)
        if successors is not None:
            if any(s.pk == entry.pk for s in successors):
                raise Refused(_("A document cannot replace itself."))
            if {s.pk for s in successors} == set(entry.successors.values_list("pk", flat=True)):
                successors = None
    reason = _("Library entry added") if adding else _("Library entry changed")
    if adding or values:
        for name, value in values.items():
            setattr(entry, name, value)
        full_clean_or_refuse(entry)
        tracked_save(entry, by=by, reason=reason)
    if successors is not None:
        # a history row per change, with the same author and reason, even when nothing else changed
        entry._history_user, entry._change_reason = by, str(reason)
        entry.successors.set(successors)
    return entry
