"""How a record is named wherever records are listed (history pages, the auditors' timeline, the download
log): under the agreement it belongs to, by the agreement's current name ("02/BB-CNTT", or "Dự thảo #8 —
VNPT-IT" before it has a number), else under its partner's short name; then the kind of record and its own
label. One agreement is never "biên bản #8" in one row and "biên bản 2" in the next."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ObjectName:
    kind: str
    label: str = ""
    owner: str = ""
    owner_url: str = ""
    url: str = ""

    def __str__(self):
        return " · ".join(str(part) for part in (self.owner, self.kind, self.label) if part)


def own_label(row):
    """A record's own label (a partner's short name, a clause's heading, a law's citation, a number, a
    code, a name), else "#id": the same for a live row, a history row, the history page and the audit record."""
    for name in ("short_name", "heading", "citation", "number", "code", "name"):
        value = getattr(row, name, None)
        if value:
            return str(value)
    return f"#{row.id}"


def owned(owner, kind, label=""):
    """The name of a record of `owner` (an agreement or a partner, or None), linked to the owner's page."""
    if owner is None:
        return ObjectName(kind=kind, label=label)
    return ObjectName(kind=kind, label=label, owner=str(owner), owner_url=owner.get_absolute_url())
