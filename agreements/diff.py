"""What changed between two versions sent for review, read from their frozen `content` alone (no
database): the header facts, the legal bases and the clauses added, removed or changed, and for a
changed text which words went and which came. Entries are matched by their key ("clause:12"), so a
clause that only moved down because another was inserted above it has not changed."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from agreements.models import Clause
from core.textdiff import words

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class Entry:
    """One header fact, legal basis or clause that differs: `parts` are (what, words), `what` being ""
    for its text or the name of the clause's heading or section; words are (op, text) pairs."""

    key: str
    label: str
    state: str
    parts: tuple

    @property
    def html_id(self):
        return html_id(self.key)


@dataclass(frozen=True)
class Group:
    name: str
    entries: tuple


def html_id(key):
    """The id of an entry on a version's page: "clause:12" → "clause-12" (as Comment.anchor_html_id)."""
    return key.replace(":", "-")


def changes(old, new):
    """The groups of entries that differ from `old` to `new` (two AgreementVersion.content); [] if none."""
    groups = [
        Group(_("Header"), _compare(_facts(old), _facts(new), _fact_parts)),
        Group(_("Legal bases"), _compare(_items(old, "bases"), _items(new, "bases"), _basis_parts)),
        Group(_("Clauses"), _compare(_items(old, "clauses"), _items(new, "clauses"), _clause_parts)),
    ]
    return [group for group in groups if group.entries]


def header_facts(minutes):
    """(key, label, value) of the facts heading the minutes, as a reader compares them."""
    def m(name):
        return minutes.get(name) or ""

    partner = minutes.get("partner") or {}
    # A draft's place_date is "<place>, ngày … tháng … năm <year>": the place is what precedes the date.
    place = m("place_date").rsplit(", ngày", 1)[0]
    return [
        ("minutes:subject", _("Subject"), m("subject")),
        ("minutes:handing", _("Handing party"), m("handing_department")),
        ("minutes:handing_representative", _("Handing party's representative"), _person(minutes, "handing")),
        ("minutes:receiving", _("Receiving party"), partner.get("legal_name") or ""),
        ("minutes:address", _("Receiving party's address"), partner.get("address") or ""),
        ("minutes:tax_code", _("Tax code"), partner.get("tax_code") or ""),
        ("minutes:receiving_representative", _("Receiving party's representative"), _person(minutes, "receiving")),
        ("minutes:conditions", _("Conditions applied"), m("conditions")),
        ("minutes:authority", _("Authority of the receiving party"), m("authority")),
        ("minutes:software", _("Software"), m("software")),
        ("minutes:version", _("Software version"), m("version")),
        ("minutes:provinces", _("Provinces in scope"), m("provinces")),
        ("minutes:term", _("Term"), f"{m('term_start')} – {m('term_end')}"),
        ("minutes:place", _("Place"), place),
    ]


def _person(minutes, side):
    """"Ông Phạm Đức Long, Cục trưởng"; versions frozen before issue 9 kept flat keys."""
    person = minutes.get(side)
    if not isinstance(person, dict):
        return _joined(minutes.get(f"{side}_representative") or "", minutes.get(f"{side}_title") or "")
    name = " ".join(part for part in (person.get("honorific"), person.get("name")) if part)
    return _joined(name, person.get("title") or "")


def _joined(name, title):
    return ", ".join(part for part in (name, title) if part)


def _facts(content):
    return {key: {"key": key, "label": label, "text": value}
            for key, label, value in header_facts(content.get("minutes") or {})}


def _items(content, name):
    return {item["key"]: item for item in content.get(name) or []}


def _compare(old, new, parts):
    """Entries of `new` in its order (added or changed), then those gone from `old` (removed)."""
    entries = []
    for key, item in new.items():
        if key not in old:
            entries.append(Entry(key, item["label"], ADDED, (("", [("insert", item["text"])]),)))
        elif found := parts(old[key], item):
            entries.append(Entry(key, item["label"], CHANGED, tuple(found)))
    for key, item in old.items():
        if key not in new:
            entries.append(Entry(key, item["label"], REMOVED, (("", [("delete", item["text"])]),)))
    return tuple(entries)


def _fact_parts(old, new):
    return [("", words(old["text"], new["text"]))] if old["text"] != new["text"] else []


_basis_parts = _fact_parts


def _clause_parts(old, new):
    """The heading, section and text of a clause, each only if it changed."""
    found = []
    if old.get("heading", "") != new.get("heading", ""):
        found.append((_("Heading"), words(old.get("heading"), new.get("heading"))))
    if old.get("section") != new.get("section"):
        found.append((_("Section"), words(_section(old), _section(new))))
    if old["text"] != new["text"]:
        found.append(("", words(old["text"], new["text"])))
    return found


def _section(item):
    section = item.get("section") or ""
    return str(Clause.Section(section).label) if section in Clause.Section.values else section
