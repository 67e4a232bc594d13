"""A province released by an accepted refusal is no longer covered by its agreement from the day of its
release: another partner's minutes may take it over from then on, not for the days before."""

import datetime

import pytest
from django.utils import timezone

from agreements import services
from agreements.services.lifecycle import TransitionRefused
from tests.agreements.refusing import file_request, signed_minutes
from tests.factories import current_province, signed


@pytest.fixture
def released(vnpt, vnpt_user, drafter):
    """VNPT-IT's minutes, Hà Nội released from them today."""
    minutes = signed_minutes(partner=vnpt)
    services.refusal_accept(request=file_request(minutes, vnpt_user, codes=("01",)), by=drafter, reason="")
    return minutes


def test_another_partner_takes_over_a_released_province_after_its_release(released, vietsens):
    today = timezone.localdate()
    later = signed(partner=vietsens, number=2, signed_on=today + datetime.timedelta(days=1),
                   term_start=today + datetime.timedelta(days=2), term_end=today + datetime.timedelta(days=400),
                   provinces=[current_province("01")])
    assert later.status == "signed"


def test_the_days_before_the_release_stay_covered(released, vietsens):
    today = timezone.localdate()
    with pytest.raises(TransitionRefused) as refused:
        signed(partner=vietsens, number=2, signed_on=today + datetime.timedelta(days=1),
               term_start=today - datetime.timedelta(days=30), term_end=today + datetime.timedelta(days=400),
               provinces=[current_province("01")])
    assert any(reason.startswith("Hà Nội is already covered") for reason in refused.value.reasons)
