"""core.ratelimit counts attempts per key in windows of time, in the database that every process of the
server shares: the costly things it guards (a PDF render, an anonymous check of a copy) stay within their limit
however many workers serve them."""

import datetime
import threading

import pytest
import time_machine
from django.db import connection
from django.test import RequestFactory, override_settings

from core.http import client_address
from core.models import RateCount
from core.ratelimit import allow
from tests.core.test_sqlite_demo_takes_concurrent_writes import on_the_demos_sqlite

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def window_start():
    """Each test counts from the start of a window, the clock running on: none sees a window turn halfway."""
    with time_machine.travel(datetime.datetime(2026, 11, 28, 9, 0, 0, 1000, tzinfo=datetime.UTC), tick=True):
        yield


def test_attempts_within_the_limit_are_allowed_and_the_next_one_is_refused():
    assert [allow("render", "user:1", limit=3, per=60) for _ in range(4)] == [True, True, True, False]


def test_one_key_over_its_limit_leaves_other_keys_and_scopes_alone():
    for _ in range(3):
        allow("render", "user:1", limit=2, per=60)
    assert allow("render", "user:2", limit=2, per=60)
    assert allow("verify", "user:1", limit=2, per=60)


def test_the_next_window_starts_counting_afresh():
    start = datetime.datetime(2026, 11, 28, 9, 0, 5, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        assert [allow("render", "u", limit=1, per=60) for _ in range(2)] == [True, False]
        clock.shift(60)
        assert allow("render", "u", limit=1, per=60)


def test_a_long_key_is_kept_as_its_fingerprint_and_still_counted():
    key = "x" * 500
    assert [allow("verify", key, limit=1, per=60) for _ in range(2)] == [True, False]
    assert len(RateCount.objects.get().key) == 64


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # brings back the migrations' data
def test_concurrent_attempts_are_each_counted_once():
    """Twelve workers at once: exactly `limit` of them get through (a read-then-write count would let more)."""
    results, barrier = [], threading.Barrier(12)

    def attempt():
        try:
            barrier.wait(10)
            results.append(allow("render", "user:1", limit=5, per=600))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == [False] * 7 + [True] * 5
    assert RateCount.objects.get().count == 12


def test_the_address_is_the_peer_unless_our_proxy_says_otherwise():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    assert client_address(request) == "10.0.0.9"  # a header the client wrote counts for nothing
    with override_settings(BEHIND_PROXY=True):
        assert client_address(request) == "203.0.113.7"  # the last address, the one our proxy appended


COUNTER = """
import os, sys
sys.path.insert(0, os.getcwd())
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from core.ratelimit import allow
print([allow("render", "u", limit=2, per=60) for _ in range(3)])
"""


def test_the_demos_sqlite_counts_with_the_same_statement(tmp_path):
    assert on_the_demos_sqlite(tmp_path, COUNTER).stdout.strip() == "[True, True, False]"
