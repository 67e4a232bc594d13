"""The draft form's province picker in a real browser (static/js/province-picker.js over the vendored Tom
Select): typing "lào" offers Lào Cai of the term's period, picked and saved; a province of before the
reorganisation is not offered; a term typed to start before it offers the old provinces instead."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from agreements.models import Agreement
from core.models import Province
from tests.browser.round_steps import log_in, vi

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _open_new_draft(page):
    call_command("seed_demo", stdout=io.StringIO())
    log_in(page, get_user_model().objects.get(username="drafter"), password="hssk-demo-2026")
    page.goto(page.base_url + "/agreements/new/")


def _offered_for(page, text):
    """What the picker lists once `text` is typed into it."""
    control = page.locator("#id_provinces-ts-control")
    control.fill("")
    control.press_sequentially(text, delay=30)
    # Tom Select filters a moment after the last key (its refreshThrottle): wait until it has searched for it all
    # (polled from here: the page's CSP refuses the eval that wait_for_function needs).
    picker = page.locator("#id_provinces")
    for _ in range(100):
        if picker.evaluate("select => select.tomselect.lastQuery") == text:
            break
        page.wait_for_timeout(50)
    return [label.strip() for label in page.locator(".ts-dropdown .option").all_inner_texts()]


def test_typing_lao_offers_lao_cai_of_the_terms_period_which_is_saved(browser_page):
    page = browser_page
    _open_new_draft(page)
    page.select_option("#id_partner", label="Hồng Hà eHealth")
    page.fill("#id_handing_representative", "Phạm Đức Long")
    page.fill("#id_handing_title", "Cục trưởng")
    page.fill("#id_receiving_representative", "Đỗ Thị Lan")
    page.fill("#id_receiving_title", "Giám đốc Chi nhánh")
    page.fill("#id_software_version", "2.3")
    page.fill("#id_term_start", "01/03/2027")
    page.fill("#id_term_end", "28/02/2030")

    assert _offered_for(page, "yên bái") == []  # merged into Lào Cai on 01/07/2025
    # Said in the page's language, not in the library's English.
    assert page.locator(".ts-dropdown .no-results").inner_text() == vi(
        "No province in force on the term's start has that name.")
    offered = _offered_for(page, "lào")
    assert len(offered) == 1 and offered[0].startswith("Lào Cai (15)")
    page.locator(".ts-dropdown .option").first.click()
    page.click("form.card button[type=submit]")
    page.wait_for_selector(".messages .success")

    agreement = Agreement.objects.get(partner__short_name="Hồng Hà eHealth", software_version="2.3")
    assert list(agreement.provinces.all()) == [Province.objects.get(name="Lào Cai", valid_from__isnull=False)]


def test_a_term_typed_to_start_before_the_reorganisation_offers_the_old_provinces(browser_page):
    page = browser_page
    _open_new_draft(page)
    assert _offered_for(page, "yên bái") == []
    page.fill("#id_term_start", "01/01/2025")
    yen_bai = str(Province.objects.get(name="Yên Bái").pk)
    for _ in range(100):  # the picker asks the server for the provinces of 01/01/2025
        if page.locator("#id_provinces").evaluate("(select, pk) => pk in select.tomselect.options", yen_bai):
            break
        page.wait_for_timeout(50)
    assert [label.split(" (")[0] for label in _offered_for(page, "yên bái")] == ["Yên Bái"]
    assert [label.split(" (")[0] for label in _offered_for(page, "lào")] == ["Lào Cai"]
