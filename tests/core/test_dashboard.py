import datetime

import pytest
from django.urls import reverse

from agreements import eligibility_watch as watch
from agreements.models import EligibilityFlag
from tests.factories import current_province, make_agreement, make_signed

pytestmark = pytest.mark.django_db


def _flagged_block(page):
    return page.split('id="block-flagged"', 1)[1].split("</div>", 1)[0] if 'id="block-flagged"' in page else ""


def test_the_drafters_dashboard_lists_only_agreements_with_an_open_eligibility_flag(client, drafter):
    flagged = make_signed(by=drafter, number=1)
    healthy = make_signed(by=drafter, number=2, provinces=[current_province("92")])
    make_agreement(by=drafter)
    EligibilityFlag.objects.create(agreement=flagged, raised_on=datetime.date(2026, 5, 1), reasons="C-1: Expired")
    client.force_login(drafter)
    block = _flagged_block(client.get(reverse("dashboard")).content.decode())
    assert "01/BB-CNTT" in block
    assert "02/BB-CNTT" not in block and healthy.number_and_symbol not in block


def test_a_cleared_flag_leaves_the_dashboard(client, drafter):
    agreement = make_signed(by=drafter, number=1)
    EligibilityFlag.objects.create(agreement=agreement, raised_on=datetime.date(2026, 5, 1), reasons="x",
                                   cleared_on=datetime.date(2026, 5, 2))
    client.force_login(drafter)
    assert "01/BB-CNTT" not in _flagged_block(client.get(reverse("dashboard")).content.decode())


def test_the_daily_check_raises_no_flag_for_an_eligible_partner(drafter):
    make_signed(by=drafter, number=1)
    assert watch.check_all(day=datetime.date(2026, 6, 1))["flagged"] == 0
    assert not EligibilityFlag.objects.exists()
