"""The eligibility gate judges the signing day the signer types; nothing bounds that day."""

import datetime

import pytest
from django.utils import timezone

from agreements import services
from agreements.models import Agreement
from core.exceptions import Refused
from tests.factories import SIGN_DEFAULTS, make_agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(drafter, vnpt):
    agreement = make_agreement(by=drafter, partner=vnpt)  # eligible 2020-01-01 .. 2030-12-31
    return services.agreement_send_for_review(agreement=agreement, by=drafter)


@pytest.mark.parametrize("signed_on", [datetime.date(2020, 6, 1), timezone.localdate() + datetime.timedelta(days=900)])
def test_a_signing_day_before_the_review_or_in_the_future_is_refused(in_review, drafter, signed_on):
    with pytest.raises(Refused):
        services.agreement_sign(agreement=in_review, by=drafter, number=9, signed_on=signed_on, **SIGN_DEFAULTS)
    assert Agreement.objects.get(pk=in_review.pk).status == Agreement.Status.REVIEW
