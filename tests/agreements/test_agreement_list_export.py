"""The agreement list's export holds exactly the rows the list selects with the same query string, in its
order, every page of them, as CSV (streamed) or XLSX; a partner user's holds only its own; each export is
logged as a download; a cell that starts like a formula stays text; wrong filters give no file."""

import csv
import io
import zipfile
from xml.etree import ElementTree

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from agreements import services
from core.models import AuditEntry, DownloadRecord
from tests.agreements.listing_pages import following
from tests.factories import PartnerFactory, current_province, draft, in_review
from tests.pages import field_errors
from tests.portal.audit_pages import SHEET, xlsx_rows

pytestmark = pytest.mark.django_db
QUERIES = ["", "sort=partner", "status=draft&sort=-number", "q=ha noi&sort=term", "partner=unit&province={lao_cai}"]


def export(client, fmt, query=""):
    return client.get(reverse(f"agreements:export_{fmt}") + "?" + query)


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def exported_ids(client, fmt, query=""):
    response = export(client, fmt, query)
    table = csv_rows(response) if fmt == "csv" else xlsx_rows(response)
    assert table[0][:2] == ["id", "number"]
    return [int(row[0]) for row in table[1:]]


@pytest.fixture
def forty(db):
    """40 drafts of four units over Hà Nội or Lào Cai, terms ending on five days; a few without a term."""
    units = [PartnerFactory(short_name=f"Unit {n}") for n in range(4)]
    made = [draft(partner=units[n % 4], provinces=[current_province("01" if n % 3 else "15")]) for n in range(34)]
    return made + [draft(partner=units[n % 4], complete=False) for n in range(6)]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("query", QUERIES)
def test_the_export_holds_every_row_the_list_selects_in_its_order(login, drafter, forty, fmt, query):
    query = query.format(lao_cai=current_province("15").pk)
    client = login(drafter)
    shown = [a.pk for page in following(client, query) for a in page]
    assert shown and exported_ids(client, fmt, query) == shown


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_partner_users_export_holds_only_its_own_minutes(login, vnpt_user, vnpt, vietsens, fmt):
    own = in_review(partner=vnpt, provinces=[current_province("01")])
    in_review(partner=vietsens, provinces=[current_province("15")])
    client = login(vnpt_user)
    assert exported_ids(client, fmt) == [own.pk]
    assert exported_ids(client, fmt, f"partner={vietsens.tax_code}") == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_each_export_is_logged_as_a_download(login, drafter, fmt):
    draft()
    response = export(login(drafter), fmt)
    record = DownloadRecord.objects.get()
    assert (record.user, record.what) == (drafter, DownloadRecord.What.AGREEMENT_LIST)
    assert record.filename.endswith(f".{fmt}") and record.filename in response["Content-Disposition"]
    entry = AuditEntry.objects.get(kind="download")
    assert (entry.actor_id, entry.object_id, entry.label) == (drafter.pk, record.pk, record.filename)


def test_the_csv_is_streamed(login, drafter):
    draft()
    response = export(login(drafter), "csv")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"


@pytest.fixture
def formula(drafter):
    made = draft(partner=PartnerFactory(short_name="@SUM(1+1)"))
    return services.agreement_update(agreement=made, by=drafter, header={"title": '=HYPERLINK("http://x.test","go")'})


def test_a_csv_cell_that_starts_like_a_formula_is_kept_as_text(login, drafter, formula):
    row = csv_rows(export(login(drafter), "csv"))[1]
    assert row[2] == "'=HYPERLINK(\"http://x.test\",\"go\")"
    assert row[3] == "'@SUM(1+1)"


def test_an_xlsx_cell_that_starts_like_a_formula_is_a_string_not_a_formula(login, drafter, formula):
    response = export(login(drafter), "xlsx")
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as book:
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    subject = [cell for cell in sheet.iter(f"{SHEET}c") if cell.get("r") == "C2"][0]
    assert "".join(subject.itertext()) == '=HYPERLINK("http://x.test","go")'
    assert subject.get("t") == "inlineStr" and not list(sheet.iter(f"{SHEET}f"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("query, field", [("term_from=2027-01-01&term_to=2026-01-01", "term_to"),
                                          ("signed_from=31/02/2026", "signed_from"), ("province=x", "province"),
                                          ("status=lost", "status")])
def test_wrong_filters_answer_400_beside_the_field_and_give_no_file(login, drafter, fmt, query, field):
    draft()
    response = export(login(drafter), fmt, query)
    assert response.status_code == 400
    assert field_errors(response, field)
    assert "Content-Disposition" not in response
    assert not DownloadRecord.objects.exists() and not AuditEntry.objects.filter(kind="download").exists()
