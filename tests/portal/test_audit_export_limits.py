"""The XLSX export never loses data silently: a cell longer than a sheet holds is cut with a marker that
sends the reader to the CSV, and a sheet that runs out of rows ends with a row that says so."""

import pytest
from django.urls import reverse

from core import audit, exports
from tests.portal.audit_pages import xlsx_rows

pytestmark = pytest.mark.django_db

MARKER = "… [cut: see the CSV export]"
FULL = "The sheet is full: the export stops at this row, after {} entries. The CSV export holds every entry."


@pytest.fixture
def granted(drafter):
    """Permission entries recorded by the drafter only, and the filters that select them."""

    def record(reason):
        return audit.record("permission", actor_id=drafter.pk, reason=reason).pk

    record.filters = {"event": "permission", "person": drafter.pk}
    return record


def _units(text):
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("reason", ["Lý do rất dài. " * 3000, "A" + "𝐀" * 20_000], ids=["vietnamese", "astral"])
def test_a_cell_longer_than_a_sheet_holds_is_cut_with_a_marker(login, auditor, granted, reason):
    granted(reason)
    client = login(auditor)
    [_header, row] = xlsx_rows(client.get(reverse("audit_xlsx"), granted.filters))
    assert _units(reason) > exports.CELL_UNITS
    assert row[6].endswith(MARKER) and _units(row[6]) <= exports.CELL_UNITS
    assert reason.startswith(row[6].removesuffix(MARKER)) and _units(row[6]) > exports.CELL_UNITS - 40
    csv = b"".join(client.get(reverse("audit_csv"), granted.filters).streaming_content).decode("utf-8-sig")
    assert reason in csv


def test_a_full_sheet_ends_with_a_row_that_sends_the_reader_to_the_csv(login, auditor, granted, monkeypatch):
    monkeypatch.setattr(exports, "ROWS", 5)
    made = [granted(f"Quyền {n}") for n in range(5)]
    header, *rows, last = xlsx_rows(login(auditor).get(reverse("audit_xlsx"), granted.filters))
    assert [int(row[0]) for row in rows] == made[::-1][:3]
    assert last == [FULL.format(3)]


def test_a_sheet_filled_to_its_last_row_says_nothing_more(login, auditor, granted, monkeypatch):
    monkeypatch.setattr(exports, "ROWS", 5)
    made = [granted(f"Quyền {n}") for n in range(4)]
    _header, *rows = xlsx_rows(login(auditor).get(reverse("audit_xlsx"), granted.filters))
    assert [int(row[0]) for row in rows] == made[::-1]
