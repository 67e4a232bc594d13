"""The attack corpus of issue 11, uploads: a PNG named scan.pdf kept its wrong name; a hundred files in one
submission, and no quota; four identical submissions at once made four records; /verify/ read a 300 MB anonymous
body whole before refusing it, as often as anyone liked. Each attack once got through; each rule both ways."""

import threading

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation

from agreements.models import SignedCopy
from conditions import services
from conditions.models import Evidence, EvidenceFile
from core.downloads import private_download
from core.exceptions import AlreadyRecorded, Refused
from core.models import DownloadRecord
from core.uploads import named_as_detected
from partners.models import AuthorityDocument
from tests.factories import AuthorityDocumentFactory, condition_set, decide, member_of, signed, submit
from tests.pages import field_errors, flash_messages, form_errors
from tests.samples import PDF, image_bytes, stored_files, upload

pytestmark = pytest.mark.django_db

PNG = image_bytes("PNG")


@pytest.fixture
def condition(db):
    return condition_set("PL-01").conditions.get()


def _submit_url(partner, condition):
    return reverse("conditions:submit", args=[partner.pk, condition.pk])


# --- the stored name follows the detected type -------------------------------------------------------------------

@pytest.mark.parametrize("sent, extension, kept", [
    ("scan.pdf", ".png", "scan.png"), ("Giấy phép.PDF", ".jpg", "Giấy phép.jpg"), ("scan", ".pdf", "scan.pdf"),
    ("scan.pdf", ".pdf", "scan.pdf"), ("ảnh.JPEG", ".jpg", "ảnh.JPEG"), ("con-dau.png", ".png", "con-dau.png")])
def test_a_name_keeps_its_extension_only_when_it_says_what_the_file_is(sent, extension, kept):
    assert named_as_detected(sent, extension) == kept


def test_a_png_named_scan_pdf_is_kept_shown_and_downloaded_as_scan_png(login, vnpt, vnpt_user, condition):
    client = login(vnpt_user)
    client.post(_submit_url(vnpt, condition), {"statement": "Ảnh chụp", "files": [upload("scan.pdf", PNG)]})
    item = EvidenceFile.objects.get()
    assert (item.original_name, item.file.name[-4:]) == ("scan.png", ".png")
    assert "scan.png" in client.get(reverse("conditions:evidence", args=[item.evidence_id])).content.decode()
    response = client.get(reverse("conditions:download", args=[item.pk]))
    assert (response["Content-Type"], response["Content-Disposition"]) == (
        "image/png", 'attachment; filename="scan.png"')


def test_a_file_kept_under_a_wrong_name_before_is_sent_under_the_right_one(vnpt, vnpt_user, condition):
    item = submit(vnpt, condition, by=vnpt_user, uploads=[upload("scan.png", PNG)]).files.get()
    request = RequestFactory().get("/")
    request.user = vnpt_user
    response = private_download(request, field_file=item.file, filename="scan.pdf", object_id=item.pk,
                                what=DownloadRecord.What.EVIDENCE_FILE, scope=(vnpt.pk, None))
    assert response["Content-Disposition"] == 'attachment; filename="scan.png"'


def test_a_pdf_named_scan_pdf_keeps_its_name(login, vnpt, vnpt_user, condition):
    login(vnpt_user).post(_submit_url(vnpt, condition), {"statement": "Bản quét", "files": [upload("scan.pdf")]})
    assert EvidenceFile.objects.get().original_name == "scan.pdf"


def test_an_authority_document_png_named_pdf_is_named_png(vnpt):
    document = AuthorityDocumentFactory(partner=vnpt, upload=upload("dieu-le.pdf", PNG, "image/png"))
    assert (document.original_filename, document.file.name[-4:], document.size) == ("dieu-le.png", ".png", len(PNG))


# --- at most 20 files in one submission --------------------------------------------------------------------------

def _files(count):
    return [upload(f"trang-{n}.pdf") for n in range(count)]


def test_twenty_one_files_are_refused_beside_the_field_and_nothing_is_kept(login, vnpt, vnpt_user, condition):
    before = stored_files()
    response = login(vnpt_user).post(_submit_url(vnpt, condition), {"statement": "Hồ sơ", "files": _files(21)})
    assert field_errors(response, "files") == ["At most 20 files in one submission: 21 were chosen."]
    assert not Evidence.objects.exists() and stored_files() == before


def test_twenty_files_are_taken_in_one_submission(login, vnpt, vnpt_user, condition):
    response = login(vnpt_user).post(_submit_url(vnpt, condition), {"statement": "Hồ sơ", "files": _files(20)})
    assert response.status_code == 302
    assert Evidence.objects.get().files.count() == 20


