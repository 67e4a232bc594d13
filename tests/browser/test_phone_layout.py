"""On a 390 × 844 phone the main pages of each kind of user fit the screen: nothing scrolls sideways, the
header stays under 100 pixels with the language menu whole, the menu folds behind a button, and tables read
as stacked cards labelled with their column names. At 320 pixels nothing scrolls sideways either."""

import pytest

from tests.browser.role_pages import ROLES, log_in_as, main_pages, seed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
SMALLEST = {"width": 320, "height": 640}


def sideways_overflow(page):
    """How many pixels the page scrolls sideways (0 when it fits)."""
    return page.evaluate("(() => { const e = document.scrollingElement; return e.scrollWidth - e.clientWidth; })()")


def too_wide(page):
    """The innermost elements that reach past the right edge of the screen, to say what overflows."""
    return page.evaluate("""[...document.querySelectorAll("body *")].filter(e =>
      e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && e.children.length === 0)
      .slice(0, 5).map(e => e.tagName + "." + e.className + " " + (e.textContent || "").slice(0, 30))""")


def language_menu_is_whole(page):
    """The language select is inside the screen and wide enough for the language it shows."""
    return page.evaluate("""(() => {
      const select = document.querySelector("select[name=language]"), box = select.getBoundingClientRect();
      const probe = document.createElement("span");
      probe.textContent = select.selectedOptions[0].textContent;
      probe.style.font = getComputedStyle(select).font;  // set from the test's own script: not refused by the CSP
      document.body.append(probe);
      const needed = probe.getBoundingClientRect().width;
      probe.remove();
      return box.left >= 0 && box.right <= window.innerWidth && box.width > needed;
    })()""")


def tables_are_cards(page):
    """For each table that becomes cards: its rows are blocks and each labelled cell shows its label first."""
    return page.evaluate("""(() => [...document.querySelectorAll("main table.stack")].map(table => {
      const cells = [...table.querySelectorAll("td[data-label]")];
      return [...table.querySelectorAll("tbody tr")].every(tr => getComputedStyle(tr).display === "block")
        && cells.every(td => getComputedStyle(td, "::before").content === JSON.stringify(td.dataset.label));
    }))()""")


def how_it_fits(page, path):
    """What a user sees of `path` on the phone: (its status, pixels it scrolls sideways with what overflows, header
    height, language menu whole, for each table that stacks whether it reads as cards)."""
    status = page.goto(page.base_url + path).status
    overflow = sideways_overflow(page)
    return (status, overflow if overflow <= 0 else (overflow, too_wide(page)),
            page.locator("header").bounding_box()["height"] < 100, language_menu_is_whole(page), tables_are_cards(page))


def fits(seen):
    status, overflow, short_header, whole_menu, cards = seen
    return status == 200 and overflow == 0 and short_header and whole_menu and all(cards)


def test_a_visitors_pages_fit_a_phone(browser_page):
    page = browser_page
    page.set_viewport_size(PHONE)
    seen = {path: how_it_fits(page, path) for path in main_pages(None)}
    assert seen and {path: it for path, it in seen.items() if not fits(it)} == {}


@pytest.mark.parametrize("role", ROLES)
def test_the_main_pages_of_each_role_fit_a_phone(browser_page, role):
    seed()
    page = browser_page
    log_in_as(page, role)
    page.set_viewport_size(PHONE)
    seen = {path: how_it_fits(page, path) for path in main_pages(role)}
    assert seen and {path: it for path, it in seen.items() if not fits(it)} == {}
    assert any(cards for *_, cards in seen.values())  # each role reads at least one table as cards


def test_the_tables_of_the_agreement_list_are_cards_on_a_phone_and_a_table_on_a_desktop(browser_page):
    seed()
    page = browser_page
    log_in_as(page, "drafter")
    page.goto(page.base_url + "/agreements/")
    assert page.locator("table.stack tbody tr").first.evaluate("tr => getComputedStyle(tr).display") == "table-row"
    page.set_viewport_size(PHONE)
    assert page.locator("table.stack tbody tr").first.evaluate("tr => getComputedStyle(tr).display") == "block"
    assert page.locator("table.stack thead").evaluate("thead => thead.getBoundingClientRect().height") <= 1


def test_the_menu_folds_behind_a_button_on_a_phone_and_opens_with_it(browser_page):
    seed()
    page = browser_page
    log_in_as(page, "drafter")
    page.set_viewport_size(PHONE)
    page.goto(page.base_url + "/")
    toggle, menu = page.locator(".menu-toggle"), page.locator("nav.mainnav")
    assert toggle.is_visible() and not menu.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert menu.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    page.click("nav.mainnav a[href='/agreements/']")
    page.wait_for_url(page.base_url + "/agreements/")
    page.keyboard.press("Escape")  # nothing open: nothing happens


def test_on_a_desktop_the_menu_is_open_and_has_no_button(browser_page):
    seed()
    page = browser_page
    log_in_as(page, "drafter")
    page.goto(page.base_url + "/")
    assert page.locator("nav.mainnav").is_visible() and not page.locator(".menu-toggle").is_visible()


def test_at_320_pixels_nothing_scrolls_sideways(browser_page):
    seed()
    page = browser_page
    log_in_as(page, "drafter")
    page.set_viewport_size(SMALLEST)
    for path in ["/login/", "/", "/agreements/", "/conditions/eligibility/"]:
        page.goto(page.base_url + path)
        assert sideways_overflow(page) <= 0, path
