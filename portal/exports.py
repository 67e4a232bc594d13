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
        sheet.write_string(0, col, title)
    for n, cells in enumerate(rows(entries), start=1):
        sheet.write_number(n, 0, cells[0])
        for col, cell in enumerate(cells[1:], start=1):
            sheet.write_string(n, col, str(cell), wrap)
    workbook.close()
    handle.seek(0)
    return _private(FileResponse(handle, content_type=(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")), filename("xlsx"))