def test_the_service_refuses_twenty_one_files_from_any_caller(vnpt, condition):
    with pytest.raises(Refused, match="At most 20 files in one submission: 21 were chosen."):
        submit(vnpt, condition, uploads=_files(21))


# --- the storage quota of a partner unit -------------------------------------------------------------------------

@override_settings(PARTNER_UPLOAD_QUOTA_BYTES=2 * len(PDF))
def test_a_submission_past_the_units_quota_is_refused_saying_what_is_used_and_nothing_is_kept(
        login, vnpt, vnpt_user, condition):
    submit(vnpt, condition, by=vnpt_user)  # one PDF: half the quota
    before = stored_files()
    response = login(vnpt_user).post(_submit_url(vnpt, condition), {"statement": "Thêm", "files": _files(2)})
    assert form_errors(response) == ["These files (154\xa0bytes) would pass the unit's storage quota: 77\xa0bytes of "
                                     "154\xa0bytes are used. Ask the Department of Information Technology for more "
                                     "space."]
    assert Evidence.objects.count() == 1 and stored_files() == before


@override_settings(PARTNER_UPLOAD_QUOTA_BYTES=2 * len(PDF))
def test_a_submission_that_fills_the_quota_exactly_is_taken(vnpt, condition):
    submit(vnpt, condition, uploads=_files(2))
    assert Evidence.objects.count() == 1


@override_settings(PARTNER_UPLOAD_QUOTA_BYTES=2 * len(PDF))
def test_authority_documents_count_toward_the_quota_and_are_refused_past_it(login, drafter, vnpt, condition):
    AuthorityDocumentFactory(partner=vnpt, upload=upload())
    submit(vnpt, condition)  # the quota is now full
    form = {"kind": "charter", "issued_on": "01/01/2021", "issuer": "HĐQT", "upload": upload()}
    response = login(drafter).post(reverse("partners:document_add", args=[vnpt.pk]), form)
    assert field_errors(response, "upload")[0].startswith("These files (77\xa0bytes) would pass the unit's storage")
    assert AuthorityDocument.objects.count() == 1


@override_settings(PARTNER_UPLOAD_QUOTA_BYTES=len(PDF))
def test_one_units_full_quota_leaves_another_unit_free(vnpt, vietsens, condition):
    submit(vnpt, condition)
    submit(vietsens, condition)
    assert Evidence.objects.count() == 2


# --- the same submission sent twice is recorded once -------------------------------------------------------------

def test_the_same_submission_sent_again_shows_the_first_and_records_nothing(login, vnpt, vnpt_user, condition):
    client, url = login(vnpt_user), _submit_url(vnpt, condition)
    client.post(url, {"statement": "Giấy phép\r\nsố 12", "files": [upload("a.pdf"), upload("b.png", PNG)]}, follow=True)
    first = Evidence.objects.get()
    response = client.post(url, {"statement": "Giấy phép\r\nsố 12", "files": [upload("a.pdf"), upload("b.png", PNG)]})
    assert response.url == reverse("conditions:evidence", args=[first.pk])
    assert flash_messages(response) == ["This submission was already recorded; it is shown here and was not "
                                        "recorded again."]
    assert Evidence.objects.count() == 1 and EvidenceFile.objects.count() == 2


@pytest.mark.parametrize("second", [{"statement": "Khác"}, {"files": [PNG]}], ids=["statement", "files"])
def test_a_submission_that_differs_is_recorded_as_well(vnpt, condition, second):
    submit(vnpt, condition)
    submit(vnpt, condition, statement=second.get("statement", "Hồ sơ chứng minh"),
           uploads=[upload("b.png", content) for content in second.get("files", [PDF])])
    assert Evidence.objects.count() == 2


def test_the_same_files_may_be_sent_again_once_the_first_was_decided(vnpt, condition):
    decide(submit(vnpt, condition), Evidence.Status.REJECTED, reason="Bản quét mờ")
    submit(vnpt, condition)
    assert Evidence.objects.count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_four_identical_submissions_at_once_make_one_record(vnpt, condition):
    """Real PostgreSQL locks, so a transactional test: the partner row's lock makes the last three see the first."""
    user, barrier, outcome = member_of(vnpt), threading.Barrier(4), []

    def send():
        try:
            barrier.wait(10)
            with translation.override("en"):
                outcome.append(services.evidence_submit(partner=vnpt, condition=condition, by=user,
                                                        statement="Hồ sơ", uploads=[upload()]))
        except AlreadyRecorded as already:
            outcome.append(already)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    [recorded] = Evidence.objects.all()
    assert sorted(type(r).__name__ for r in outcome) == ["AlreadyRecorded"] * 3 + ["Evidence"]
    assert {r.existing.pk for r in outcome if isinstance(r, AlreadyRecorded)} == {recorded.pk}
    assert EvidenceFile.objects.count() == 1


