"""In a real browser: the assessor asks for more information (first forgetting the reason: the choice is kept and
the error sits beside the reason), the partner answers on the same evidence with a file from its dashboard, and
the assessor, reading the whole thread, accepts."""

import re

import pytest

from conditions.models import Evidence
from tests.browser.round_steps import log_in, log_out
from tests.factories import condition_set, member, submit
from tests.samples import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_assessor_asks_the_partner_answers_on_the_same_evidence_and_the_assessor_accepts(browser_page, tmp_path,
                                                                                               assessor, vnpt):
    partner_user = member(vnpt, "vnpt")
    evidence = submit(vnpt, condition_set("PL-01").conditions.get(), by=partner_user)
    evidence_url = f"/conditions/evidence/{evidence.pk}/"
    page = browser_page

    # The assessor asks for more information, first without the reason.
    log_in(page, assessor)
    page.goto(page.base_url + evidence_url)
    page.check("#decide input[name=decision][value=info_requested]")
    page.click("#decide button[type=submit]")
    page.wait_for_selector("#decide .errorlist")
    assert page.locator("#decide input[name=decision][value=info_requested]").is_checked()
    reason_field = page.locator("#decide #id_reason").locator("xpath=ancestor::div[contains(@class,'field')][1]")
    assert reason_field.locator(".errorlist").count() == 1
    assert page.locator(".messages .error").count() == 0
    page.fill("#decide #id_reason", "Bổ sung bản có dấu đỏ của giấy phép.")
    page.click("#decide button[type=submit]")
    page.wait_for_url(page.base_url + "/conditions/assessment/")
    evidence.refresh_from_db()
    assert evidence.status == Evidence.Status.INFO_REQUESTED
    log_out(page)

    # The partner finds the request on its dashboard and answers on the same evidence, with a file.
    pdf = tmp_path / "giay-phep-co-dau.pdf"
    pdf.write_bytes(PDF)
    log_in(page, partner_user)
    page.click(f"#evidence-waiting a[href='{evidence_url}']")
    page.wait_for_url(page.base_url + evidence_url)
    assert "Bổ sung bản có dấu đỏ của giấy phép." in page.locator("#thread").inner_text()
    page.fill("#answer #id_text", "Xin gửi bản có dấu đỏ.")
    page.set_input_files("#answer #id_files", str(pdf))
    page.click("#answer button[type=submit]")
    page.wait_for_selector(".messages .success")
    assert page.url == page.base_url + evidence_url
    assert page.locator("#answer").count() == 0
    assert Evidence.objects.count() == 1
    evidence.refresh_from_db()
    assert evidence.status == Evidence.Status.SUBMITTED
    log_out(page)

    # The assessor finds it in the queue again, reads the whole thread and accepts.
    log_in(page, assessor)
    page.goto(page.base_url + "/conditions/assessment/")
    page.click(f"a[href='{evidence_url}']")
    page.wait_for_url(page.base_url + evidence_url)
    thread = page.locator("#thread").inner_text()
    assert "Bổ sung bản có dấu đỏ của giấy phép." in thread and "Xin gửi bản có dấu đỏ." in thread
    assert page.locator("#thread a", has_text="giay-phep-co-dau.pdf").count() == 1
    page.check("#decide input[name=decision][value=accepted]")
    page.click("#decide button[type=submit]")
    page.wait_for_url(re.compile(r"/conditions/assessment/$"))
    evidence.refresh_from_db()
    assert (evidence.status, evidence.decided_by) == (Evidence.Status.ACCEPTED, assessor)
