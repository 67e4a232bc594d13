"""The agreement list's partner filter in a real browser: typing part of a name without its accents offers the
matching partner units (static/js/partner-suggestions.js); the one picked filters the list by its tax code."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from agreements.models import Agreement
from partners.models import Partner
from tests.browser.round_steps import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_typing_part_of_a_name_offers_the_partner_and_picking_it_filters_the_list(browser_page):
    call_command("seed_demo", stdout=io.StringIO())
    page = browser_page
    log_in(page, get_user_model().objects.get(username="drafter"), password="hssk-demo-2026")
    hong_ha = Partner.objects.get(short_name="Hồng Hà eHealth")

    page.goto(page.base_url + "/agreements/")
    page.locator("input[name=partner]").press_sequentially("hong h", delay=30)
    offered = page.locator("#partner-suggestions option")
    offered.first.wait_for(state="attached")
    assert hong_ha.tax_code in offered.evaluate_all("options => options.map(o => o.value)")
    assert any("Hồng Hà" in label for label in offered.evaluate_all("options => options.map(o => o.label)"))

    page.fill("input[name=partner]", hong_ha.tax_code)  # what choosing the offer puts in the field
    page.click("form.filters button[type=submit]")
    page.wait_for_url(f"**partner={hong_ha.tax_code}**")
    shown = page.locator("table tbody tr").count()
    assert shown == Agreement.objects.filter(partner__tax_code=hong_ha.tax_code).count() > 0
    assert Agreement.objects.exclude(partner__tax_code=hong_ha.tax_code).exists()
