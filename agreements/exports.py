"""The agreement list as a file: exactly the rows the list selects, in its order, CSV or XLSX, read from the
database 2,000 at a time and streamed (core.exports), so 20,000 rows never sit in memory. Each export is
recorded in the download log like any file that leaves the system."""

import itertools

from django.utils import timezone
from django.utils.translation import gettext as _

from agreements import listing
from core import exports
from core.downloads import log_download
from core.models import DownloadRecord
from core.paging import ordering, with_tiebreak

CHUNK = 2000


def header():
    return [_("id"), _("number"), _("subject"), _("receiving party"), _("tax code"), _("provinces in scope"),
            _("status"), _("term starts"), _("term ends"), _("signed on"), _("terminated on"), _("cancelled on"),
            _("updated at")]


def _day(value):
    return f"{value:%d/%m/%Y}" if value else ""


def rows(agreements):
    stream = listing.with_columns(agreements).iterator(chunk_size=CHUNK)
    while chunk := list(itertools.islice(stream, CHUNK)):
        for a in chunk:
            yield [a.pk, a.number_and_symbol, a.title, a.partner.short_name, a.partner.tax_code,
                   ", ".join(s.province.name for s in a.scope.all()), a.get_status_display(), _day(a.term_start),
                   _day(a.term_end), _day(a.signed_on), _day(a.terminated_on), _day(a.cancelled_on),
                   f"{timezone.localtime(a.updated_at):%d/%m/%Y %H:%M}"]


def response(request, fmt, agreements, keys):
    """The file of `agreements` in the order of `keys`, after recording who took it."""
    name = f"agreements-{timezone.localtime():%Y%m%d-%H%M}.{fmt}"
    log_download(request, what=DownloadRecord.What.AGREEMENT_LIST, object_id=0, filename=name)
    ordered = rows(agreements.order_by(*ordering(with_tiebreak(keys), agreements.model)))
    if fmt == "csv":
        return exports.csv_response(header(), ordered, name)
    return exports.xlsx_response(header(), ordered, name, sheet=_("Agreements"),
                                 widths=[8, 16, 50, 20, 16, 30, 14, 12, 12, 12, 12, 12, 17], full=lambda n: _(
                                     "The sheet is full: the export stops at this row, after %(count)s "
                                     "agreements. The CSV export holds every one.") % {"count": n})
