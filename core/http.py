"""Small pieces every app's views share: a page of a list, ids read from query strings, refusals shown."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.utils.translation import gettext as _

PAGE_SIZE = 25


# The largest id a database keeps (a signed 64-bit integer): a larger number in a query string is no id,
# and SQLite would fail on it rather than find nothing.
MAX_ID = 2**63 - 1


def int_param(value):
    """An id from a query string, or None: "²".isdigit() is true, but it is no id; nor is a number past
    MAX_ID."""
    if not (value and value.isascii() and value.isdigit()) or len(value) > len(str(MAX_ID)):
        return None
    number = int(value)
    return number if number <= MAX_ID else None


SEARCH_MAX = 200


def search_text(request, name="q"):
    """The words searched for, stripped; None, with a message saying why, for a search longer than anyone
    types (SQLite refuses a LIKE pattern that long, PostgreSQL would scan for nothing): the list is empty."""
    text = request.GET.get(name, "").strip()
    if len(text) > SEARCH_MAX:
        messages.error(request, _("A search is at most %(max)d characters: this one was not run.") % {
            "max": SEARCH_MAX})
        return None
    return text


def paginate(request, queryset, per_page=PAGE_SIZE):
    """One page of a list, and the query string to carry filters across pages."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()


def flash_refusal(request, refused):
    """Show every reason of a refusal on the next page the user sees."""
    for reason in refused.reasons:
        messages.error(request, reason)


def client_address(request):
    """The address the request came from: REMOTE_ADDR, or behind our own proxy (settings.BEHIND_PROXY) the
    last address of X-Forwarded-For, the one that proxy wrote; the addresses before it are whatever the client
    chose to send."""
    if settings.BEHIND_PROXY:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")
