"""Keeping the libraries drafters start from. Entries are never deleted (minutes cite them): a drafter
unticks "offered to drafters" instead."""

from django.db import transaction
from django.utils.translation import gettext as _

from agreements import permissions
from agreements.models import ClauseTemplate, LegalDocument
from core.exceptions import Refused, full_clean_or_refuse
from core.permissions import require
from core.tracking import only, tracked_save

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
    for name, value in values.items():
        setattr(entry, name, value)
    full_clean_or_refuse(entry)
    tracked_save(entry, by=by, reason=_("Library entry added") if adding else _("Library entry changed"))
    if successors is not None:
        if any(s.pk == entry.pk for s in successors):
            raise Refused(_("A document cannot replace itself."))
        entry.successors.set(successors)  # a history row per change, with the same author and reason
    return entry
