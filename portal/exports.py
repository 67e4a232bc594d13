"""The auditors' timeline as a file, CSV or XLSX, whatever its length: entries are read from the
database in chunks (a server-side cursor on PostgreSQL) and described chunk by chunk; core.exports writes
them out with flat memory."""

import itertools

from django.utils import timezone
from django.utils.translation import gettext as _

from core import exports
from portal.audit_log import describe

CHUNK = 2000


def header():
    return [_("id"), _("at"), _("who"), _("event"), _("object"), _("field changes"), _("reason")]


def rows(entries):
    """One list of cells per entry, in the order of `entries`."""
    stream = entries.select_related("actor").iterator(chunk_size=CHUNK)
    while chunk := list(itertools.islice(stream, CHUNK)):
        for row in describe(chunk):
            event = f"{row.event} · {row.action}" if row.action else row.event
            yield [row.entry.id, row.when, row.who, event, str(row.name), "\n".join(row.lines()), row.reason]


def filename(extension):
    return f"audit-record-{timezone.localtime():%Y%m%d-%H%M}.{extension}"


def csv_response(entries):
    return exports.csv_response(header(), rows(entries), filename("csv"))


def xlsx_response(entries):
    return exports.xlsx_response(header(), rows(entries), filename("xlsx"), sheet=_("Audit record"),
                                 widths=[10, 22, 22, 22, 22, 80, 40], full=lambda n: _(
                                     "The sheet is full: the export stops at this row, after %(count)s entries. "
                                     "The CSV export holds every entry.") % {"count": n})
