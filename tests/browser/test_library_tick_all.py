"""The add-from-library box in a real browser (static/js/library-select-all.js): "tick all" ticks every entry of
its section and only those, and the ticked entries are added to the draft."""

import pytest

from agreements.models import ClauseTemplate
from core import roles
from tests.browser.round_steps import log_in
from tests.factories import UserFactory, draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_tick_all_ticks_the_sections_entries_which_are_added(browser_page):
    drafter = UserFactory(username="drafter", roles=[roles.DRAFTER])
    agreement = draft(by=drafter, complete=False)
    page = browser_page
    log_in(page, drafter)
    page.goto(f"{page.base_url}/agreements/{agreement.pk}/edit/")
    page.click("#library summary")
    page.check("input[data-select-all=templates]")
    templates = page.locator("#library input[name=templates]")
    offered = templates.count()
    assert offered == ClauseTemplate.objects.filter(active=True).count() > 1
    assert all(templates.nth(i).is_checked() for i in range(offered))
    assert page.locator("#library input[name=legal_documents]:checked").count() == 0
    templates.first.uncheck()
    assert page.locator("input[data-select-all=templates]").evaluate("box => box.indeterminate")
    page.click("#add-from-library")
    page.wait_for_selector(".messages .success")
    assert agreement.clauses.count() == offered - 1
    assert not agreement.legal_bases.exists()
