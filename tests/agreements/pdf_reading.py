"""Reading the minutes back: the text of each page with whitespace normalised, where text sits on a
page, the bytes kept at signing, and what a download sends."""

import io

from django.urls import reverse
from pypdf import PdfReader

from agreements.models import SignedCopy

MM = 72 / 25.4  # PDF points per millimetre


def pages(data):
    """The text of each page, on one line: extraction breaks lines where the layout does."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def text(data):
    return " ".join(pages(data))


def placed(data, index):
    """(x, y, text) of every piece of text on a page, in points from the bottom left corner, and the
    page's width and height."""
    page = PdfReader(io.BytesIO(data)).pages[index]
    found = []

    def visit(piece, cm, tm, font, size):
        if piece.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x, y, piece.strip()))

    page.extract_text(visitor_text=visit)
    return found, float(page.mediabox.width), float(page.mediabox.height)


def stored(agreement):
    """The bytes kept at signing, read from the database afresh."""
    return bytes(SignedCopy.objects.get(agreement=agreement).data)


def download(client, agreement):
    """What agreements:pdf answers the client for `agreement`."""
    return client.get(reverse("agreements:pdf", args=[agreement.pk]))
