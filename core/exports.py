"""A list as a file, CSV or XLSX, whatever its length: rows are handed over one by one (callers read the
database in chunks), so memory stays flat. The CSV is streamed as it is written; the XLSX is written by
XlsxWriter in constant-memory mode to a temporary file, then sent from it (an XLSX is a zip: it cannot be
sent before it is finished)."""

import csv
import tempfile

import xlsxwriter
from django.http import FileResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from core.downloads import private_headers

# What one sheet holds (Excel's limits, which XlsxWriter enforces): past the last row it writes nothing
# (returns -1); a longer string it cuts without a word (returns -2). The XLSX says so itself instead.
ROWS = 1_048_576
CELL_UNITS = 32_767  # UTF-16 code units, as Excel counts
# A cell that starts like a formula is run by a spreadsheet that opens the file (CSV injection): it is
# kept as text by a leading apostrophe, which spreadsheets hide.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _private(response, name):
    response["Content-Disposition"] = content_disposition_header(True, name)
    return private_headers(response)


def _text(value):
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    """csv.writer's file: each row written is handed back, to be streamed."""

    def write(self, value):
        return value


def csv_response(header, rows, filename):
    """`rows` (lists of cells; an int stays a number) under `header`, streamed as UTF-8 CSV."""
    language = translation.get_language()

    def lines():
        with translation.override(language):  # streamed after the view has returned
            writer = csv.writer(_Echo())
            yield "\ufeff" + writer.writerow(header)  # the BOM tells spreadsheets the file is UTF-8
            for cells in rows:
                yield writer.writerow([cell if isinstance(cell, int) else _text(cell) for cell in cells])

    return _private(StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8"), filename)


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


def xlsx_response(header, rows, filename, *, sheet, widths, full):
    """`rows` under `header` as one sheet named `sheet`, columns `widths` wide. A sheet holds ROWS rows: past
    them the last row says `full(number of rows written)` instead."""
    handle = tempfile.TemporaryFile()  # gone when the response closes it
    workbook = xlsxwriter.Workbook(handle, {"constant_memory": True, "strings_to_formulas": False,
                                            "strings_to_urls": False})
    page = workbook.add_worksheet(sheet)
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    for col, width in enumerate(widths):
        page.set_column(col, col, width)
    for col, title in enumerate(header):
        _written(page.write_string(0, col, title))
    stream = iter(rows)
    for n, cells in enumerate(stream, start=1):
        if n == ROWS - 1 and next(stream, None) is not None:  # the last row, and more to come: say so
            _written(page.write_string(n, 0, full(n - 1)))
            break
        for col, cell in enumerate(cells):
            if isinstance(cell, int):
                _written(page.write_number(n, col, cell))
            else:
                _written(page.write_string(n, col, _fitted(str(cell)), wrap))
    if hasattr(stream, "close"):
        stream.close()  # the database cursor, when the sheet was full
    workbook.close()
    handle.seek(0)
    return _private(FileResponse(handle, content_type=XLSX_TYPE), filename)
