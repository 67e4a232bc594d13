"""Evidence files leave only through the download view: per role, as attachments, and logged."""

import pytest
from django.conf import settings
from django.urls import reverse

from core.models import DownloadRecord
from tests.eligibility.conftest import PDF, png_bytes, submit, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def vnpt_file(vnpt, vnpt_user, codes):
    """A PDF in a submission of VNPT."""
    return submit(vnpt, codes["PL-01"], vnpt_user, upload("giay-phep.pdf")).files.get()


def _download(client, item):
    return client.get(reverse("conditions:download", args=[item.pk]))


@pytest.mark.parametrize("persona", ["vnpt_user", "drafter", "assessor", "signer", "auditor"])
def test_these_roles_may_download_vnpts_file(client, request, vnpt_file, persona):
    client.force_login(request.getfixturevalue(persona))
    response = _download(client, vnpt_file)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("persona", ["vietsens_user", "reviewer"])
def test_these_users_get_404_and_nothing_is_logged(client, request, vnpt_file, persona):
    client.force_login(request.getfixturevalue(persona))
    assert _download(client, vnpt_file).status_code == 404
    assert not DownloadRecord.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, vnpt_file):
    response = _download(client, vnpt_file)
    assert response.status_code == 302
    assert response.url.startswith(reverse(settings.LOGIN_URL))
    assert not DownloadRecord.objects.exists()


def test_guessing_a_file_id_that_does_not_exist_answers_404(client, auditor, vnpt_file):
    client.force_login(auditor)
    assert client.get(reverse("conditions:download", args=[vnpt_file.pk + 1000])).status_code == 404


def test_the_file_is_sent_as_an_attachment_that_browsers_must_not_sniff(client, vnpt_user, vnpt_file):
    client.force_login(vnpt_user)
    response = _download(client, vnpt_file)
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="giay-phep.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


def test_the_type_sent_comes_from_the_content_not_the_name(client, vnpt, vnpt_user, codes):
    item = submit(vnpt, codes["PL-01"], vnpt_user, upload("anh-chup.pdf", png_bytes(), "application/pdf")).files.get()
    client.force_login(vnpt_user)
    assert _download(client, item)["Content-Type"] == "image/png"


def test_each_download_is_recorded_with_the_user(client, signer, vnpt_user, vnpt_file):
    for user in (signer, vnpt_user, signer):
        client.force_login(user)
        _download(client, vnpt_file)
    records = DownloadRecord.objects.order_by("pk")
    assert [(r.user, r.what, r.object_id, r.filename) for r in records] == [
        (u, "evidence_file", vnpt_file.pk, "giay-phep.pdf") for u in (signer, vnpt_user, signer)]


def test_the_auditor_sees_the_download_on_the_downloads_page(client, signer, auditor, vnpt_file):
    client.force_login(signer)
    _download(client, vnpt_file)
    client.force_login(auditor)
    response = client.get(reverse("downloads"))
    assert [(r.user, r.object_id) for r in response.context["page"]] == [(signer, vnpt_file.pk)]
    assert "giay-phep.pdf" in response.content.decode()


def test_a_partner_user_cannot_read_the_downloads_page(client, vnpt_user):
    client.force_login(vnpt_user)
    assert client.get(reverse("downloads")).status_code == 403
