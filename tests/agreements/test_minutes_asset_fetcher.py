"""WeasyPrint fetches through a deny-by-default fetcher: our own PDF assets, nothing else."""

import io
import logging

import pytest
from pypdf import PdfReader

from agreements import minutes_pdf
from agreements.minutes_pdf import ASSETS, AssetsOnlyFetcher

BASE = ASSETS.as_uri()

REFUSED = [
    "http://example.com/x.css",
    "https://example.com/x.css",
    "file:///etc/passwd",
    f"{BASE}/../minutes_pdf.py",
    f"{BASE}/fonts/../../../../../../etc/passwd",
    f"{BASE}/fonts",
    f"{BASE}/missing.css",
    "data:text/css,body{background:url(http://example.com/)}",
    "http://127.0.0.1:8000/",
    "http://localhost:8000/admin/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/a.css",
    "ftp://example.com/x.css",
    "file://localhost/etc/passwd",
]


def _escaped(name):
    """Every character %-escaped, as Path.as_uri() escapes a folder such as "Tài liệu dự án/"."""
    return "".join(f"%{byte:02X}" for byte in name.encode())


@pytest.mark.parametrize("url", REFUSED)
def test_the_fetcher_refuses_anything_but_our_assets(url):
    with pytest.raises(ValueError, match="refused"):
        AssetsOnlyFetcher().fetch(url)


def test_the_fetcher_serves_the_stylesheet():
    response = AssetsOnlyFetcher().fetch(f"{BASE}/minutes.css")
    assert b"@page" in response.read()
    assert response.headers.get_content_type() == "text/css"


def test_the_fetcher_serves_a_shipped_font():
    response = AssetsOnlyFetcher().fetch(f"{BASE}/fonts/LiberationSerif-Regular.ttf")
    assert response.read() == (ASSETS / "fonts" / "LiberationSerif-Regular.ttf").read_bytes()


def test_the_fetcher_reads_a_url_whose_path_is_percent_escaped():
    """A clone under "Tài liệu dự án/" or "My Projects/" has %-escapes in the file URLs of its assets."""
    response = AssetsOnlyFetcher().fetch(f"{BASE}/{_escaped('minutes.css')}")
    assert b"@page" in response.read()


def test_rendering_takes_the_font_from_our_assets_and_embeds_it(caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        data = minutes_pdf.render_html("<html><head><link rel=stylesheet href=minutes.css></head>"
                                       "<body><p>Điều 1.</p></body></html>")
    fonts = {str(font["/BaseFont"]) for page in PdfReader(io.BytesIO(data)).pages
             for font in page["/Resources"]["/Font"].values()}
    assert fonts and all("Liberation" in font for font in fonts), fonts
    assert caplog.messages == []  # the stylesheet and its fonts were all served
