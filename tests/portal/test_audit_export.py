"""Exporting the filtered timeline as CSV or XLSX: the file holds the entries the filters select, one
row each with who, what and every field change, and the export itself becomes an entry of the record."""

import csv
import io
import re

import pytest
from django.urls import reverse

from agreements import services
from core.models import AuditEntry
from tests.factories import draft
from tests.portal.audit_pages import xlsx_rows

pytestmark = pytest.mark.django_db


def _csv(response):
    assert response.status_code == 200 and response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def changed(drafter):
    agreement = draft(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, header={"software_version": "=2+5"}, reason="Lý do")
    return agreement


@pytest.mark.parametrize("url,read", [("audit_csv", _csv), ("audit_xlsx", xlsx_rows)])
def test_the_file_holds_the_entries_the_filters_select(login, auditor, changed, url, read):
    filters = {"agreement": f"#{changed.pk}", "model": "agreements.agreement"}
    expected = list(AuditEntry.objects.filter(agreement_id=changed.pk, model="agreements.agreement")
                    .order_by("-id").values_list("id", flat=True))
    header, *rows = read(login(auditor).get(reverse(url), filters))
    assert header == ["id", "at", "who", "event", "object", "field changes", "reason"]
    assert [int(row[0]) for row in rows] == expected
    newest = rows[0]
    assert newest[3:] == ["Change · Changed", f"Draft #{changed.pk} — {changed.partner.short_name} · agreement",
                          "software version: 2.1 → =2+5", "Lý do"]
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", newest[1])


def test_a_csv_cell_that_looks_like_a_formula_stays_text(login, drafter, auditor):
    agreement = draft(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, header={"software_version": "4"},
                              reason='=HYPERLINK("http://x.example")')
    _header, newest, *_rows = _csv(login(auditor).get(reverse("audit_csv"), {"model": "agreements.agreement"}))
    assert newest[6] == '\'=HYPERLINK("http://x.example")'


@pytest.mark.parametrize("url,fmt", [("audit_csv", "csv"), ("audit_xlsx", "xlsx")])
def test_each_export_is_recorded_with_its_format_and_filters(login, auditor, url, fmt):
    login(auditor).get(reverse(url), {"event": "change", "since": "01/01/2026"})
    export = AuditEntry.objects.filter(kind="export").get()
    assert (export.actor, export.payload) == (auditor, {"format": fmt, "filters": {
        "event": "change", "since": "01/01/2026"}})


def test_an_export_with_a_wrong_filter_answers_next_to_the_field_and_records_nothing(login, auditor):
    response = login(auditor).get(reverse("audit_csv"), {"since": "hôm qua"})
    assert response.status_code == 400 and list(response.context["form"].errors) == ["since"]
    assert not AuditEntry.objects.filter(kind="export").exists()


@pytest.mark.parametrize("url", ["audit_csv", "audit_xlsx"])
def test_a_partner_user_cannot_export(login, vnpt_user, url):
    assert login(vnpt_user).get(reverse(url)).status_code == 403
    assert not AuditEntry.objects.filter(kind="export").exists()
