"""Who reads the consolidation table (issue 8, item 6): those who read every agreement (Ministry staff and
auditors). An addressee who can see the agreement gets 403, anyone else 404; each PDF taken is recorded."""

import pytest
from django.urls import reverse

from core.models import DownloadRecord
from tests.agreements.test_consolidation_rows import addressee, asked_widely
from tests.factories import opinion

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(drafter, vnpt, vnpt_user, reviewer):
    """Sent to KHĐT (the reviewer's department), ATTP and VNPT-IT; KHĐT has commented."""
    agreement = asked_widely(drafter, vnpt)
    opinion(addressee(agreement, "KHĐT"), position="agree_with_comments", letter_number="832/KHĐT-VP",
            general_comment="Bổ sung căn cứ")
    return agreement


def page(client, agreement):
    return client.get(reverse("agreements:consolidation", args=[agreement.pk]))


def pdf(client, agreement):
    return client.get(reverse("agreements:consolidation_pdf", args=[agreement.pk]))


@pytest.mark.parametrize("persona", ["drafter", "signer", "auditor"])
def test_ministry_staff_and_auditors_read_the_table(request, login, persona, sent):
    response = page(login(request.getfixturevalue(persona)), sent)
    assert response.status_code == 200
    assert [(r.who, r.text) for r in response.context["rows"]] == [
        ("Cục Khoa học công nghệ và Đào tạo", "Bổ sung căn cứ")]
    assert reverse("agreements:consolidation_pdf", args=[sent.pk]) in response.text


@pytest.mark.parametrize("persona", ["reviewer", "vnpt_user"])
def test_an_addressee_who_sees_the_agreement_is_refused_its_table(request, login, persona, sent):
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse("agreements:detail", args=[sent.pk])).status_code == 200  # it does see them
    assert page(client, sent).status_code == 403
    assert pdf(client, sent).status_code == 403
    assert not DownloadRecord.objects.exists()


def test_another_partners_user_does_not_find_the_table(login, vietsens_user, sent):
    client = login(vietsens_user)
    assert page(client, sent).status_code == 404
    assert pdf(client, sent).status_code == 404
    assert not DownloadRecord.objects.exists()


def test_an_unknown_agreement_has_no_table(login, drafter):
    assert login(drafter).get(reverse("agreements:consolidation", args=[999999])).status_code == 404


@pytest.mark.parametrize("persona", ["drafter", "auditor"])
def test_the_pdf_is_sent_as_an_attachment_and_its_download_recorded(request, login, persona, sent):
    user = request.getfixturevalue(persona)
    response = pdf(login(user), sent)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF-")
    assert response["Content-Disposition"] == f'attachment; filename="bang-tong-hop-y-kien-{sent.pk}.pdf"'
    record = DownloadRecord.objects.get()
    assert (record.user, record.what, record.object_id, record.filename) == (
        user, DownloadRecord.What.CONSOLIDATION_TABLE, sent.pk, f"bang-tong-hop-y-kien-{sent.pk}.pdf")


def test_an_anonymous_visitor_is_sent_to_log_in(client, sent):
    response = pdf(client, sent)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not DownloadRecord.objects.exists()
