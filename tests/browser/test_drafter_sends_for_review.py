"""A drafter creates minutes, completes them and sends them for review in a real browser."""

import io

import pytest
from django.core.management import call_command

from agreements.models import Agreement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_drafter_creates_completes_and_sends_minutes_for_review(browser_page):
    call_command("seed_demo", stdout=io.StringIO())
    page = browser_page
    page.goto(page.base_url + "/login/")
    page.fill("#id_username", "drafter")
    page.fill("#id_password", "hssk-demo-2026")
    page.click("#login-submit")
    page.wait_for_url(page.base_url + "/")

    page.goto(page.base_url + "/agreements/new/")
    page.select_option("#id_partner", label="Hồng Hà eHealth")
    page.fill("#id_handing_representative", "Phạm Đức Long")
    page.fill("#id_handing_title", "Cục trưởng")
    page.fill("#id_receiving_representative", "Đỗ Thị Lan")
    page.fill("#id_receiving_title", "Giám đốc Chi nhánh")
    page.fill("#id_software_version", "2.2")
    page.fill("#id_term_start", "01/03/2027")
    page.fill("#id_term_end", "28/02/2030")
    page.select_option("#id_provinces", label="Cần Thơ (92) — " + _from_reorganisation())
    page.click("form.card button[type=submit]")

    # The edit page: cite the partner's authority, insert the standard clauses, ask a department.
    page.click("#standard-clauses")
    page.wait_for_selector(".messages .success")
    page.fill("#id_bases-0-position", "1")
    page.select_option("#id_bases-0-kind", "law")
    page.fill("#id_bases-0-citation", "Luật Công nghệ thông tin số 67/2006/QH11 ngày 29 tháng 6 năm 2006")
    page.fill("#id_bases-1-position", "2")
    page.select_option("#id_bases-1-kind", "authority")
    page.select_option("#id_bases-1-authority_document", index=1)
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


def _from_reorganisation():
    return "từ 01/07/2025"
