"""Evidence files leave only through the download view: per role, as attachments, and logged."""

import pytest
from django.conf import settings
from django.urls import reverse

from core.models import DownloadRecord
from tests.factories import submit
from tests.samples import PDF, image_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def vnpt_file(vnpt, codes):
    """A PDF in a submission of VNPT."""
    return submit(vnpt, codes["PL-01"], uploads=[upload("giay-phep.pdf")]).files.get()


def _download(client, item):
    return client.get(reverse("conditions:download", args=[item.pk]))


@pytest.mark.parametrize("persona", ["vnpt_user", "drafter", "assessor", "signer", "auditor"])
def test_these_roles_may_download_vnpts_file(login, request, vnpt_file, persona):
    response = _download(login(request.getfixturevalue(persona)), vnpt_file)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("persona", ["vietsens_user", "reviewer"])
def test_these_users_get_404_and_nothing_is_logged(login, request, vnpt_file, persona):
    assert _download(login(request.getfixturevalue(persona)), vnpt_file).status_code == 404
    assert not DownloadRecord.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, vnpt_file):
    response = _download(client, vnpt_file)
    assert response.status_code == 302
    assert response.url.startswith(reverse(settings.LOGIN_URL))
    assert not DownloadRecord.objects.exists()


def test_guessing_a_file_id_that_does_not_exist_answers_404(login, auditor, vnpt_file):
    response = login(auditor).get(reverse("conditions:download", args=[vnpt_file.pk + 1000]))
    assert response.status_code == 404
    assert not DownloadRecord.objects.exists()


def test_the_file_is_sent_as_an_attachment_that_browsers_must_not_sniff(login, vnpt_user, vnpt_file):
    response = _download(login(vnpt_user), vnpt_file)
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="giay-phep.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


def test_the_type_sent_comes_from_the_content_not_the_name(login, vnpt, vnpt_user, codes):
    item = submit(vnpt, codes["PL-01"], uploads=[upload("anh-chup.pdf", image_bytes("PNG"), "application/pdf")])
    response = _download(login(vnpt_user), item.files.get())
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == image_bytes("PNG")


def test_each_download_is_recorded_with_the_user(login, signer, vnpt_user, vnpt_file):
    for user in (signer, vnpt_user, signer):
        _download(login(user), vnpt_file)
    records = DownloadRecord.objects.order_by("pk")
    assert [(r.user, r.what, r.object_id, r.filename) for r in records] == [
        (u, DownloadRecord.What.EVIDENCE_FILE, vnpt_file.pk, "giay-phep.pdf") for u in (signer, vnpt_user, signer)]
