"""Every change made through the services, every status change, the signed copy and every download
becomes an audit entry: who, what object, which partner and agreement, what changed; a change that rolls
back or changes nothing leaves none (issue 10, items 1 and 6)."""

import pytest
from django.db import transaction
from django.urls import reverse

from agreements import services as agreement_services
from agreements.models import Agreement, SignedCopy
from core import audit
from core.models import AuditEntry, DownloadRecord
from partners.services import partner_update
from tests.core.auditing import entries, linked
from tests.factories import draft, signed

pytestmark = pytest.mark.django_db


def test_a_profile_change_is_an_entry_saying_who_changed_what_of_which_partner(drafter, vnpt):
    partner_update(partner=vnpt, by=drafter, contact_email="lienhe@vnpt.vn", reason="Công văn 12/VNPT")
    [entry] = entries(model="partners.partner", object_id=vnpt.pk, actor=drafter)
    assert (entry.kind, entry.partner_id, entry.agreement_id, entry.label) == ("change", vnpt.pk, None, "VNPT-IT")
    assert entry.reason == "Công văn 12/VNPT"
    assert audit.changes_of(entry)["contact_email"] == ["", "lienhe@vnpt.vn"]
    assert entry.source == f"partners.historicalpartner:{vnpt.history.first().history_id}"


def test_a_status_change_is_an_entry_of_the_agreement_and_of_its_status_change(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    agreement_services.agreement_send_for_review(agreement=agreement, by=drafter, reason="Công văn 442")
    moved = entries(model="agreements.agreement", object_id=agreement.pk, reason="Công văn 442")[-1]
    assert audit.changes_of(moved)["status"] == ["draft", "review"]
    assert (moved.actor, moved.partner_id, moved.agreement_id) == (drafter, vnpt.pk, agreement.pk)
    [step] = entries(model="agreements.statuschange", agreement_id=agreement.pk, reason="Công văn 442")
    assert step.payload["row"]["to_status"] == "review" and step.actor == drafter


def test_the_signed_copy_is_an_entry_keeping_the_hash_of_its_bytes(drafter, signer, vnpt):
    agreement = signed(by=drafter, signer=signer, partner=vnpt)
    copy = SignedCopy.objects.get(agreement=agreement)
    entry = audit.change_entry("agreements.signedcopy", copy.pk)
    assert (entry.actor, entry.partner_id, entry.agreement_id) == (signer, vnpt.pk, agreement.pk)
    assert entry.payload["row"]["sha256"] == copy.sha256
    assert entry.payload["row"]["data"] == "sha256:" + copy.sha256
    assert audit.entry_problem(entry) is None


def test_a_download_through_the_page_is_an_entry_of_who_took_which_file(login, drafter, auditor, vnpt):
    agreement = signed(by=drafter, partner=vnpt)
    assert login(auditor).get(reverse("agreements:pdf", args=[agreement.pk])).status_code == 200
    download = DownloadRecord.objects.get(user=auditor)
    [entry] = entries(kind="download")
    assert (entry.actor, entry.model, entry.object_id) == (auditor, "core.downloadrecord", download.pk)
    assert (entry.partner_id, entry.agreement_id, entry.label) == (vnpt.pk, agreement.pk, "bien-ban-01-BB-CNTT.pdf")
    assert entry.source == f"core.downloadrecord:{download.pk}"


def test_a_change_that_rolls_back_leaves_no_entry(drafter, vnpt):
    linked()
    before = AuditEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        partner_update(partner=vnpt, by=drafter, contact_email="lienhe@vnpt.vn")
        raise RuntimeError("the request failed after the change")
    assert AuditEntry.objects.count() == before
    assert linked() == 0


def test_a_header_saved_as_it_was_leaves_no_entry(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    before = AuditEntry.objects.count()
    agreement_services.agreement_update(agreement=agreement, by=drafter, header={
        name: getattr(agreement, name) for name in Agreement.DRAFT_FIELDS})
    assert AuditEntry.objects.count() == before


def test_a_profile_saved_as_it_was_leaves_no_entry(drafter, vnpt):
    before = AuditEntry.objects.count()
    partner_update(partner=vnpt, by=drafter, address=vnpt.address, contact_email=vnpt.contact_email)
    assert AuditEntry.objects.count() == before


def test_every_entry_of_a_signing_joins_the_chain_in_the_order_written(drafter, vnpt):
    signed(by=drafter, partner=vnpt)
    ids = list(AuditEntry.objects.order_by("id").values_list("id", flat=True))
    assert list(AuditEntry.objects.filter(link__isnull=False).order_by("link__id").values_list("id", flat=True)) == ids
