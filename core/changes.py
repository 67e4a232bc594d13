"""A field's change as a reader understands it: the field's label, choice labels, dates as dd/mm/yyyy,
related objects by name, every value in full and a long text as the words that went and came. The
history page of one object (core.timeline) and the auditors' timeline (portal) both show changes so;
values come as Python values from history rows or as plain JSON from audit entries, and read alike."""

import json
from collections import defaultdict
from dataclasses import dataclass

from django.db import models
from django.template.defaultfilters import yesno
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from core.textdiff import is_long, words_html

EMPTY = "—"


@dataclass(frozen=True)
class Change:
    """One field: its label, the values before and after as shown, and for a long text the word diff
    (HTML, every word escaped) shown instead of the two values."""

    label: str
    old: str
    new: str
    diff: str | None = None

    def __str__(self):
        return f"{self.label}: {self.old} → {self.new}"


def shown(field):
    """Whether a reader is shown the field's changes: not the id, not a time stamp every save moves."""
    return not field.primary_key and not getattr(field, "auto_now", False)


def describe(rows):
    """[[(field, old, new)]] → [[Change]] of the same shape. `field` is a model field, or a name where the
    field is gone. Related objects are named with one query per related model, whatever the rows."""
    wanted = defaultdict(set)
    for row in rows:
        for field, old, new in row:
            if _is_relation(field):  # a many-to-many field's value is the list of ids it pointed to
                wanted[field.related_model].update(
                    v for value in (old, new) for v in (value if isinstance(value, list) else [value])
                    if v not in (None, ""))
    # select_related() follows every non-null foreign key: a name that needs its parent (a draft is
    # named after its partner) costs no query of its own.
    names = {model: model._base_manager.select_related().in_bulk(ids) for model, ids in wanted.items()}
    return [[_change(field, old, new, names) for field, old, new in row] for row in rows]


def _is_relation(field):
    return isinstance(field, models.Field) and field.is_relation and field.related_model is not None


def _change(field, old, new, names):
    if not isinstance(field, models.Field):
        return Change(str(field), _plain(old), _plain(new))
    diff = None
    if (not field.is_relation and not field.choices and isinstance(old, str) and isinstance(new, str)
            and (is_long(old) or is_long(new))):
        diff = words_html(old, new)
    return Change(str(field.verbose_name), show(field, old, names), show(field, new, names), diff)


def show(field, value, names):
    """One value as a reader reads it, in full."""
    if value is None or value == "" or value == []:
        return EMPTY
    if _is_relation(field) and isinstance(value, list):
        return "; ".join(show(field, one, names) for one in value) or EMPTY
    if _is_relation(field):
        found = names.get(field.related_model, {}).get(value)
        return str(found) if found is not None else f"#{value}"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(value) if isinstance(value, str) else value
        if moment is not None:
            moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
            return moment.strftime("%d/%m/%Y %H:%M")
    elif isinstance(field, models.DateField):
        day = parse_date(value) if isinstance(value, str) else value
        if day is not None:
            return day.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return yesno(value).capitalize()
    return _plain(value)


def _plain(value):
    if value is None or value == "":
        return EMPTY
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
