"""Pages of a long list found by where the neighbouring page ends (keyset paging) rather than by skipping
rows: the 800th page costs what the first does. A link carries the sort keys of the last (or first) row shown,
so a bookmark keeps meaning "the rows after this one"; "?page=N" alone (an older bookmark) still works, by
skipping rows."""

import base64
import binascii
import json
import math
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import F, Q
from django.utils.functional import cached_property

from core.http import PAGE_SIZE, int_param

CURSOR_MAX = 600


@dataclass(frozen=True)
class Key:
    """One key of a list's order: a field path ("updated_at", "partner__short_name") and its direction."""
    path: str
    descending: bool = False

    def field(self, model):
        if self.path == "pk":
            return model._meta.pk
        for name in self.path.split("__")[:-1]:
            model = model._meta.get_field(name).related_model
        return model._meta.get_field(self.path.split("__")[-1])

    def value_of(self, row):
        for name in self.path.split("__"):
            row = getattr(row, name) if row is not None else None
        return row


@dataclass
class KeysetPage:
    rows: list
    count: int
    per_page: int
    number: int | None  # None when the page was reached by a link without its number
    has_previous: bool
    has_next: bool
    params: str  # the other filters of the list, to carry across its pages
    keys: tuple

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.per_page))

    @property
    def object_list(self):
        return self.rows

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    def _link(self, **extra):
        parts = [self.params] if self.params else []
        parts += [f"{name}={value}" for name, value in extra.items() if value is not None]
        return "?" + "&".join(parts)

    @cached_property
    def first_link(self):
        return self._link()

    @cached_property
    def previous_link(self):
        if not self.has_previous:
            return None
        if self.number == 2:
            return self.first_link
        return self._link(before=encode(self.keys, self.rows[0]),
                          page=self.number - 1 if self.number else None)

    @cached_property
    def next_link(self):
        if not self.has_next:
            return None
        return self._link(after=encode(self.keys, self.rows[-1]), page=self.number + 1 if self.number else None)

    @cached_property
    def last_link(self):
        return self._link(page="last")


def encode(keys, row):
    values = [key.value_of(row) for key in keys]
    text = json.dumps([v.isoformat() if hasattr(v, "isoformat") else v for v in values], separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(keys, model, cursor):
    """The key values a link carries, or None for anything that is not a cursor of this list's keys."""
    if not cursor or len(cursor) > CURSOR_MAX:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(values, list) or len(values) != len(keys):
            return None
        return [None if value is None else key.field(model).to_python(value) for key, value in zip(keys, values)]
    except (ValueError, TypeError, ValidationError, binascii.Error, FieldDoesNotExist, OverflowError):
        return None


def _nullable(key, model):
    return key.field(model).null


def with_tiebreak(keys):
    """The keys and then the primary key, in the direction of the first: an order no two rows share."""
    return (*keys, Key("pk", keys[0].descending))


def ordering(keys, model, reverse=False):
    """ORDER BY for the keys, read backwards when `reverse`. Rows without a value come last whichever way the
    list is sorted (first when it is read backwards), as people expect of a table: the minutes signed most
    recently first, then the drafts; each nullable sort has an index in each order (agreements.models)."""
    terms = []
    for key in keys:
        expression, descending = F(key.path), key.descending != reverse
        nulls = ({"nulls_first": True} if reverse else {"nulls_last": True}) if _nullable(key, model) else {}
        terms.append(expression.desc(**nulls) if descending else expression.asc(**nulls))
    return terms


def _beyond(keys, model, values, reverse):
    """The rows that come after `values` in the order of `keys` (before them when `reverse`)."""
    result, equal = Q(pk__in=[]), Q()
    for key, value in zip(keys, values):
        descending, path = key.descending != reverse, key.path
        if value is None:  # empty values close the list: every other value comes before them
            step = Q(**{f"{path}__isnull": False}) if reverse else Q(pk__in=[])
        else:
            step = Q(**{f"{path}__lt" if descending else f"{path}__gt": value})
            if _nullable(key, model) and not reverse:
                step |= Q(**{f"{path}__isnull": True})
        result |= equal & step
        equal &= Q(**{f"{path}__isnull": True}) if value is None else Q(**{path: value})
    first, value = keys[0], values[0]
    if value is not None and not _nullable(first, model):
        # Implied by the above, but said so an index on the first key can start where the page does.
        descending = first.descending != reverse
        result &= Q(**{f"{first.path}__lte" if descending else f"{first.path}__gte": value})
    return result


def keyset_page(request, queryset, keys, per_page=PAGE_SIZE):
    """The page of `queryset` in the order of `keys` (the primary key is added to break ties) that the
    request's ?after=, ?before= or ?page= names; the first page otherwise."""
    model = queryset.model
    keys = with_tiebreak(keys)
    params = request.GET.copy()
    for name in ("after", "before", "page"):
        params.pop(name, None)
    count = queryset.count()
    pages = max(1, math.ceil(count / per_page))
    label = int_param(request.GET.get("page", ""))
    label = label if label and label <= pages else None
    after = decode(keys, model, request.GET.get("after", ""))
    before = decode(keys, model, request.GET.get("before", ""))
    forward = queryset.order_by(*ordering(keys, model, reverse=False))
    backward = queryset.order_by(*ordering(keys, model, reverse=True))

    def page(rows, number, has_previous, has_next):
        return KeysetPage(rows, count, per_page, number, has_previous, has_next, params.urlencode(), keys)

    if after is not None:
        rows = list(forward.filter(_beyond(keys, model, after, reverse=False))[:per_page + 1])
        if rows:
            return page(rows[:per_page], label, True, len(rows) > per_page)
        # Nothing follows the link's row any more (rows deleted or moved since): the end of the list.
    elif before is not None:
        rows = list(backward.filter(_beyond(keys, model, before, reverse=True))[:per_page + 1])
        if rows:
            return page(rows[:per_page][::-1], label, len(rows) > per_page, True)
        # Nothing comes before the link's row any more: the page the link names, or the first.
    if after is not None or request.GET.get("page") == "last":
        rows = list(backward[:count - (pages - 1) * per_page or per_page])[::-1]
        return page(rows, pages, pages > 1, False)
    if label and label > 1:  # an older bookmark: ?page=N without a cursor
        rows = list(forward[(label - 1) * per_page:label * per_page])
        return page(rows, label, True, label < pages)
    rows = list(forward[:per_page + 1])
    return page(rows[:per_page], 1, False, len(rows) > per_page)
