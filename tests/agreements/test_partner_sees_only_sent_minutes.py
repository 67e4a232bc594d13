"""Partners see their minutes only from the moment they are first sent (agreements/querysets.visible_to,
issue 8 item 10): never an earlier draft, page or PDF; once sent they stay visible, and while the text is
back in draft the PDF they get is the version sent, never the live draft (agreements/views/minutes.py)."""

import pytest
from django.urls import reverse

from core.models import DownloadRecord
from tests.agreements.pdf_reading import text
from tests.agreements.review_round import returned, rewrite
from tests.factories import cancelled, draft, in_review

pytestmark = pytest.mark.django_db
SENT_TEXT = "Nội dung ownership"  # the ownership clause as tests.factories.draft writes it
UNSENT_TEXT = "Văn bản sửa chưa gửi đi"


def _page(client, agreement):
    return client.get(reverse("agreements:detail", args=[agreement.pk]))


def _pdf(client, agreement):
    return client.get(reverse("agreements:pdf", args=[agreement.pk]))


def test_a_partner_member_gets_404_for_its_units_never_sent_draft(login, drafter, vnpt, vnpt_user):
    agreement = draft(by=drafter, partner=vnpt)
    client = login(vnpt_user)
    assert (_page(client, agreement).status_code, _pdf(client, agreement).status_code) == (404, 404)
    assert not DownloadRecord.objects.exists()
    assert _page(login(drafter), agreement).status_code == 200


def test_a_partner_member_sees_the_minutes_once_sent(login, drafter, vnpt, vnpt_user):
    agreement = in_review(by=drafter, partner=vnpt)
    response = _page(login(vnpt_user), agreement)
    assert response.status_code == 200
    assert response.context["agreement"] == agreement


def test_another_units_member_never_sees_the_minutes_sent(login, drafter, vnpt, vietsens_user):
    agreement = in_review(by=drafter, partner=vnpt)
    client = login(vietsens_user)
    assert (_page(client, agreement).status_code, _pdf(client, agreement).status_code) == (404, 404)


def test_a_cancelled_draft_never_sent_stays_hidden(login, drafter, vnpt, vnpt_user):
    agreement = cancelled(by=drafter, partner=vnpt)
    client = login(vnpt_user)
    assert (_page(client, agreement).status_code, _pdf(client, agreement).status_code) == (404, 404)


def test_a_returned_draft_stays_visible_with_the_pdf_of_the_version_sent(login, drafter, vnpt, vnpt_user):
    agreement = in_review(by=drafter, partner=vnpt)
    rewrite(returned(agreement, drafter), drafter, UNSENT_TEXT)
    client = login(vnpt_user)
    assert _page(client, agreement).status_code == 200
    response = _pdf(client, agreement)
    assert response.status_code == 200
    printed = text(response.content)
    assert SENT_TEXT in printed and UNSENT_TEXT not in printed
    record = DownloadRecord.objects.get()
    assert (record.user, record.what, record.object_id) == (
        vnpt_user, DownloadRecord.What.VERSION_MINUTES, agreement.versions.get().pk)


def test_ministry_staff_get_the_live_draft_pdf(login, drafter, vnpt):
    agreement = in_review(by=drafter, partner=vnpt)
    rewrite(returned(agreement, drafter), drafter, UNSENT_TEXT)
    response = _pdf(login(drafter), agreement)
    assert response.status_code == 200
    assert UNSENT_TEXT in text(response.content)
    assert DownloadRecord.objects.get().what == DownloadRecord.What.DRAFT_MINUTES
