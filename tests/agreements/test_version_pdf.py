"""A version's PDF prints the text as it was sent, as a draft, and its download is recorded; the minutes'
own PDF gives reviewers and partner users that version, never the live draft (issue 8, items 1 and 10)."""

import pytest
from django.urls import reverse

from agreements.models import AgreementVersion, ReviewRequest
from core.models import DownloadRecord
from tests.agreements.pdf_reading import download, pages, stored, text
from tests.agreements.test_version_page import FIRST_TEXT, NEW_TEXT, rewritten, sent_again
from tests.factories import draft, in_review, signed

pytestmark = pytest.mark.django_db


def version_pdf(client, agreement, number):
    return client.get(reverse("agreements:version_pdf", args=[agreement.pk, number]))


@pytest.fixture
def sent(drafter, vnpt):
    return in_review(by=drafter, partner=vnpt)


def test_the_version_pdf_prints_the_text_sent_as_a_draft_though_the_draft_changed(login, drafter, sent):
    rewritten(sent, drafter)
    response = version_pdf(login(drafter), sent, 1)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="du-thao-bien-ban-{sent.pk}-v1.pdf"'
    assert FIRST_TEXT in text(response.content) and NEW_TEXT not in text(response.content)
    assert all("DỰ THẢO" in page for page in pages(response.content))


def test_the_version_pdf_download_is_recorded(login, vnpt_user, sent):
    assert version_pdf(login(vnpt_user), sent, 1).status_code == 200
    record = DownloadRecord.objects.get()
    assert (record.user, record.what, record.object_id) == (vnpt_user, "version_minutes", sent.versions.get().pk)
    assert record.filename == f"du-thao-bien-ban-{sent.pk}-v1.pdf"


def test_the_outsider_gets_404_for_a_version_pdf_and_nothing_is_recorded(login, vietsens_user, sent):
    assert version_pdf(login(vietsens_user), sent, 1).status_code == 404
    assert not DownloadRecord.objects.exists()


def test_an_unknown_version_pdf_answers_404(login, drafter, sent):
    assert version_pdf(login(drafter), sent, 2).status_code == 404
    assert not DownloadRecord.objects.exists()


def test_a_reviewer_asking_for_the_minutes_pdf_gets_the_version_sent_not_the_draft(login, drafter, reviewer, sent):
    sent_again(rewritten(sent, drafter), drafter)
    rewritten(sent, drafter, text="Đoạn văn đang được soạn, chưa gửi.")
    client = login(reviewer)
    response = download(client, sent)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="du-thao-bien-ban-{sent.pk}-v2.pdf"'
    assert NEW_TEXT in text(response.content) and "chưa gửi" not in text(response.content)
    record = DownloadRecord.objects.get()
    assert (record.what, record.object_id) == ("version_minutes", sent.versions.get(number=2).pk)
    assert response.content == version_pdf(client, sent, 2).content


def test_a_partners_user_asking_for_the_minutes_pdf_gets_the_version_sent(login, drafter, vnpt_user, sent):
    rewritten(sent, drafter)
    response = download(login(vnpt_user), sent)
    assert response.status_code == 200
    assert FIRST_TEXT in text(response.content) and NEW_TEXT not in text(response.content)
    assert DownloadRecord.objects.get().what == "version_minutes"


def test_the_drafter_asking_for_the_minutes_pdf_gets_the_live_draft(login, drafter, sent):
    rewritten(sent, drafter)
    response = download(login(drafter), sent)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="du-thao-bien-ban-{sent.pk}.pdf"'
    assert NEW_TEXT in text(response.content) and FIRST_TEXT not in text(response.content)
    assert DownloadRecord.objects.get().what == "draft_minutes"


def test_signed_minutes_stay_the_stored_copy_for_a_reviewer(login, drafter, reviewer, vnpt):
    agreement = signed(by=drafter, partner=vnpt)
    response = download(login(reviewer), agreement)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bien-ban-01-BB-CNTT.pdf"'
    assert response.content == stored(agreement)
    assert DownloadRecord.objects.get().what == "signed_minutes"


def test_a_partners_user_gets_404_for_minutes_never_sent(login, drafter, vnpt, vnpt_user):
    assert download(login(vnpt_user), draft(by=drafter, partner=vnpt)).status_code == 404
    assert not DownloadRecord.objects.exists()


def test_a_reviewer_gets_404_not_the_draft_for_minutes_sent_before_versions_were_kept(login, reviewer, sent):
    # Minutes sent before this change have no frozen version: the setup unwinds the one sending made.
    ReviewRequest.objects.filter(agreement=sent).update(version=None)
    AgreementVersion.objects.filter(agreement=sent).delete()
    assert download(login(reviewer), sent).status_code == 404
    assert not DownloadRecord.objects.exists()
