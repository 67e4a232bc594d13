"""axe-core (the copy axe-core-python ships) finds no WCAG 2.1 A or AA violation on the main page of each kind
of user, nor on a form sent back with errors; after a failed submit the error summary has the focus."""

from pathlib import Path

import axe_core_python
import pytest

from tests.browser.role_pages import ROLES, fail_a_form, log_in_as, main_pages, seed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = (Path(axe_core_python.__file__).parent / "axe.min.js").read_text()
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page):
    """axe's findings on the page as it stands: (rule, the first elements it names)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    return [(v["id"], [node["target"] for node in v["nodes"][:3]]) for v in result["violations"]]


def test_the_pages_a_visitor_sees_have_no_violation(browser_page):
    page = browser_page
    for path in main_pages(None):
        page.goto(page.base_url + path)
        assert violations(page) == [], path


def test_a_failed_login_has_no_violation_and_its_summary_has_the_focus(browser_page):
    page = browser_page
    page.goto(page.base_url + "/login/")
    page.fill("#id_username", "nobody")
    page.fill("#id_password", "wrong")
    page.click("#login-submit")
    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.title().startswith("Lỗi: ")
    assert violations(page) == []


@pytest.mark.parametrize("role", ROLES)
def test_the_main_pages_of_each_role_have_no_violation(browser_page, role):
    seed()
    page = browser_page
    log_in_as(page, role)
    for path in main_pages(role):
        assert page.goto(page.base_url + path).status == 200, path
        assert violations(page) == [], path


def test_a_form_sent_back_with_errors_has_no_violation(browser_page):
    seed()
    page = browser_page
    log_in_as(page, "drafter")
    fail_a_form(page)
    assert page.locator("#id_title").get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.getAttribute('role')") == "alert"
    assert violations(page) == []


def test_axe_finds_a_violation_when_there_is_one(browser_page):
    page = browser_page
    page.goto(page.base_url + "/login/")
    page.evaluate("document.querySelector('label[for=id_username]').remove()")
    assert [rule for rule, _ in violations(page)] == ["label"]


def test_the_first_tab_shows_the_skip_link_and_it_leads_past_the_header_to_a_visible_focus_ring(browser_page):
    page = browser_page
    page.goto(page.base_url + "/verify/")
    assert page.locator(".skip-link").bounding_box()["y"] < 0  # out of sight until it has the focus
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    style, width = page.evaluate("(s => [s.outlineStyle, parseFloat(s.outlineWidth)])"
                                 "(getComputedStyle(document.activeElement))")
    assert style == "solid" and width >= 2
