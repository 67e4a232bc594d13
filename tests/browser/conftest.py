"""A real headless Chromium (Debian's) driven by Playwright against the live test server."""

import os
import shutil

import pytest
from django.db import connections

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture
def browser_page(live_server, tmp_path):
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # test makes around it are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        context = browser.new_context(locale="vi-VN")
        page = context.new_page()
        page.set_default_timeout(15000)
        page.base_url = live_server.url
        # Chromium reports every script or style the Content-Security-Policy refused on the console.
        page.csp_violations = []
        page.on("console", lambda message: page.csp_violations.append(message.text)
                if "Content Security Policy" in message.text else None)
        yield page
        context.close()
        browser.close()
        # Inside Playwright's event loop the ORM got a connection of its own; close it so the
        # test database can be dropped at the end of the run.
        connections.close_all()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    assert page.csp_violations == [], "the CSP refused part of a page"
