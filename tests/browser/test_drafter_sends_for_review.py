"""A drafter creates minutes, completes them and sends them for review in a real browser."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from agreements.models import Agreement, LegalDocument
from partners.models import AuthorityDocument
from tests.browser.round_steps import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_drafter_creates_completes_and_sends_minutes_for_review(browser_page):
    call_command("seed_demo", stdout=io.StringIO())
    page = browser_page
    log_in(page, get_user_model().objects.get(username="drafter"), password="hssk-demo-2026")

    page.goto(page.base_url + "/agreements/new/")
    page.select_option("#id_partner", label="Hồng Hà eHealth")
    page.fill("#id_handing_representative", "Phạm Đức Long")
    page.fill("#id_handing_title", "Cục trưởng")
    page.select_option("#id_handing_honorific", "Ông")
    page.fill("#id_receiving_representative", "Đỗ Thị Lan")
    page.select_option("#id_receiving_honorific", "Bà")
    page.fill("#id_planned_signing_on", "15/02/2027")
    page.fill("#id_receiving_title", "Giám đốc Chi nhánh")
    page.fill("#id_software_version", "2.2")
    page.fill("#id_term_start", "01/03/2027")
    page.fill("#id_term_end", "28/02/2030")
    page.select_option("#id_provinces", label="Cần Thơ (92) — " + _from_reorganisation())
    page.click("form.card button[type=submit]")

    # The edit page: insert the standard clauses; from the library, cite the law in force on the planned
    # signing day, the Department's authority and the branch's authorisation from its parent; ask a department.
    page.click("#standard-clauses")
    page.wait_for_selector(".messages .success")
    page.click("#library summary")
    for number in ("148/2025/QH15", "2330/QĐ-BYT", "1215/QĐ-BYT"):
        page.check(f"#library input[name=legal_documents][value='{LegalDocument.objects.get(number=number).pk}']")
    parent = AuthorityDocument.objects.get(number="05/2025/UQ-HH")
    page.check(f"#library input[name=authority_documents][value='{parent.pk}']")
    page.click("#add-from-library")
    page.wait_for_selector(".messages .success")
    page.select_option("#id_reviews-0-department", label="Vụ Pháp chế")
    page.fill("#id_reviews-0-letter_number", "501/CNTT-TTUD")
    page.fill("#id_reviews-0-letter_date", "20/08/2019")
    page.fill("#id_reviews-0-due_on", "15/02/2027")
    page.click("button:not([name]):has-text('Lưu')")
    page.wait_for_selector(".messages .success")

    page.click("a.button:has-text('Gửi xin ý kiến')")
    page.fill("#id_reason", "Xin ý kiến Vụ Pháp chế")
    page.click("button:has-text('Xác nhận')")
    page.wait_for_selector(".badge.review")

    agreement = Agreement.objects.get(partner__short_name="Hồng Hà eHealth", software_version="2.2")
    assert agreement.status == Agreement.Status.REVIEW
    assert agreement.review_requests.get().sent_at is not None
    assert agreement.status_changes.get().by.username == "drafter"
    assert set(agreement.legal_bases.values_list("citation", flat=True)) >= {
        LegalDocument.objects.get(number="148/2025/QH15").citation(), parent.citation()}


def _from_reorganisation():
    return "từ 01/07/2025"
