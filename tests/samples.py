"""The one set of sample files the tests upload: the smallest a PDF, PNG or JPEG check accepts."""

import io
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

# Its magic number at the start, %%EOF at the end: the smallest file the product takes for a PDF.
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def image_bytes(format="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format=format)
    return buffer.getvalue()


def upload(name="giay-phep.pdf", content=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_files():
    """Every file under the private media root, wherever it is."""
    return {path for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if path.is_file()}