# --- /verify/: a bounded body, a bounded number of checks per address --------------------------------------------

class Body:
    """A multipart body of `size` bytes, one file, made as it is read (no test holds 300 MB), counting what was
    read."""

    def __init__(self, size, boundary="XyZ", csrf_token=None):
        self.head = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="copy.pdf"\r\n'
                     f"Content-Type: application/pdf\r\n\r\n").encode()
        if csrf_token:  # first, as the page's form sends it
            self.head = (f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
                         f"{csrf_token}\r\n").encode() + self.head
        self.tail = f"\r\n--{boundary}--\r\n".encode()
        self.size, self.read_bytes = size, 0

    def read(self, n=-1):
        start = self.read_bytes
        end = self.size if n is None or n < 0 else min(self.size, start + n)
        filler_end = self.size - len(self.tail)
        parts = [self.head[start:end], b"%" * max(0, min(end, filler_end) - max(start, len(self.head))),
                 self.tail[max(0, start - filler_end):max(0, end - filler_end)]]
        self.read_bytes = end
        return b"".join(parts)

    def readline(self, n=-1):  # Django's multipart parser never reads a body by lines
        raise NotImplementedError


def _verify_with(client, body):
    """POST `body` to /verify/ through every middleware, as an anonymous visitor reading English."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client.generic("POST", reverse("verify"), b"-", "multipart/form-data; boundary=XyZ",
                          CONTENT_LENGTH=str(body.size), **{"wsgi.input": body})


def test_a_300_mb_body_is_refused_before_a_byte_of_it_is_read(client):
    body = Body(300 * 1024 * 1024)
    response = _verify_with(client, body)
    assert (response.status_code, body.read_bytes) == (413, 0)
    assert response.context["refusal"] == ("The file is larger than 20 MB: no signed minutes are that large, and it "
                                           "was not read.")


@override_settings(UPLOAD_MAX_BYTES=2 * 1024 * 1024)
def test_a_file_past_the_limit_stops_being_read_where_it_passes_it(client):
    body = Body(2 * 1024 * 1024 + 900 * 1024)  # within the body's room for fields: only the handler stands
    response = _verify_with(client, body)
    assert response.status_code == 413 and response.context["refusal"].startswith("The file is larger than 2 MB")
    assert 2 * 1024 * 1024 < body.read_bytes < 2 * 1024 * 1024 + 256 * 1024 < body.size


def test_a_file_within_the_limit_is_read_and_checked(client):
    body = Body(300 * 1024)
    response = _verify_with(client, body)
    assert (response.status_code, body.read_bytes) == (200, body.size)
    assert response.context["result"] == {"genuine": False}


@override_settings(UPLOAD_MAX_BYTES=2 * 1024 * 1024)
@pytest.mark.parametrize("size, status", [(300 * 1024, 200), (2 * 1024 * 1024 + 900 * 1024, 413),
                                          (40 * 1024 * 1024, 413)], ids=["within", "file past", "body past"])
def test_the_limits_stand_with_the_csrf_check_of_a_real_browser(size, status):
    """Django's CSRF check reads the whole body unless the view is exempt from it and checks the token itself."""
    browser = Client(enforce_csrf_checks=True)
    browser.get(reverse("verify"))
    body = Body(size, csrf_token=browser.cookies[settings.CSRF_COOKIE_NAME].value)
    assert _verify_with(browser, body).status_code == status
    assert body.read_bytes < 2 * 1024 * 1024 + 256 * 1024


def test_a_check_without_the_csrf_token_is_still_refused():
    browser = Client(enforce_csrf_checks=True)
    browser.get(reverse("verify"))
    assert _verify_with(browser, Body(300 * 1024)).status_code == 403


def test_thirty_checks_from_one_address_are_answered_and_the_next_is_refused(client, drafter, vnpt, fresh_window):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    code = SignedCopy.objects.get(agreement=signed(by=drafter, partner=vnpt)).verification_code
    answers = [client.post(reverse("verify"), {"code": code}, REMOTE_ADDR="203.0.113.7").status_code
               for _ in range(31)]
    assert answers == [200] * 30 + [429]
    response = client.post(reverse("verify"), {"code": code}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429 and response.context["result"] is None
    assert 0 < int(response["Retry-After"]) <= 600
    assert response.context["refusal"] == "Too many checks from your address: try again in a few minutes."
    assert client.post(reverse("verify"), {"code": code}, REMOTE_ADDR="198.51.100.1").status_code == 200
