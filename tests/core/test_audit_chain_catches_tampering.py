"""verify_audit against someone who changes the recorded rows with SQL, past the triggers: it holds on an
untouched record, and otherwise exits with status 1 naming the entry, the object and what differs
(issue 10, item 3)."""

import datetime

import pytest
from django.utils import timezone

from agreements import services as agreement_services
from agreements.models import LegalDocument, SignedCopy
from core import audit, roles
from core.models import AuditEntry
from partners.models import Partner
from partners.services import partner_update
from tests.core.auditing import linked, tamper, verify_audit
from tests.factories import clerk, signed
from tests.samples import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed(drafter, vnpt):
    """VNPT-IT registered, then its address and its contact changed by the drafter; every entry chained."""
    partner_update(partner=vnpt, by=drafter, address="Số 57 Huỳnh Thúc Kháng, Hà Nội", reason="Chuyển trụ sở")
    partner_update(partner=vnpt, by=drafter, contact_email="lienhe@vnpt.vn", reason="Đầu mối mới")
    linked()
    return list(vnpt.history.order_by("history_id"))


def _entry_of(row):
    return AuditEntry.objects.get(source=f"{row._meta.label_lower}:{row.history_id}")


def test_an_untouched_record_holds(changed):
    status, said = verify_audit()
    assert (status, said) == (0, "")


def test_a_history_rows_user_and_reason_changed_are_caught(changed, signer):
    moved = changed[1]
    tamper("UPDATE partners_historicalpartner SET history_user_id = %s, history_change_reason = %s "
           "WHERE history_id = %s", [signer.pk, "Theo đề nghị của đơn vị", moved.history_id])
    status, said = verify_audit()
    assert status == 1
    assert f"entry {_entry_of(moved).pk} (Change of partners.partner:{moved.id} “VNPT-IT”" in said
    assert "history_change_reason was 'Chuyển trụ sở', is 'Theo đề nghị của đơn vị'" in said
    assert f"history_user_id was {moved.history_user_id}, is {signer.pk}" in said


def test_a_deleted_history_row_is_caught(changed):
    gone = changed[1]
    tamper("DELETE FROM partners_historicalpartner WHERE history_id = %s", [gone.history_id])
    status, said = verify_audit()
    assert status == 1
    assert f"the row it recorded (partners.historicalpartner:{gone.history_id}) was deleted" in said


def test_a_field_changed_together_with_its_latest_history_row_is_caught(changed, vnpt):
    latest = changed[-1]
    tamper("UPDATE partners_partner SET contact_email = %s WHERE id = %s", ["gia@mao.vn", vnpt.pk])
    tamper("UPDATE partners_historicalpartner SET contact_email = %s WHERE history_id = %s",
           ["gia@mao.vn", latest.history_id])
    assert Partner.objects.get(pk=vnpt.pk).history.first().contact_email == "gia@mao.vn"  # the false story
    status, said = verify_audit()
    assert status == 1
    assert f"entry {_entry_of(latest).pk} " in said
    assert "contact_email was 'lienhe@vnpt.vn', is 'gia@mao.vn'" in said


def test_a_history_row_inserted_with_sql_is_caught(changed, vnpt):
    columns = [f.column for f in type(changed[0])._meta.concrete_fields if f.column != "history_id"]
    listed = ", ".join(columns)
    tamper(f"INSERT INTO partners_historicalpartner ({listed}) SELECT {listed} FROM partners_historicalpartner "
           "WHERE history_id = %s", [changed[0].history_id])
    forged = vnpt.history.order_by("-history_id").first().history_id
    status, said = verify_audit()
    assert status == 1
    assert (f"history row partners.historicalpartner:{forged} (of partners.partner:{vnpt.pk}" in said
            and "no audit entry recorded it" in said)


def test_a_signed_copy_replaced_with_its_hash_and_its_history_row_is_caught(drafter, vnpt):
    agreement = signed(by=drafter, partner=vnpt)
    copy = SignedCopy.objects.get(agreement=agreement)
    forged = audit.plain(PDF).removeprefix("sha256:")
    tamper("UPDATE agreements_signedcopy SET data = %s, sha256 = %s WHERE id = %s", [PDF, forged, copy.pk])
    tamper("UPDATE agreements_historicalsignedcopy SET data = %s, sha256 = %s WHERE id = %s", [PDF, forged, copy.pk])
    status, said = verify_audit("--all")
    assert status == 1
    assert f"sha256 was '{copy.sha256}', is '{forged}'" in said
    assert (f"signed copy {copy.pk} of agreement {agreement.pk} (01/BB-CNTT, signed 20/12/2025): its file or hash "
            "differs from the ones the audit record kept at signing") in said


def test_an_entry_waiting_for_its_link_is_not_a_break_within_the_grace(changed, drafter):
    audit.record("login", actor_id=drafter.pk, model="auth.user", object_id=drafter.pk)
    assert verify_audit() == (0, "")


def test_an_entry_inserted_without_a_link_is_caught_once_older_than_the_grace(changed):
    late = timezone.now() - audit.LINK_GRACE - datetime.timedelta(minutes=1)
    entry = AuditEntry(at=late, kind="login", actor=clerk(roles.SIGNER), label="clerk-signer")
    entry.digest = audit.digest_of(entry)
    entry.save()
    status, said = verify_audit()
    assert status == 1
    assert f"entry {entry.pk} (Login of — “clerk-signer”, " in said and "never joined the chain" in said


def _law(drafter, number, **values):
    return agreement_services.library_entry_save(
        by=drafter, entry=LegalDocument(), kind=LegalDocument.Kind.DECREE, number=number, issuer="Chính phủ",
        issued_on=datetime.date(2020, 1, 1), summary="quy định về bảo vệ dữ liệu cá nhân", position=10, **values)


def test_a_tracked_many_to_many_row_changed_is_caught(drafter):
    """The successors of a law are kept with its history row: one repointed by SQL shows."""
    old, new, other = (_law(drafter, f"{n}/2020/NĐ-CP") for n in (13, 14, 15))
    agreement_services.library_entry_save(by=drafter, entry=old, successors=[new])
    linked()
    assert verify_audit() == (0, "")
    assert tamper("UPDATE agreements_historicallegaldocument_successors SET to_legaldocument_id = %s "
                  "WHERE to_legaldocument_id = %s", [other.pk, new.pk]) == 1
    status, said = verify_audit()
    assert status == 1
    assert "agreements.legaldocument:" in said and "its related rows differ" in said


def test_a_live_field_changed_past_its_history_is_caught(drafter, vnpt):
    partner_update(partner=vnpt, by=drafter, address="Số 57 Huỳnh Thúc Kháng, Hà Nội", reason="Chuyển trụ sở")
    linked()
    assert verify_audit() == (0, "")
    tamper("UPDATE partners_partner SET address = 'Số 1 phố giả' WHERE id = %s", [vnpt.pk])
    status, said = verify_audit()
    assert status == 1
    assert f"partners.partner:{vnpt.pk}: it differs from its last history row" in said and "address" in said


def test_a_download_credited_to_someone_with_sql_is_caught(drafter, vietsens_user):
    linked()
    tamper("INSERT INTO core_downloadrecord (user_id, what, object_id, filename, at) "
           "VALUES (%s, 'signed_minutes', 1, 'bien-ban.pdf', now())", [vietsens_user.pk])
    status, said = verify_audit()
    assert status == 1
    assert f"(user {vietsens_user.pk}," in said and "no audit entry recorded it" in said
