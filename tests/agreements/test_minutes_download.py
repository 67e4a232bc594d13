"""Who may download the minutes as PDF, and every download is recorded."""

import pytest
from django.urls import reverse

from core.models import DownloadRecord
from tests.agreements.pdf_reading import download
from tests.factories import draft, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_minutes(drafter, vnpt):
    return signed(by=drafter, partner=vnpt)


@pytest.fixture
def draft_minutes(drafter, vnpt):
    return draft(by=drafter, partner=vnpt)


def test_another_partners_user_gets_404_for_a_draft(login, vietsens_user, draft_minutes):
    assert download(login(vietsens_user), draft_minutes).status_code == 404
    assert not DownloadRecord.objects.exists()


def test_another_partners_user_gets_404_for_a_signed_copy(login, vietsens_user, signed_minutes):
    assert download(login(vietsens_user), signed_minutes).status_code == 404
    assert not DownloadRecord.objects.exists()


def test_the_partners_own_user_downloads_its_signed_minutes(login, vnpt_user, signed_minutes):
    response = download(login(vnpt_user), signed_minutes)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="bien-ban-01-BB-CNTT.pdf"'
    assert response.content.startswith(b"%PDF-")


def test_a_symbol_with_vietnamese_letters_names_the_file_as_rfc_6266_says(login, drafter, vnpt_user, vnpt):
    response = download(login(vnpt_user), signed(by=drafter, partner=vnpt, symbol="BB-KHĐT"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''bien-ban-01-BB-KH%C4%90T.pdf"


def test_the_drafter_downloads_a_draft_as_an_attachment(login, drafter, draft_minutes):
    response = download(login(drafter), draft_minutes)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="du-thao-bien-ban-{draft_minutes.pk}.pdf"'


def test_an_anonymous_visitor_is_sent_to_log_in(client, signed_minutes):
    response = client.get(reverse("agreements:pdf", args=[signed_minutes.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert not DownloadRecord.objects.exists()


def test_an_unknown_agreement_answers_404(login, drafter):
    assert login(drafter).get(reverse("agreements:pdf", args=[999999])).status_code == 404


def test_a_signed_download_is_recorded(login, vnpt_user, signed_minutes):
    download(login(vnpt_user), signed_minutes)
    record = DownloadRecord.objects.get()
    assert (record.user, record.what, record.object_id) == (vnpt_user, "signed_minutes", signed_minutes.pk)


def test_a_draft_download_is_recorded(login, drafter, draft_minutes):
    download(login(drafter), draft_minutes)
    record = DownloadRecord.objects.get()
    assert (record.user, record.what, record.object_id) == (drafter, "draft_minutes", draft_minutes.pk)


def test_each_download_is_recorded_once(login, drafter, signed_minutes):
    client = login(drafter)
    download(client, signed_minutes)
    download(client, signed_minutes)
    assert DownloadRecord.objects.filter(object_id=signed_minutes.pk).count() == 2
