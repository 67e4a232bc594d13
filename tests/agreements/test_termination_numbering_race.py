"""Two agreements terminated at the same moment: their minutes of termination take two numbers of the year, never
the same one (real PostgreSQL locks, so a transactional test; serialized_rollback brings back the migrations' data
for the tests that follow)."""

import threading

import pytest
from django.db import connection
from django.utils import translation

from agreements import services
from agreements.models import TerminationMinutes
from tests.agreements.handing_back import TERMINATED_ON
from tests.factories import PartnerFactory, current_province, on_day, signed

race = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _terminate_at_once(agreements, by):
    barrier, outcome = threading.Barrier(len(agreements)), []

    def run(agreement):
        try:
            with translation.override("en"):
                barrier.wait(5)
                outcome.append(services.agreement_terminate(agreement=agreement, by=by, terminated_on=TERMINATED_ON,
                                                            reason_code="mutual"))
        except Exception as error:  # noqa: BLE001  (a failure is what the test reports)
            outcome.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=[agreement]) for agreement in agreements]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcome


@race
def test_two_terminations_at_once_take_two_numbers(drafter):
    agreements = [signed(partner=PartnerFactory(), number=n, provinces=[current_province(code)])
                  for n, code in [(1, "01"), (2, "04")]]
    with on_day(TERMINATED_ON):
        outcome = _terminate_at_once(agreements, drafter)
    assert not [o for o in outcome if isinstance(o, Exception)], outcome
    assert sorted(TerminationMinutes.objects.values_list("number", flat=True)) == [1, 2]
