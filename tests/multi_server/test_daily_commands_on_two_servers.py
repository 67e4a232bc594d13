"""The daily commands started on both servers at once, as two crontabs would, still do each thing once: one flag
and one notice per event, one audit entry for each, nobody mailed twice, and the sweep of the shared bucket
deletes what no row refers to and nothing else."""

import datetime
import time
from collections import Counter

import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone

from agreements.models import EligibilityFlag, ProvinceRisk
from conditions.models import EvidenceFile, Notice
from core.models import AuditEntry, Notification
from tests.agreements.handing_back import terminate
from tests.factories import PartnerFactory, accept, catalogue, in_review, member, signed
from tests.samples import PDF

pytestmark = [pytest.mark.multi_server, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

def _with_address(user):
    user.email = f"{user.username}@example.vn"
    user.save()
    return user


@pytest.fixture
def lapsed(drafter):
    """Minutes signed in December 2025 for a partner whose evidence expired on 30/06/2026: no longer eligible."""
    partner = PartnerFactory(short_name="Lapsed")
    _with_address(member(partner, "lapsed-member"))
    conditions = catalogue()
    for condition in conditions.conditions.filter(mandatory=True):
        accept(partner, condition, valid_until=datetime.date(2026, 6, 30))
    return signed(by=drafter, partner=partner, condition_set=conditions)


@pytest.fixture
def overdue(drafter, reviewer):
    """Minutes whose review department has not answered and whose due date (in 14 days) is run past."""
    _with_address(reviewer)
    return in_review(by=drafter)


def _at_once(instances, *command, gate):
    """`command` run on both servers at the very same moment; what each printed. Two processes started together
    still begin their work a few milliseconds apart, which would hide a race: the table `gate`, the first each
    reads, is held until both wait for it (or for a lock of their own taken before it), then let go."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {gate} IN ACCESS EXCLUSIVE MODE")
        started = [instance.run(*command) for instance in instances]
        deadline = time.monotonic() + 30
        while _waiting(cursor) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _waiting(cursor) == 2, f"{' '.join(command)} did not wait for {gate} on both servers"
    printed = [process.communicate(timeout=60)[0] for process in started]
    assert [process.returncode for process in started] == [0, 0], printed
    return printed


def _waiting(cursor):
    cursor.execute("SELECT pg_stat_clear_snapshot()")  # else a transaction reads the same snapshot again and again
    cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                   "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'")
    return cursor.fetchone()[0]


def test_the_eligibility_watch_flags_and_tells_once(instances, mailboxes, bucket, drafter, lapsed):
    _with_address(drafter)
    printed = _at_once(instances, "watch_eligibility", gate="agreements_agreement")
    assert sorted(line.split(": ", 1)[1] for line in printed) == [
        "0 flagged, 0 cleared, 0 notices sent.\n", "1 flagged, 0 cleared, 1 notices sent.\n"]
    assert EligibilityFlag.objects.filter(agreement=lapsed).count() == 1
    assert Notice.objects.filter(kind=Notice.Kind.EXPIRED).count() == 1
    assert AuditEntry.objects.filter(model="agreements.eligibilityflag").count() == 1
    mails = _mails(mailboxes)  # that it is no longer eligible, and that its evidence expired
    assert (len(mails), set(mails.values())) == (2, {1})
    assert {to for to, _subject in mails} == {"drafter@example.vn, lapsed-member@example.vn"}


@pytest.fixture
def silent(drafter):
    """Minutes signed for 2026-2027 whose first quarter (to 31/03/2026) was never reported: overdue from 01/05."""
    partner = PartnerFactory(short_name="Silent")
    _with_address(member(partner, "silent-member"))
    return signed(by=drafter, partner=partner)


def test_the_deployment_watch_raises_and_tells_once(instances, mailboxes, bucket, drafter, silent):
    _with_address(drafter)
    printed = _at_once(instances, "watch_deployment", "--on", "2026-05-01", gate="agreements_agreement")
    assert sorted(line.split(": ", 1)[1] for line in printed) == [
        "0 raised, 0 cleared, 0 notices sent.\n", "1 raised, 0 cleared, 1 notices sent.\n"]
    assert ProvinceRisk.objects.filter(agreement=silent).count() == 1
    assert AuditEntry.objects.filter(model="agreements.provincerisk").count() == 1
    mails = _mails(mailboxes)
    assert (sorted(to for to, _subject in mails), set(mails.values())) == (
        ["drafter@example.vn", "silent-member@example.vn"], {1})


@pytest.fixture
def owed(drafter):
    """Minutes terminated on 30/06/2026 whose five hand-back obligations were never recorded: all overdue by
    01/09/2026."""
    partner = PartnerFactory(short_name="Owed")
    _with_address(member(partner, "owed-member"))
    return terminate(signed(by=drafter, partner=partner), by=drafter)


def test_the_hand_back_watch_tells_each_overdue_obligation_once(instances, mailboxes, bucket, drafter, owed):
    _with_address(drafter)
    printed = _at_once(instances, "watch_handback", "--on", "2026-09-01", gate="agreements_handbackobligation")
    assert sorted(line.split(": ", 1)[1] for line in printed) == [
        "5 overdue, 0 newly told.\n", "5 overdue, 5 newly told.\n"]
    told = Notification.objects.filter(kind="handback_overdue")
    assert sorted(Counter(told.values_list("user__username", flat=True)).items()) == [("drafter", 5),
                                                                                     ("owed-member", 5)]
    mails = _mails(mailboxes)
    assert sorted(Counter(to for to, _subject in mails).items()) == [("drafter@example.vn", 5),
                                                                      ("owed-member@example.vn", 5)]
    assert set(mails.values()) == {1}  # one mail per obligation to each, none twice


def test_the_review_reminders_tell_each_person_once(instances, mailboxes, bucket, drafter, overdue, reviewer):
    _with_address(drafter)
    run_past_due = (timezone.localdate() + datetime.timedelta(days=15)).strftime("%d/%m/%Y")
    _at_once(instances, "send_review_reminders", "--date", run_past_due, gate="agreements_reviewrequest")
    assert Counter(Notification.objects.filter(kind="review_overdue").values_list("user__username", flat=True)) == {
        "reviewer": 1, "drafter": 1}
    mails = _mails(mailboxes)
    assert (sorted(to for to, _subject in mails), set(mails.values())) == (
        ["drafter@example.vn", "reviewer@example.vn"], {1})


def test_sealing_on_both_servers_tells_each_auditor_once(instances, mailboxes, bucket, auditor, drafter, overdue):
    _with_address(auditor)
    _at_once(instances, "seal_audit", gate="core_auditlink")
    assert Notification.objects.filter(kind="audit_sealed", user=auditor).count() == 1
    assert [(to, count) for (to, _subject), count in _mails(mailboxes).items()] == [("auditor@example.vn", 1)]


def test_sweeping_the_shared_bucket_from_both_servers_deletes_only_the_unreferenced(instances, bucket, lapsed):
    orphan = bucket.save("evidence/left-behind.pdf", ContentFile(PDF))
    referenced = list(EvidenceFile.objects.values_list("file", flat=True))
    _at_once(instances, "sweep_private_files", "--min-age", "0", gate="conditions_evidencefile")
    assert not bucket.exists(orphan)
    assert [name for name in referenced if bucket.exists(name)] == referenced != []


def _mails(instances):
    """{(recipients, subject): how many such mails either server sent}."""
    return Counter(mail for instance in instances for mail in instance.mails())
