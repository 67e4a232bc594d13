"""A withdrawn or suspended partner unit takes no new agreement (what a ministry user would expect)."""

import datetime

import pytest

from agreements import services
from partners.services import partner_set_status
from tests.factories import SIGN_DEFAULTS, PartnerFactory, make_agreement

pytestmark = pytest.mark.django_db


def test_minutes_in_review_cannot_be_signed_with_a_withdrawn_partner(drafter):
    partner = PartnerFactory()
    agreement = make_agreement(by=drafter, partner=partner)
    services.agreement_send_for_review(agreement=agreement, by=drafter)
    partner_set_status(partner=partner, status="withdrawn", by=drafter, reason="Rút khỏi chương trình")
    with pytest.raises(services.TransitionRefused):
        services.agreement_sign(agreement=agreement, by=drafter, number=1, signed_on=datetime.date(2025, 12, 20),
                                **SIGN_DEFAULTS)
