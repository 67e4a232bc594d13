"""Who may download the minutes as PDF, and every download is recorded."""

import pytest
from django.urls import reverse

from core.models import DownloadRecord
from tests.minutes.helpers import download

pytestmark = pytest.mark.django_db


def test_another_partners_user_gets_404_for_a_draft(login, vietsens_user, draft):
    assert download(login(vietsens_user), draft).status_code == 404


def test_another_partners_user_gets_404_for_a_signed_copy(login, vietsens_user, signed):
    assert download(login(vietsens_user), signed).status_code == 404
    assert not DownloadRecord.objects.exists()


def test_the_partners_own_user_downloads_its_minutes(login, vnpt_user, signed):
    response = download(login(vnpt_user), signed)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.body.startswith(b"%PDF-")


def test_the_drafter_downloads_a_draft_as_an_attachment(login, drafter, draft):
    response = download(login(drafter), draft)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")


def test_an_anonymous_visitor_is_sent_to_log_in(client, signed):
    response = client.get(reverse("agreements:pdf", args=[signed.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_an_unknown_agreement_answers_404(login, drafter, db):
    assert login(drafter).get(reverse("agreements:pdf", args=[999999])).status_code == 404


def test_a_signed_download_is_recorded(login, vnpt_user, signed):
    download(login(vnpt_user), signed)
    record = DownloadRecord.objects.get()
    assert (record.user, record.what, record.object_id) == (vnpt_user, "signed_minutes", signed.pk)


def test_a_draft_download_is_recorded(login, drafter, draft):
    download(login(drafter), draft)
    record = DownloadRecord.objects.get()
    assert (record.user, record.what, record.object_id) == (drafter, "draft_minutes", draft.pk)


def test_each_download_is_recorded_once(login, drafter, signed):
    client = login(drafter)
    download(client, signed)
    download(client, signed)
    assert DownloadRecord.objects.filter(object_id=signed.pk).count() == 2
