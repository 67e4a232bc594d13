"""Termination carried through (issue 13, item 4): terminating signed minutes opens the hand-back obligations their
clauses name, with deadlines from the termination date; the receiving party records each with evidence, the
Ministry confirms or returns it; an obligation past its deadline is flagged and told once."""

import datetime

import pytest
from django.core.management import call_command

from agreements import handback_watch
from agreements.models import Clause, HandbackObligation, TerminationMinutes
from agreements.services import handback_confirm, handback_return
from core.exceptions import NotPermitted, Refused
from core.models import Notification
from core.tracking import tracked_save
from tests.agreements.handing_back import TERMINATED_ON, record, terminate, terminated_with_library_wording
from tests.factories import cancelled, signed
from tests.samples import image_bytes, upload

K, St = HandbackObligation.Kind, HandbackObligation.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def ended(vnpt):
    return terminated_with_library_wording(partner=vnpt)


def owed(agreement, kind):
    return agreement.handback_obligations.get(kind=kind)


def days_after(day, n):
    return day + datetime.timedelta(days=n)


def test_the_library_termination_clause_opens_every_obligation_citing_it_with_its_deadline(ended):
    clause = ended.clauses.get(section=Clause.Section.TERMINATION)
    opened = {o.kind: o for o in ended.handback_obligations.all()}
    assert set(opened) == set(K)
    assert {o.clause for o in opened.values()} == {clause}
    assert {kind: (o.due_on - TERMINATED_ON).days for kind, o in opened.items()} == {
        K.DATA: 30, K.SYSTEMS: 30, K.ACCOUNTS: 30, K.PERSONAL_DATA_DELETED: 45, K.DELETION_CERTIFICATE: 45}
    assert all(o.status == St.OPEN for o in opened.values())


def test_clauses_that_name_nothing_open_the_full_set_citing_no_clause(vnpt):
    agreement = terminate(signed(partner=vnpt))  # the factory's clauses say "Nội dung …"
    assert sorted(agreement.handback_obligations.values_list("kind", "clause")) == sorted((k, None) for k in K)


def test_a_clause_naming_only_data_opens_it_and_the_deletion_the_law_requires(vnpt):
    agreement = signed(partner=vnpt)
    clause = agreement.clauses.get(section=Clause.Section.TERMINATION)
    clause.text = "Bên nhận bàn giao lại toàn bộ dữ liệu trong thời hạn 30 ngày."
    tracked_save(clause, by=None, reason="test")
    agreement = terminate(agreement)
    assert sorted(agreement.handback_obligations.values_list("kind", "clause")) == sorted(
        [(K.DATA, clause.pk), (K.PERSONAL_DATA_DELETED, None)])


def test_a_cancelled_draft_opens_nothing_and_has_no_minutes_of_termination(vnpt):
    agreement = cancelled(partner=vnpt)
    assert not HandbackObligation.objects.filter(agreement=agreement).exists()
    assert not TerminationMinutes.objects.filter(agreement=agreement).exists()


def test_the_receiving_party_records_with_evidence_and_the_drafters_are_told(ended, vnpt_user):
    done = record(owed(ended, K.DATA), vnpt_user)
    assert (done.status, done.recorded_by, done.files.get().original_name) == (
        St.RECORDED, vnpt_user, "bien-ban-ban-giao.pdf")
    assert Notification.objects.filter(kind="handback_recorded").exists()


@pytest.mark.parametrize("who", ["vietsens_user", "drafter"])
def test_another_unit_or_the_ministry_cannot_record(ended, who, request):
    with pytest.raises(NotPermitted):
        record(owed(ended, K.DATA), request.getfixturevalue(who))
    assert owed(ended, K.DATA).status == St.OPEN


def test_recording_needs_what_was_done_and_a_file(ended, vnpt_user):
    with pytest.raises(Refused) as refused:
        record(owed(ended, K.DATA), vnpt_user, notes=" ", uploads=[])
    assert len(refused.value.reasons) == 2
    assert owed(ended, K.DATA).status == St.OPEN


def test_the_deletion_certificate_must_be_a_pdf(ended, vnpt_user):
    certificate = owed(ended, K.DELETION_CERTIFICATE)
    with pytest.raises(Refused):
        record(certificate, vnpt_user, uploads=[upload("xac-nhan.png", image_bytes(), "image/png")])
    assert record(certificate, vnpt_user).status == St.RECORDED


def test_the_ministry_confirms_what_was_recorded_and_the_partner_is_told(ended, vnpt_user, drafter):
    done = handback_confirm(obligation=record(owed(ended, K.DATA), vnpt_user), by=drafter, notes="Đã nhận đủ.")
    assert (done.status, done.confirmed_by) == (St.CONFIRMED, drafter)
    assert Notification.objects.filter(kind="handback_decided", user=vnpt_user).exists()


def test_the_ministry_returns_with_reasons_and_the_partner_records_again(ended, vnpt_user, drafter):
    returned = handback_return(obligation=record(owed(ended, K.DATA), vnpt_user), by=drafter, reason="Thiếu chữ ký")
    assert (returned.status, returned.confirmation_notes) == (St.RETURNED, "Thiếu chữ ký")
    assert record(returned, vnpt_user).status == St.RECORDED


def test_a_return_without_reasons_is_refused(ended, vnpt_user, drafter):
    with pytest.raises(Refused):
        handback_return(obligation=record(owed(ended, K.DATA), vnpt_user), by=drafter, reason="")


def test_the_partner_cannot_confirm(ended, vnpt_user):
    with pytest.raises(NotPermitted):
        handback_confirm(obligation=record(owed(ended, K.DATA), vnpt_user), by=vnpt_user)


def test_an_open_obligation_cannot_be_confirmed_or_returned(ended, drafter):
    with pytest.raises(Refused):
        handback_confirm(obligation=owed(ended, K.DATA), by=drafter)
    with pytest.raises(Refused):
        handback_return(obligation=owed(ended, K.DATA), by=drafter, reason="Chưa làm")


def test_an_obligation_past_its_deadline_is_overdue_and_told_once(ended, vnpt_user):
    data = owed(ended, K.DATA)
    assert handback_watch.check_all(day=data.due_on) == {"overdue": 0, "told": 0}
    day = days_after(data.due_on, 1)
    assert data.is_overdue(day)
    assert handback_watch.check_all(day=day) == {"overdue": 3, "told": 3}
    assert handback_watch.check_all(day=day) == {"overdue": 3, "told": 0}
    assert Notification.objects.filter(kind="handback_overdue", user=vnpt_user).count() == 3


def test_a_recorded_obligation_is_not_overdue(ended, vnpt_user):
    data = record(owed(ended, K.DATA), vnpt_user)
    assert not data.is_overdue(days_after(data.due_on, 1))
    assert handback_watch.check_all(day=days_after(data.due_on, 1))["overdue"] == 2


def test_the_daily_command_runs_the_watch(ended, capsys):
    call_command("watch_handback", "--on", "2026-08-01")
    assert "3 overdue, 3 newly told" in capsys.readouterr().out
