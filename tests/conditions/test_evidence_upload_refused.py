"""Each disguised or broken upload is refused by the files field, and nothing of the submission is kept."""

import pytest
from django.urls import reverse

from conditions.models import Evidence, EvidenceFile
from tests.pages import field_errors
from tests.samples import PDF, image_bytes, stored_files, upload

pytestmark = pytest.mark.django_db

# What an attacker sends, not sample files: the good files all come from tests.samples.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200 + b"This program cannot be run"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"

ATTACKS = {
    "executable named report.pdf": lambda: upload("report.pdf", EXE),
    "html named .pdf and claimed as pdf": lambda: upload("bao-cao.pdf", HTML),
    "empty file": lambda: upload("trong.pdf", b""),
    "pdf start with no end": lambda: upload("cat-ngang.pdf", PDF.replace(b"%%EOF", b"")),
    "png header on garbage": lambda: upload("anh.png", image_bytes("PNG")[:8] + b"garbage" * 20, "image/png"),
}


@pytest.fixture
def post_files(login, vnpt, vnpt_user, codes):
    """post_files(*uploads): the partner user submits these files for PL-01; answers the response."""
    client = login(vnpt_user)
    url = reverse("conditions:submit", args=[vnpt.pk, codes["PL-01"].pk])
    return lambda *files: client.post(url, {"statement": "Giấy chứng nhận đăng ký doanh nghiệp", "files": files})


def _assert_nothing_stored(before):
    assert not Evidence.objects.exists()
    assert not EvidenceFile.objects.exists()
    assert stored_files() == before


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_bad_file_is_refused_by_the_files_field_and_nothing_is_stored(post_files, attack):
    before = stored_files()
    response = post_files(ATTACKS[attack]())
    assert response.status_code == 200
    assert len(field_errors(response, "files")) == 1
    _assert_nothing_stored(before)


def test_the_message_says_what_is_wrong_with_a_disguised_executable(post_files):
    [message] = field_errors(post_files(ATTACKS["executable named report.pdf"]()), "files")
    assert message == "report.pdf: Only PDF, PNG or JPEG files are accepted; this file is none of them."


def test_an_empty_file_is_refused_saying_it_is_empty(post_files):
    assert field_errors(post_files(upload("trong.pdf", b"")), "files") == ["trong.pdf: The submitted file is empty."]


def test_an_oversize_file_is_refused_by_the_size_limit(post_files, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    before = stored_files()
    big = PDF[:-6] + b"%" + b"x" * (1024 * 1024) + b"\n%%EOF\n"
    [message] = field_errors(post_files(upload("lon.pdf", big)), "files")
    assert message == "lon.pdf: The file is larger than 1 MB."
    _assert_nothing_stored(before)


def test_a_file_just_at_the_size_limit_is_taken(post_files, settings):
    settings.UPLOAD_MAX_BYTES = len(PDF)
    response = post_files(upload("vua-du.pdf", PDF))
    evidence = Evidence.objects.get()
    assert response.status_code == 302 and response.url == reverse("conditions:evidence", args=[evidence.pk])
    assert [f.original_name for f in evidence.files.all()] == ["vua-du.pdf"]


def test_a_valid_pdf_beside_a_bad_file_is_not_stored_either(post_files):
    before = stored_files()
    response = post_files(upload("hop-le.pdf"), upload("report.pdf", EXE))
    assert field_errors(response, "files") == [
        "report.pdf: Only PDF, PNG or JPEG files are accepted; this file is none of them."]
    _assert_nothing_stored(before)


def test_a_submission_without_files_is_refused_by_the_files_field(post_files):
    before = stored_files()
    response = post_files()
    assert response.status_code == 200
    assert field_errors(response, "files") == ["Attach at least one file."]
    _assert_nothing_stored(before)
