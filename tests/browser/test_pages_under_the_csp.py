"""Our pages and the Django admin work in a real browser under the Content-Security-Policy: Chromium refuses
nothing on them (the browser_page fixture fails a test on any refusal), and their styles still apply."""

import pytest

from tests.browser.round_steps import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_browser_reports_an_inline_style_the_policy_refuses(browser_page):
    page = browser_page
    page.goto(page.base_url + "/login/")
    page.evaluate("""document.body.insertAdjacentHTML("beforeend", '<p id="injected" style="color:red">x</p>')""")
    page.wait_for_timeout(200)
    assert page.locator("#injected").evaluate("p => getComputedStyle(p).color") != "rgb(255, 0, 0)"
    assert len(page.csp_violations) == 1 and "style-src 'self'" in page.csp_violations[0]
    page.csp_violations.clear()  # seen: the fixture's own check passes


def test_the_login_page_keeps_its_layout_from_the_stylesheet(browser_page):
    page = browser_page
    page.goto(page.base_url + "/login/")
    assert page.locator("main .card").evaluate("card => getComputedStyle(card).maxWidth") == "448px"  # 28rem


def test_our_pages_and_the_admin_work_under_the_policy(browser_page, superuser):
    page = browser_page
    log_in(page, superuser)  # the second-factor page included
    for path in ["/agreements/", "/agreements/coverage/", "/partners/", "/verify/", "/admin/", "/admin/auth/user/",
                 f"/admin/auth/user/{superuser.pk}/change/"]:
        response = page.goto(page.base_url + path)
        assert response.status == 200, path
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"], path
    # The admin's own scripts ran: the groups widget was turned into its two filtered lists.
    assert page.locator("#id_groups_from").count() == 1
    assert page.locator("#header").evaluate("h => getComputedStyle(h).backgroundColor") != "rgba(0, 0, 0, 0)"
