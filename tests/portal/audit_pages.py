"""Reading the auditors' timeline in tests: the rows of a page or of an XLSX export, and a clause's text
changed the way the edit page changes it."""

import io
import zipfile
from xml.etree import ElementTree

from django.urls import reverse

from agreements import services


def timeline(client, **filters):
    response = client.get(reverse("audit"), filters)
    assert response.status_code == 200
    return response


def rows(client, **filters):
    return timeline(client, **filters).context["rows"]


SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def xlsx_rows(response):
    """The text of each cell of each row of the exported sheet."""
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as book:
        root = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    return [["".join(cell.itertext()) for cell in row.iter(f"{SHEET}c")] for row in root.iter(f"{SHEET}row")]


def change_clause(agreement, *, by, position, text, reason="Sửa điều khoản"):
    """Every clause kept as it is but the one at `position`, whose text becomes `text`."""
    kept = [services.Row(c.pk, {"position": c.position, "section": c.section, "heading": c.heading,
                                "text": text if c.position == position else c.text})
            for c in agreement.clauses.order_by("position")]
    return services.agreement_update(agreement=agreement, by=by, clauses=kept, reason=reason)
