"""Two people pressing the same button at once cannot both succeed, and two signings covering one
province cannot both pass the coverage check (real PostgreSQL locks, so transactional tests: a plain
test runs in one transaction and would hide them).

serialized_rollback brings back the migrations' data (provinces, role groups) for the tests that follow."""

import threading

import pytest
from django.db import connection, transaction
from django.utils import translation

from agreements import services
from agreements.models import Agreement, StatusChange
from tests.factories import SIGNATORIES, SIGNED_ON, PartnerFactory, agreed, current_province, draft, in_review, on_day

race = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _in_thread(target, outcome):
    """Run `target` on its own database connection, reading messages in English; keep what it returned
    or the refusal it raised."""

    def run():
        try:
            with translation.override("en"):
                outcome.append(target())
        except services.TransitionRefused as refused:
            outcome.append(refused)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def _race(target, count=2):
    """Run `target` in `count` threads released at the same moment; return what each returned or raised."""
    barrier, outcome = threading.Barrier(count), []

    def released_together():
        barrier.wait(5)
        return target()

    threads = [_in_thread(released_together, outcome) for _ in range(count)]
    for thread in threads:
        thread.join(timeout=30)
    return outcome


def _what_happened(outcome):
    """The reasons of each refusal, and each agreement moved, in the order they came."""
    return [r.reasons if isinstance(r, services.TransitionRefused) else r for r in outcome]


def _sign(agreement, signer, number):
    return services.agreement_sign(agreement=agreement, by=signer, number=number, signed_on=SIGNED_ON, **SIGNATORIES)


@race
def test_two_simultaneous_sends_for_review_succeed_once(drafter):
    agreement = draft(by=drafter)
    outcome = _race(lambda: services.agreement_send_for_review(agreement=agreement, by=drafter))
    assert sum(isinstance(r, Agreement) for r in outcome) == 1
    assert [r.reasons for r in outcome if isinstance(r, services.TransitionRefused)] == [
        ["The agreement is already in review; someone else made this change."]]
    assert StatusChange.objects.filter(agreement=agreement, to_status="review").count() == 1


@race
def test_two_simultaneous_signings_give_one_signature(signer):
    with on_day(SIGNED_ON):
        agreement = agreed(in_review())  # every opinion in: only the race stands in the way
        outcome = _race(lambda: _sign(agreement, signer, 3))
    assert sum(isinstance(r, Agreement) for r in outcome) == 1
    assert [r.reasons for r in outcome if isinstance(r, services.TransitionRefused)] == [
        ["The agreement is already signed; someone else made this change."]]
    assert agreement.history.filter(status="signed").count() == 1


@race
def test_a_waiting_move_sees_the_move_made_under_the_row_lock(drafter):
    agreement = draft(by=drafter)
    locked, release, outcome = threading.Event(), threading.Event(), []

    def holder():
        with transaction.atomic():
            Agreement.objects.select_for_update().get(pk=agreement.pk)
            locked.set()
            release.wait(10)
            return services.agreement_send_for_review(agreement=agreement, by=drafter)

    first = _in_thread(holder, [])
    assert locked.wait(10)
    second = _in_thread(lambda: services.agreement_send_for_review(agreement=agreement, by=drafter), outcome)
    second.join(timeout=1)
    assert second.is_alive(), "the second attempt must wait for the row lock"
    release.set()
    first.join(10)
    second.join(10)
    assert _what_happened(outcome) == [["The agreement is already in review; someone else made this change."]]


@race
def test_a_second_signing_for_the_same_province_waits_for_the_first_and_is_refused_for_coverage(signer, vnpt):
    """Each signing locks only its own row, so without the lock per software both would check coverage
    before either committed, and both would pass."""
    with on_day(SIGNED_ON):
        province = current_province("01")
        first = agreed(in_review(partner=vnpt, provinces=[province]))
        second = agreed(in_review(partner=PartnerFactory(), provinces=[province]))
        signed_not_committed, release, outcome = threading.Event(), threading.Event(), []

        def first_signing():
            with transaction.atomic():  # signed and holding its locks, not yet committed
                done = _sign(first, signer, 1)
                signed_not_committed.set()
                release.wait(10)
                return done

        holder = _in_thread(first_signing, [])
        assert signed_not_committed.wait(30)
        waiting = _in_thread(lambda: _sign(second, signer, 2), outcome)
        waiting.join(timeout=1)
        assert waiting.is_alive(), "the second signing must wait for the first to commit"
        release.set()
        holder.join(30)
        waiting.join(30)
    assert _what_happened(outcome) == [["Hà Nội is already covered by agreement 01/BB-CNTT with VNPT-IT, "
                                             "in force from 01/01/2026 to 31/12/2027."]]
    assert list(Agreement.objects.filter(status="signed").values_list("pk", flat=True)) == [first.pk]


@race
def test_signings_of_other_software_do_not_wait_for_each_other(signer):
    with on_day(SIGNED_ON):
        first = agreed(in_review(provinces=[current_province("01")]))
        other = agreed(in_review(provinces=[current_province("01")], software_name="Phần mềm Tiêm chủng"))
        signed_not_committed, release, outcome = threading.Event(), threading.Event(), []

        def first_signing():
            with transaction.atomic():
                _sign(first, signer, 1)
                signed_not_committed.set()
                release.wait(10)

        holder = _in_thread(first_signing, [])
        assert signed_not_committed.wait(30)
        free = _in_thread(lambda: _sign(other, signer, 2), outcome)
        free.join(timeout=10)
        finished_while_held = not free.is_alive()
        release.set()
        holder.join(30)
        free.join(30)
    assert finished_while_held, "a signing of other software must not wait"
    assert [r.status for r in outcome] == [Agreement.Status.SIGNED]
