"""The download log: who took which file and when, for auditors and Ministry staff, each kind of file
named in the reader's language rather than by an internal code."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertInHTML, assertNotContains

from core.models import DownloadRecord
from tests.factories import condition_set, signed, submit
from tests.samples import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence_file(vnpt):
    return submit(vnpt, condition_set("PL-01").conditions.get(), uploads=[upload("giay-phep.pdf")]).files.get()


def test_the_auditor_sees_who_downloaded_an_evidence_file(login, signer, auditor, evidence_file):
    login(signer).get(reverse("conditions:download", args=[evidence_file.pk]))
    response = login(auditor).get(reverse("downloads"))
    assert [(r.user, r.what, r.object_id) for r in response.context["page"]] == [
        (signer, DownloadRecord.What.EVIDENCE_FILE, evidence_file.pk)]
    assertInHTML('<td data-label="File">giay-phep.pdf</td>', response.content.decode())
    assertInHTML(f'<td data-label="What"><a href="/partners/{evidence_file.evidence.partner_id}/">VNPT-IT</a>'
                 ' · Evidence file</td>',
                 response.content.decode())


@pytest.mark.parametrize("behind_proxy,kept", [(False, "10.0.0.9"), (True, "203.0.113.7")])
def test_a_download_keeps_the_address_it_came_from_as_our_proxy_tells_it(login, signer, evidence_file, settings,
                                                                           behind_proxy, kept):
    """Behind our proxy, the address it appended; otherwise the peer's (a header the client wrote is no proof)."""
    settings.BEHIND_PROXY = behind_proxy
    login(signer).get(reverse("conditions:download", args=[evidence_file.pk]), REMOTE_ADDR="10.0.0.9",
                      HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    assert DownloadRecord.objects.get().ip_address == kept


def test_the_page_names_signed_minutes_by_their_number_in_english_not_by_their_code(login, drafter, auditor, vnpt):
    agreement = signed(by=drafter, partner=vnpt)
    assert login(drafter).get(reverse("agreements:pdf", args=[agreement.pk])).status_code == 200
    response = login(auditor).get(reverse("downloads"))
    assert [r.what for r in response.context["page"]] == [DownloadRecord.What.SIGNED_MINUTES]
    assertInHTML(f'<td data-label="What"><a href="/agreements/{agreement.pk}/">01/{agreement.symbol}</a>'
                 ' · Signed minutes</td>',
                 response.content.decode())
    assertNotContains(response, "signed_minutes")


def test_the_page_names_signed_minutes_in_vietnamese_by_default(login, drafter, auditor, vnpt):
    agreement = signed(by=drafter, partner=vnpt)
    login(drafter, language=None).get(reverse("agreements:pdf", args=[agreement.pk]))
    response = login(auditor, language=None).get(reverse("downloads"))
    assertInHTML(f'<td data-label="Nội dung"><a href="/agreements/{agreement.pk}/">01/{agreement.symbol}</a>'
                 ' · Biên bản đã ký</td>',
                 response.content.decode())
    assertNotContains(response, "signed_minutes")


def test_the_log_is_filtered_by_user(login, signer, auditor, vnpt_user, evidence_file):
    for user in (signer, vnpt_user):
        login(user).get(reverse("conditions:download", args=[evidence_file.pk]))
    response = login(auditor).get(reverse("downloads"), {"user": "vnp"})
    assert [r.user for r in response.context["page"]] == [vnpt_user]


@pytest.mark.parametrize("persona", ["auditor", "drafter", "assessor", "signer"])
def test_ministry_staff_and_auditors_may_read_the_log(login, request, persona):
    response = login(request.getfixturevalue(persona)).get(reverse("downloads"))
    assert response.status_code == 200
    assertInHTML('<td colspan="5" class="muted">Nothing downloaded yet.</td>', response.content.decode())


@pytest.mark.parametrize("persona", ["vnpt_user", "reviewer"])
def test_a_partner_user_or_a_reviewer_gets_403(login, request, persona, evidence_file, signer):
    login(signer).get(reverse("conditions:download", args=[evidence_file.pk]))
    response = login(request.getfixturevalue(persona)).get(reverse("downloads"))
    assert response.status_code == 403
    assertNotContains(response, "giay-phep.pdf", status_code=403)
