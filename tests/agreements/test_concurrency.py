"""Two people pressing the same button at once cannot both succeed (real PostgreSQL locks).

Transactional tests flush the database; serialized_rollback brings back the migrations' data
(provinces, role groups) for the tests that follow."""

import datetime
import threading

import pytest
from django.db import connection, transaction

from agreements import services
from agreements.models import Agreement, StatusChange
from tests.factories import SIGN_DEFAULTS, make_agreement


def _race(target, count=2):
    """Run `target` in `count` threads at once; return what each returned or raised."""
    barrier = threading.Barrier(count)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(target())
        except Exception as error:  # the outcome is what the test inspects
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_sends_for_review_succeed_once(drafter):
    agreement = make_agreement(by=drafter)
    results = _race(lambda: services.agreement_send_for_review(agreement=agreement, by=drafter))
    assert sum(isinstance(r, Agreement) for r in results) == 1
    refused = [r for r in results if isinstance(r, services.TransitionRefused)]
    assert len(refused) == 1 and "đang xin ý kiến" in str(refused[0])  # "already in review", in Vietnamese
    assert StatusChange.objects.filter(agreement=agreement, to_status="review").count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_signings_give_one_signature(drafter, signer):
    agreement = make_agreement(by=drafter)
    services.agreement_send_for_review(agreement=agreement, by=drafter)
    results = _race(lambda: services.agreement_sign(agreement=agreement, by=signer, number=3,
                                                    signed_on=datetime.date(2025, 12, 20), **SIGN_DEFAULTS))
    assert sum(isinstance(r, Agreement) for r in results) == 1
    assert sum(isinstance(r, services.TransitionRefused) for r in results) == 1
    assert agreement.history.filter(status="signed").count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_waiting_transition_sees_the_move_made_under_the_lock(drafter):
    agreement = make_agreement(by=drafter)
    outcome = []
    locked = threading.Event()
    release = threading.Event()

    def holder():
        try:
            with transaction.atomic():
                Agreement.objects.select_for_update().get(pk=agreement.pk)
                locked.set()
                release.wait(10)
                services.agreement_send_for_review(agreement=agreement, by=drafter)
        finally:
            connection.close()

    def second():
        locked.wait(10)
        try:
            outcome.append(services.agreement_send_for_review(agreement=agreement, by=drafter))
        except services.TransitionRefused as refused:
            outcome.append(refused)
        finally:
            connection.close()

    first_thread, second_thread = threading.Thread(target=holder), threading.Thread(target=second)
    first_thread.start()
    second_thread.start()
    locked.wait(10)
    second_thread.join(timeout=0.5)
    assert second_thread.is_alive(), "the second attempt must wait for the lock"
    release.set()
    first_thread.join(10)
    second_thread.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], services.TransitionRefused)
