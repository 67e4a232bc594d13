"""Good files are kept privately under names the server chose; only a member of the unit submits."""

import hashlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from conditions import services
from conditions.models import Evidence, EvidenceFile
from core.exceptions import Refused
from tests.eligibility.conftest import PDF, png_bytes, stored_files, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def submit_url(vnpt, codes):
    return reverse("conditions:submit", args=[vnpt.pk, codes["PL-01"].pk])


@pytest.fixture
def accepted(as_user, vnpt_user, submit_url):
    """A PDF and a PNG submitted together by the partner user."""
    response = as_user(vnpt_user).post(submit_url, {"statement": "Giấy chứng nhận đăng ký doanh nghiệp", "files": [
        upload("giay-chung-nhan.pdf"), upload("con-dau.png", png_bytes(), "image/png")]})
    return response, Evidence.objects.get()


def test_a_pdf_and_a_png_are_accepted_into_one_submission(accepted, vnpt, vnpt_user):
    response, evidence = accepted
    assert response.status_code == 302
    assert response.url == reverse("conditions:evidence", args=[evidence.pk])
    assert (evidence.partner, evidence.submitted_by, evidence.status) == (vnpt, vnpt_user, Evidence.Status.SUBMITTED)
    assert [(f.original_name, f.content_type) for f in evidence.files.order_by("pk")] == [
        ("giay-chung-nhan.pdf", "application/pdf"), ("con-dau.png", "image/png")]


def test_each_file_records_its_size_and_sha256(accepted):
    pdf, png = accepted[1].files.order_by("pk")
    assert (pdf.size, pdf.sha256) == (len(PDF), hashlib.sha256(PDF).hexdigest())
    assert (png.size, png.sha256) == (len(png_bytes()), hashlib.sha256(png_bytes()).hexdigest())


def test_files_are_stored_under_server_generated_names(accepted):
    for item in accepted[1].files.all():
        stored = Path(item.file.name).name
        assert re.fullmatch(r"[0-9a-f]{32}\.(pdf|png)", stored)
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


def test_a_stored_file_has_no_working_public_url(accepted, client, auditor):
    client.force_login(auditor)
    item = accepted[1].files.first()
    for guess in (f"/{item.file.name}", f"/media/{item.file.name}", f"/static/{item.file.name}"):
        assert client.get(guess).status_code == 404


def test_the_content_decides_the_type_not_the_name(as_user, vnpt_user, submit_url):
    as_user(vnpt_user).post(submit_url, {"statement": "Ảnh chụp", "files": [upload("scan.pdf", png_bytes())]})
    assert EvidenceFile.objects.get().content_type == "image/png"


def test_the_service_itself_refuses_a_file_that_is_no_pdf_png_or_jpeg(vnpt, vnpt_user, codes):
    """Services own every rule-enforcing write (STYLE.md): a caller that skips the form is refused too."""
    before = stored_files()
    with pytest.raises(Refused):
        services.evidence_submit(partner=vnpt, condition=codes["PL-01"], by=vnpt_user, statement="Hồ sơ",
                                 uploads=[upload("report.pdf", b"MZ\x90\x00" + b"\x00" * 64)])
    assert stored_files() == before


@pytest.mark.parametrize("persona", ["drafter", "assessor"])
def test_ministry_staff_cannot_submit_for_a_partner(as_user, request, submit_url, persona):
    client = as_user(request.getfixturevalue(persona))
    assert client.get(submit_url).status_code == 403
    assert client.post(submit_url, {"statement": "Hồ sơ", "files": [upload()]}).status_code == 403
    assert not Evidence.objects.exists()


def test_another_partners_user_gets_404_when_submitting_for_vnpt(as_user, vietsens_user, submit_url):
    client = as_user(vietsens_user)
    assert client.get(submit_url).status_code == 404
    assert client.post(submit_url, {"statement": "Hồ sơ", "files": [upload()]}).status_code == 404
    assert not Evidence.objects.exists()


def test_evidence_cannot_be_submitted_for_a_draft_set(as_user, vnpt, vnpt_user, condition_set, assessor):
    draft = services.condition_set_create(by=assessor, title="Nháp", effective_from=condition_set.effective_from,
                                          copy_from=condition_set)
    url = reverse("conditions:submit", args=[vnpt.pk, draft.conditions.first().pk])
    assert as_user(vnpt_user).post(url, {"statement": "Hồ sơ", "files": [upload()]}).status_code == 404
    assert not Evidence.objects.exists()
