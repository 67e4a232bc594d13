"""How long the demo minutes take to render, beside WeasyPrint's own time for the same HTML.

    .venv/bin/python bench/pdf.py [--runs 7]

Uses the database of the current settings (the demo's, after `make run` or `manage.py seed_demo`).
Then how long a kept PDF takes to come back (a draft's second GET). Prints medians: the machine is shared
and noisy, so compare ratios rather than absolute figures."""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402

from agreements import minutes_pdf as pdf  # noqa: E402
from agreements import pdf_cache  # noqa: E402
from agreements.models import Agreement  # noqa: E402


def timed(function, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    agreement = Agreement.objects.filter(status="signed").order_by("pk").first() or Agreement.objects.first()
    if agreement is None:
        sys.exit("No agreement: run `manage.py seed_demo` first.")
    pdf.render_minutes(agreement, draft=False)  # warm up: fonts cached, templates compiled
    ours, data = timed(lambda: pdf.render_minutes(agreement, draft=False), args.runs)
    html = render_to_string("agreements/pdf/minutes.html", pdf.minutes_context(agreement, draft=False))
    weasy, _ = timed(lambda: pdf.render_html(html), args.runs)
    context, _ = timed(lambda: pdf.minutes_context(agreement, draft=False), args.runs)
    print(f"demo minutes {agreement}: {_pages(data)} pages, {len(data)} bytes; medians of {args.runs} runs")
    print(f"  render_minutes (ours, end to end)   {ours * 1000:8.1f} ms")
    print(f"  WeasyPrint alone, same HTML         {weasy * 1000:8.1f} ms")
    print(f"  our overhead (queries + template)   {(ours - weasy) * 1000:8.1f} ms  ({ours / weasy:.2f}x WeasyPrint)")
    print(f"  of which building the context       {context * 1000:8.1f} ms")

    # A typical signed minutes runs 8-10 pages: the demo's articles, three times over.
    long_context = pdf.minutes_context(agreement, draft=False)
    long_context["articles"] = [dict(a, number=n) for n, a in enumerate(long_context["articles"] * 3, start=2)]
    long_html = render_to_string("agreements/pdf/minutes.html", long_context)
    long_time, long_data = timed(lambda: pdf.render_html(long_html), args.runs)
    print(f"long minutes: {_pages(long_data)} pages, WeasyPrint with our assets {long_time * 1000:8.1f} ms")

    # A draft's second GET: read back from the cache by the fingerprint of its HTML (agreements.pdf_cache).
    with tempfile.TemporaryDirectory() as private:
        settings.PRIVATE_MEDIA_ROOT = private
        pdf_cache.pdf_of(html)  # kept
        kept, _ = timed(lambda: pdf_cache.pdf_of(html), args.runs)
    print(f"the same HTML kept: fingerprint + read {kept * 1000:8.1f} ms  ({weasy / kept:.0f}x faster than a render)")


def _pages(data):
    try:
        import io

        from pypdf import PdfReader

        return len(PdfReader(io.BytesIO(data)).pages)
    except ImportError:
        return "?"


if __name__ == "__main__":
    main()
