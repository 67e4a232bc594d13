"""Good files are kept privately under names the server chose; only a member of the unit submits."""

import hashlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from conditions import services
from conditions.models import Evidence, EvidenceFile
from core.exceptions import NotPermitted, Refused
from tests.pages import field_errors, flash_messages
from tests.samples import PDF, image_bytes, stored_files, upload

pytestmark = pytest.mark.django_db

ONLY_MEMBERS = "Only a member of the unit submits its evidence: the Ministry assesses, it does not submit."


@pytest.fixture
def submit_url(vnpt, codes):
    return reverse("conditions:submit", args=[vnpt.pk, codes["PL-01"].pk])


@pytest.fixture
def accepted(login, vnpt_user, submit_url):
    """A PDF and a PNG submitted together by the partner user."""
    response = login(vnpt_user).post(submit_url, {"statement": "Giấy chứng nhận đăng ký doanh nghiệp", "files": [
        upload("giay-chung-nhan.pdf"), upload("con-dau.png", image_bytes("PNG"), "image/png")]})
    return response, Evidence.objects.get()


def test_a_pdf_and_a_png_are_accepted_into_one_submission(accepted, vnpt, vnpt_user, codes):
    response, evidence = accepted
    assert response.status_code == 302
    assert response.url == reverse("conditions:evidence", args=[evidence.pk])
    assert flash_messages(response) == ["Evidence submitted for PL-01; an assessor will review it."]
    assert (evidence.partner, evidence.condition, evidence.submitted_by, evidence.status) == (
        vnpt, codes["PL-01"], vnpt_user, Evidence.Status.SUBMITTED)
    assert [(f.original_name, f.content_type) for f in evidence.files.order_by("pk")] == [
        ("giay-chung-nhan.pdf", "application/pdf"), ("con-dau.png", "image/png")]


def test_each_file_records_its_size_and_sha256(accepted):
    pdf, png = accepted[1].files.order_by("pk")
    assert (pdf.size, pdf.sha256) == (len(PDF), hashlib.sha256(PDF).hexdigest())
    assert (png.size, png.sha256) == (len(image_bytes("PNG")), hashlib.sha256(image_bytes("PNG")).hexdigest())


def test_files_are_stored_under_server_generated_names(accepted):
    for item in accepted[1].files.all():
        assert re.fullmatch(r"evidence/[0-9a-f]{32}\.(pdf|png)", item.file.name)
        assert Path(item.original_name).stem not in item.file.name


def test_files_are_stored_inside_the_private_root_and_outside_any_public_folder(accepted):
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    public = [Path(p).resolve() for p in [settings.STATIC_ROOT, *settings.STATICFILES_DIRS] if p]
    if settings.MEDIA_ROOT:
        public.append(Path(settings.MEDIA_ROOT).resolve())
    for item in accepted[1].files.all():
        path = Path(item.file.path).resolve()
        assert path.is_relative_to(private) and path.read_bytes()
        assert not any(path.is_relative_to(root) for root in public)


def test_a_stored_file_has_no_working_public_url(accepted, login, auditor):
    client = login(auditor)
    item = accepted[1].files.first()
    for guess in (f"/{item.file.name}", f"/media/{item.file.name}", f"/static/{item.file.name}"):
        assert client.get(guess).status_code == 404, guess


def test_the_content_decides_the_type_not_the_name(login, vnpt_user, submit_url):
    login(vnpt_user).post(submit_url, {"statement": "Ảnh chụp", "files": [upload("scan.pdf", image_bytes("PNG"))]})
    item = EvidenceFile.objects.get()
    assert (item.original_name, item.content_type) == ("scan.png", "image/png")  # the name follows what it is
    assert item.file.name.endswith(".png")


def test_the_service_itself_refuses_a_file_that_is_no_pdf_png_or_jpeg(vnpt, vnpt_user, codes):
    """Services own every rule-enforcing write (STYLE.md): a caller that skips the form is refused too."""
    before = stored_files()
    with pytest.raises(Refused, match="report.pdf: Only PDF, PNG or JPEG files are accepted"):
        services.evidence_submit(partner=vnpt, condition=codes["PL-01"], by=vnpt_user, statement="Hồ sơ",
                                 uploads=[upload("report.pdf", b"MZ\x90\x00" + b"\x00" * 64)])
    assert not Evidence.objects.exists()
    assert stored_files() == before


@pytest.mark.parametrize("persona", ["drafter", "assessor"])
def test_ministry_staff_get_403_when_submitting_for_a_partner(login, request, submit_url, persona):
    client = login(request.getfixturevalue(persona))
    assert client.get(submit_url).status_code == 403
    assert client.post(submit_url, {"statement": "Hồ sơ", "files": [upload()]}).status_code == 403
    assert not Evidence.objects.exists()


def test_the_service_refuses_ministry_staff_saying_who_submits(assessor, vnpt, codes):
    with pytest.raises(NotPermitted, match=re.escape(ONLY_MEMBERS)):
        services.evidence_submit(partner=vnpt, condition=codes["PL-01"], by=assessor, statement="Hồ sơ",
                                 uploads=[upload()])
    assert not Evidence.objects.exists()


def test_another_partners_user_gets_404_when_submitting_for_vnpt(login, vietsens_user, submit_url):
    client = login(vietsens_user)
    assert client.get(submit_url).status_code == 404
    assert client.post(submit_url, {"statement": "Hồ sơ", "files": [upload()]}).status_code == 404
    assert not Evidence.objects.exists()


def test_the_service_itself_refuses_a_submission_without_a_statement(vnpt, vnpt_user, codes):
    with pytest.raises(Refused, match="Write a statement."):
        services.evidence_submit(partner=vnpt, condition=codes["PL-01"], by=vnpt_user, statement="  ",
                                 uploads=[upload()])
    assert not Evidence.objects.exists()


def test_a_statement_is_required(login, vnpt_user, submit_url):
    response = login(vnpt_user).post(submit_url, {"statement": "  ", "files": [upload()]})
    assert response.status_code == 200
    assert field_errors(response, "statement") == ["This field is required."]
    assert not Evidence.objects.exists()
