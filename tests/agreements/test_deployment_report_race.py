"""Two users of the receiving party filing the same province and period at once: one report is kept, the other
is refused saying so (real PostgreSQL locks, so a transactional test; serialized_rollback brings back the
migrations' data for the tests that follow)."""

import threading

import pytest
from django.db import connection
from django.utils import translation

from agreements import services
from agreements.models import DeploymentReport
from core.exceptions import Refused
from tests.agreements.deployment_reporting import FIGURES, FIRST, TODAY, deployed
from tests.factories import current_province, member, on_day

race = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _file_at_once(agreement, users):
    """Each user files Hà Nội's first period in a thread of its own, all released together."""
    barrier, outcome, province = threading.Barrier(len(users)), [], current_province("01")

    def run(user):
        try:
            with translation.override("en"):
                barrier.wait(5)
                outcome.append(services.report_file(agreement=agreement, province=province, period_start=FIRST,
                                                    by=user, figures=FIGURES))
        except Refused as refused:
            outcome.append(refused)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=[user]) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcome


@race
def test_two_filings_of_one_period_at_once_keep_one_report(drafter, vnpt, vnpt_user):
    agreement = deployed(by=drafter, partner=vnpt)
    with on_day(TODAY):
        outcome = _file_at_once(agreement, [vnpt_user, member(vnpt, "vnpt-2")])
    refusals = [r.reasons for r in outcome if isinstance(r, Refused)]
    assert len(outcome) == 2 and len(refusals) == 1
    assert "was already filed" in refusals[0][0]
    assert DeploymentReport.objects.count() == 1
