"""The draft page's checklist in a real browser: a draft that asks no department shows that check unticked,
with a link to the edit page's departments; once one is asked and saved, the page shows it ticked, and every
check ticked lets the draft go for review."""

import datetime
import re

import pytest

from agreements import services
from agreements.models import Agreement
from core import roles
from core.models import Department
from tests.browser.round_steps import log_in
from tests.factories import UserFactory, draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_checklist_ticks_the_departments_once_one_is_asked(browser_page):
    drafter = UserFactory(username="drafter", roles=[roles.DRAFTER])
    agreement = draft(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, review_requests=[])
    page = browser_page
    log_in(page, drafter)
    page.goto(f"{page.base_url}/agreements/{agreement.pk}/")
    reviews = page.locator("#sending-checklist li[data-check=reviews]")
    assert reviews.get_attribute("class") == "missing"
    assert page.locator("#sending-checklist li.missing").count() == 1

    reviews.locator("a").first.click()
    page.wait_for_url(re.compile(rf"/agreements/{agreement.pk}/edit/#reviews$"))
    department = Department.objects.filter(is_handing_unit=False).order_by("pk").first()
    page.select_option("#id_reviews-0-department", str(department.pk))
    page.fill("#id_reviews-0-letter_number", "501/CNTT-TTUD")
    page.fill("#id_reviews-0-letter_date", datetime.date.today().strftime("%d/%m/%Y"))
    page.fill("#id_reviews-0-due_on", (datetime.date.today() + datetime.timedelta(days=30)).strftime("%d/%m/%Y"))
    page.click("form:not([action]) .actions button:not([name])")
    page.wait_for_url(re.compile(rf"/agreements/{agreement.pk}/(#reviews)?$"))  # the link's fragment is kept

    assert page.locator("#sending-checklist li[data-check=reviews]").get_attribute("class") == "met"
    assert page.locator("#sending-checklist li.missing").count() == 0
    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.DRAFT
