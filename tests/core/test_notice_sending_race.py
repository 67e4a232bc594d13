"""Two senders telling one person of one event at the same moment (two servers, each in its own
transaction) make one notice and one mail: the second waits on the first's row, then finds the event
told. Real PostgreSQL transactions, so a transactional test; serialized_rollback brings back the
migrations' data for the tests that follow."""

import threading

import pytest
from django.db import connection, transaction

from core import notices
from core.models import Notification
from tests.factories import UserFactory

PARAMS = {"partner": "VNPT-IT", "code": "PL-01", "title": "Giấy phép", "reason": "Thiếu", "valid_from": "",
          "valid_until": ""}


def _tell(user):
    return notices.notify([user], kind="evidence_rejected", key="evidence_rejected:1", params=PARAMS)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_sender_that_finds_the_event_told_by_another_at_the_same_moment_sends_nothing(mailoutbox):
    an = UserFactory(email="an@example.vn")
    first, second, told, commit = [], [], threading.Event(), threading.Event()

    def first_sender():
        try:
            with transaction.atomic():  # told, not yet committed: the second sender cannot see the row
                first.extend(_tell(an))
                told.set()
                commit.wait(10)
        finally:
            connection.close()

    def second_sender():
        try:
            second.append(_tell(an))
        finally:
            connection.close()

    one = threading.Thread(target=first_sender)
    one.start()
    assert told.wait(10)
    two = threading.Thread(target=second_sender)
    two.start()
    two.join(1)  # it waits on the first's row
    commit.set()
    one.join(10)
    two.join(10)
    assert first == [an] and second == [[]]
    assert Notification.objects.count() == 1
    assert [m.to for m in mailoutbox] == [["an@example.vn"]]
