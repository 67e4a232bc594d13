"""PDFs rendered on request (a draft as it is now, a version as it was sent, a consolidation table), kept by the
fingerprint of what was rendered; and each person's renders counted. No HTTP in here.

WeasyPrint's bytes depend only on the HTML and our assets (fonts, stylesheets): the same HTML gives the same PDF.
A second GET of an unchanged draft reads its PDF back instead of rendering it again (a draft with a 2.4 MB clause
took 52 s of CPU at every GET, issue 11); a changed draft is other HTML, so another fingerprint. The files are
kept privately, in PRIVATE_MEDIA_ROOT/pdf-cache/, named by their fingerprint, at most KEEP of them: past that,
those read least recently go. Signed copies are not kept here: they are stored once, at signing, in the database.

The cache stays on this server's disk even when private files are in a shared bucket (PRIVATE_STORAGE=s3): nothing
depends on it being shared. A PDF is named by the fingerprint of all its bytes depend on, so any server's copy is
the one any other would render; a server that has not kept it renders it once. A local disk reads it back in well
under a millisecond and marks it read (least recently read go first), which a bucket does not do in one cheap call."""

import hashlib
import logging
import os
import tempfile
import time
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from django.conf import settings

from core import ratelimit

logger = logging.getLogger(__name__)

FOLDER = "pdf-cache"
KEEP = 200
# Renders one person may have in a window of WINDOW seconds; a PDF read back from the cache counts for nothing.
RENDERS, WINDOW = 20, 10 * 60


class TooManyRenders(Exception):
    """The person has had `renders` PDFs rendered in this window of `window` seconds, which ends in `retry_after`."""

    def __init__(self, *, renders, window, retry_after):
        super().__init__(f"{renders} renders in {window} s: retry after {retry_after} s")
        self.renders, self.window, self.retry_after = renders, window, retry_after


def folder():
    return Path(settings.PRIVATE_MEDIA_ROOT) / FOLDER


def fingerprint(html):
    """The SHA-256 of everything the PDF's bytes depend on: the HTML, our assets and the renderer's version."""
    return hashlib.sha256(f"{_assets()}\n{html}".encode()).hexdigest()


@lru_cache(maxsize=1)
def _assets():
    from agreements.minutes_pdf import ASSETS

    digest = hashlib.sha256(version("weasyprint").encode())
    for path in sorted(p for p in ASSETS.rglob("*") if p.is_file()):
        digest.update(path.relative_to(ASSETS).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def pdf_of(html, *, by=None):
    """The PDF of `html`: kept from an earlier render of the same HTML, or rendered now and kept. Rendering counts
    against `by`'s allowance and past it raises TooManyRenders; a command, acting for no one (None), is not
    counted."""
    path = folder() / f"{fingerprint(html)}.pdf"
    try:
        data = path.read_bytes()
    except OSError:  # not kept, or a cache that cannot be read: render
        pass
    else:
        _touch(path)
        return data
    if by is not None and not ratelimit.allow("pdf-render", f"user:{by.pk}", limit=RENDERS, per=WINDOW):
        raise TooManyRenders(renders=RENDERS, window=WINDOW, retry_after=WINDOW - int(time.time()) % WINDOW)
    from agreements import minutes_pdf  # WeasyPrint loads only when a PDF is rendered

    data = minutes_pdf.render_html(html)
    _keep(path, data)
    return data


def _keep(path, data):
    """Keep a rendered PDF; a cache that cannot be written (a full disk) leaves the PDF to be sent all the same."""
    part = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as part:  # mode 0600
            part.write(data)
        os.replace(part.name, path)  # a reader in another process finds the whole file or none
    except OSError:
        logger.warning("A rendered PDF could not be kept in %s", path.parent, exc_info=True)
        if part is not None:
            Path(part.name).unlink(missing_ok=True)
        return
    _touch(path)
    kept = sorted(path.parent.glob("*.pdf"), key=_read_at, reverse=True)
    for old in kept[KEEP:]:
        old.unlink(missing_ok=True)


def _touch(path):
    """Mark a file read now, to the nanosecond (a file system's own clock may tick only every few milliseconds):
    the least recently read go first."""
    now = time.time_ns()
    try:
        os.utime(path, ns=(now, now))
    except FileNotFoundError:  # another process let it go meanwhile
        pass


def _read_at(path):
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0
