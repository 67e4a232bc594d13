"""The main pages of each kind of user on the demo data (seed_demo), for the accessibility and phone tests:
who logs in, and which paths they open."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from agreements.models import Agreement
from partners.models import Partner
from tests.browser.round_steps import log_in

DEMO_PASSWORD = "hssk-demo-2026"
ROLES = ["drafter", "assessor", "vnpt", "auditor"]


def seed():
    call_command("seed_demo", stdout=io.StringIO())


def main_pages(role):
    """The paths `role` (a demo user name, or None for a visitor) opens first."""
    if role is None:
        return ["/login/", "/verify/"]
    if role == "vnpt":
        own = Partner.objects.get(tax_code="0106869738")
        agreement = Agreement.objects.filter(partner=own).order_by("pk").first()
        return ["/", f"/conditions/eligibility/{own.pk}/", "/agreements/", f"/agreements/{agreement.pk}/"]
    agreement = Agreement.objects.exclude(number=None).order_by("pk").first()
    partner = Partner.objects.order_by("pk").first()
    return {
        "drafter": ["/", "/agreements/", f"/agreements/{agreement.pk}/", f"/agreements/{agreement.pk}/history/",
                    "/partners/", "/agreements/coverage/", f"/agreements/{agreement.pk}/deployment/"],
        "assessor": ["/", "/conditions/assessment/", "/conditions/eligibility/",
                     f"/conditions/eligibility/{partner.pk}/"],
        "auditor": ["/", "/downloads/", "/audit/", "/notices/"],
    }[role]


def log_in_as(page, role):
    log_in(page, get_user_model().objects.get(username=role), password=DEMO_PASSWORD)


def fail_a_form(page):
    """Send the new-draft form with its title emptied (the browser's own check switched off, as an old
    browser or a script would): the page comes back with the field's error."""
    page.goto(page.base_url + "/agreements/new/")
    page.fill("#id_title", "")
    page.evaluate("document.querySelector('#id_title').form.noValidate = true")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
