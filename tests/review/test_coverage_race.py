"""Two agreements for the same province signed at the same moment: only one may be in force."""

import datetime
import threading

import pytest
from django.db import connection

from agreements import services
from agreements.guards import signing as guards
from agreements.models import Agreement
from tests.factories import SIGN_DEFAULTS, PartnerFactory, current_province, make_agreement


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_agreements_covering_one_province_cannot_both_be_signed_at_once(drafter, signer, monkeypatch):
    province = current_province("01")
    first = make_agreement(by=drafter, partner=PartnerFactory(), provinces=[province])
    second = make_agreement(by=drafter, partner=PartnerFactory(), provinces=[province])
    for agreement in (first, second):
        services.agreement_send_for_review(agreement=agreement, by=drafter)

    # Hold each signing just after its coverage check until both have checked (if they can).
    both_checked = threading.Barrier(2, timeout=3)
    real_check = guards.coverage_problems

    def check_then_wait(agreement):
        found = list(real_check(agreement))
        try:
            both_checked.wait()
        except threading.BrokenBarrierError:
            pass  # the other signing is serialised behind us: exactly what a fix does
        yield from found

    monkeypatch.setattr(guards, "coverage_problems", check_then_wait)
    results = []

    def sign(agreement, number):
        try:
            results.append(services.agreement_sign(agreement=agreement, by=signer, number=number,
                                                   signed_on=datetime.date(2025, 12, 20), **SIGN_DEFAULTS))
        except Exception as error:
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign, args=(a, n)) for n, a in enumerate((first, second), start=1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert Agreement.objects.filter(status="signed", provinces=province).count() == 1, results
