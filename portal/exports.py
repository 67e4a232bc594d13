"""The auditors' timeline as a file, CSV or XLSX, whatever its length: entries are read from the
database in chunks (a server-side cursor on PostgreSQL) and described chunk by chunk, so memory stays flat.
The CSV is streamed as it is written; the XLSX is written by XlsxWriter in constant-memory mode to a
temporary file, then sent from it (an XLSX is a zip: it cannot be sent before it is finished)."""

import csv
import itertools
import tempfile

import xlsxwriter
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.audit_log import describe

CHUNK = 2000
# What one sheet holds (Excel's limits, which XlsxWriter enforces): past the last row it writes nothing
# (returns -1); a longer string it cuts without a word (returns -2). The XLSX says so itself instead.
ROWS = 1_048_576
CELL_UNITS = 32_767  # UTF-16 code units, as Excel counts
# A cell that starts like a formula is run by a spreadsheet that opens the file (CSV injection): it is
# kept as text by a leading apostrophe, which spreadsheets hide.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def _private(response, name):
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _text(value):
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    """csv.writer's file: each row written is handed back, to be streamed."""

    def write(self, value):
        return value


def csv_response(entries):
    language = translation.get_language()

    def lines():
        with translation.override(language):  # streamed after the view has returned
            writer = csv.writer(_Echo())
            yield "\ufeff" + writer.writerow(header())  # the BOM tells spreadsheets the file is UTF-8
            for cells in rows(entries):
                yield writer.writerow([cells[0], *(_text(cell) for cell in cells[1:])])

    return _private(StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8"), filename("csv"))


def _units(text):
    return len(text.encode("utf-16-le")) // 2


def _fitted(text):
    """`text`, or as much of it as a cell holds followed by a marker that says where the rest is."""
    if _units(text) <= CELL_UNITS:
        return text
    marker = _("… [cut: see the CSV export]")
    kept = text.encode("utf-16-le")[:2 * (CELL_UNITS - _units(marker))]
    return kept.decode("utf-16-le", errors="ignore") + marker  # never half a surrogate pair


def _written(result):
    """XlsxWriter's answer to a write: anything but 0 is data lost, which must not pass unnoticed."""
    if result != 0:
        raise RuntimeError(f"XlsxWriter refused a cell ({result})")


def xlsx_response(entries):
    handle = tempfile.TemporaryFile()  # gone when the response closes it
    workbook = xlsxwriter.Workbook(handle, {"constant_memory": True, "strings_to_formulas": False,
                                            "strings_to_urls": False})
    sheet = workbook.add_worksheet(_("Audit record"))
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    sheet.set_column(0, 0, 10)
    sheet.set_column(1, 4, 22)
    sheet.set_column(5, 5, 80)
    sheet.set_column(6, 6, 40)
    for col, title in enumerate(header()):
        _written(sheet.write_string(0, col, title))
    stream = rows(entries)
    for n, cells in enumerate(stream, start=1):
        if n == ROWS - 1 and next(stream, None) is not None:  # the last row, and more to come: say so
            _written(sheet.write_string(n, 0, _(
                "The sheet is full: the export stops at this row, after %(count)s entries. The CSV export "
                "holds every entry.") % {"count": n - 1}))
            break
        _written(sheet.write_number(n, 0, cells[0]))
        for col, cell in enumerate(cells[1:], start=1):
            _written(sheet.write_string(n, col, _fitted(str(cell)), wrap))
    stream.close()  # the database cursor, when the sheet was full
    workbook.close()
    handle.seek(0)
    return _private(FileResponse(handle, content_type=(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")), filename("xlsx"))
