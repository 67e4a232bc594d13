import datetime

import pytest
import time_machine


@pytest.fixture
def fresh_window():
    """The clock moved back to 5 s into the current 10-minute window of core.ratelimit, and running on: a test
    that counts up to a limit never sees the window turn halfway (counts begin anew in each window)."""
    now = datetime.datetime.now(tz=datetime.UTC).timestamp()
    start = datetime.datetime.fromtimestamp(now // 600 * 600 + 5, tz=datetime.UTC)
    with time_machine.travel(start, tick=True):
        yield
