"""Rendering the minutes as a PDF in the Vietnamese administrative format. No HTTP in here.

WeasyPrint fetches nothing but our own PDF assets (fonts, stylesheet): the URL fetcher refuses
every other URL, and every piece of user text reaches the HTML escaped by Django's templates."""

import mimetypes
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from agreements.minutes_text import content_fingerprint, minutes_context  # noqa: F401  (callers import them here)

ASSETS = Path(__file__).resolve().parent / "pdf_assets"


class AssetsOnlyFetcher(URLFetcher):
    """Deny by default: only file:// URLs inside ASSETS are served, from memory."""

    def fetch(self, url, headers=None):
        if not url.startswith("file://"):
            raise ValueError(f"refused: {url[:80]}")
        path = Path(url2pathname(urlsplit(url).path)).resolve()  # as_uri() escaped spaces and accents
        if not path.is_relative_to(ASSETS) or not path.is_file():
            raise ValueError(f"refused: {url[:80]}")
        return URLFetcherResponse(url, body=_asset(path), headers={"Content-Type": _mime(path)})


@lru_cache(maxsize=32)
def _asset(path):
    return path.read_bytes()


def _mime(path):
    return {".css": "text/css", ".ttf": "font/ttf"}.get(path.suffix) or mimetypes.guess_type(path.name)[0] or ""


def render_html(html):
    """The PDF of an HTML string rendered against our assets only."""
    return HTML(string=html, base_url=ASSETS.as_uri() + "/", url_fetcher=AssetsOnlyFetcher()).write_pdf()


def render_minutes(agreement, *, draft=None):
    """The PDF bytes of the minutes as they are now. Unsigned minutes print as a draft ("DỰ THẢO" on every
    page, "ĐÃ HỦY" once cancelled); the signed copy itself is rendered once, at signing (services.signed_copies)."""
    return render_html(minutes_html(agreement, draft=draft))


def minutes_html(agreement, *, draft=None):
    """The HTML render_minutes renders: what a draft's PDF is kept by (agreements.pdf_cache)."""
    draft = agreement.signed_on is None if draft is None else draft
    # Not part of what the minutes say (the versions frozen and their fingerprints leave it out): how they print.
    cancelled = agreement.status == agreement.Status.CANCELLED
    return context_html({**minutes_context(agreement, draft=draft), "cancelled": cancelled})


def render_context(context):
    """The PDF of minutes already reduced to plain values, such as a version frozen when it was sent."""
    return render_html(context_html(context))


def context_html(context):
    return render_to_string("agreements/pdf/minutes.html", _with_parties(context))


def _with_parties(context):
    """Versions frozen before each party became one value kept its facts in flat keys: read them as parties."""
    context = dict(context)
    for side in ("handing", "receiving"):
        if not isinstance(context.get(side), dict):
            title = context.get(f"{side}_title", "")
            context[side] = {"name": context.get(f"{side}_representative", ""), "honorific": "", "title": title,
                             "behalf": "", "sign_lines": [context.get(f"{side}_sign_title") or title]}
    context.setdefault("subject_groups", [context.get("subject", "")])
    return context
