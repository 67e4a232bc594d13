"""After signing, in a real browser: a partner's user files a deployment report for one province with its
attachment, then asks to refuse the right to use for another province under a refusal case of its own minutes;
the Ministry's drafter reads the request and accepts it, and that province leaves the minutes' scope."""

import re

import pytest

from agreements.models import Agreement, DeploymentReport, RefusalRequest
from tests.agreements.refusing import refusal_clause, signed_minutes
from tests.browser.round_steps import log_in, log_out
from tests.samples import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_partner_files_a_report_and_a_refusal_request_and_the_ministry_accepts_it(browser_page, tmp_path, vnpt,
                                                                                  vnpt_user, drafter):
    minutes = signed_minutes(partner=vnpt)  # Hà Nội, Cao Bằng and Tuyên Quang, in force today
    clause = refusal_clause(minutes)
    letter = tmp_path / "bao-cao-quy.pdf"
    letter.write_bytes(PDF)
    page = browser_page

    # The partner's user files this period's report for Hà Nội from the minutes' deployment page.
    log_in(page, vnpt_user)
    page.goto(f"{page.base_url}/agreements/{minutes.pk}/")
    page.click(f"a[href='/agreements/{minutes.pk}/deployment/']")
    page.click(f"a[href='/agreements/{minutes.pk}/deployment/file/']")
    page.select_option("#id_province", label="Hà Nội")
    page.select_option("#id_period_start", index=1)  # the newest period begun
    page.fill("#id_facilities_live", "12")
    page.fill("#id_records_created", "3400")
    page.fill("#id_incidents", "1")
    page.fill("#id_problems", "Đường truyền tại hai trạm y tế xã chưa ổn định.")
    page.set_input_files("#id_files", str(letter))
    page.click("form.card button[type=submit]")
    page.wait_for_url(re.compile(rf"/agreements/{minutes.pk}/deployment/\d+/$"))
    page.wait_for_selector(".messages .success")
    report = DeploymentReport.objects.get()
    assert (report.province.code, report.facilities_live, report.records_created, report.incidents) == (
        "01", 12, 3400, 1)
    assert report.filed_by == vnpt_user
    assert [f.original_name for f in report.files.all()] == ["bao-cao-quy.pdf"]
    page.goto(f"{page.base_url}/agreements/{minutes.pk}/deployment/")
    assert "3400" in page.locator("#deployment tr[data-province='01']").inner_text()

    # Then it asks to refuse the right to use for Tuyên Quang, citing its minutes' refusal case.
    page.goto(f"{page.base_url}/agreements/{minutes.pk}/")
    page.click("#ask-refusal")
    page.check(f"#refusal-form input[name=clause][value='{clause.pk}']")
    tuyen_quang = minutes.scope.get(province__code="08")
    page.check(f"#refusal-form input[name=provinces][value='{tuyen_quang.pk}']")
    page.fill("#id_facts", "Sở Y tế Tuyên Quang không bố trí máy chủ như đã cam kết tại cuộc họp ngày 02/10.")
    page.set_input_files("#id_files", str(letter))
    page.click("#refusal-submit")
    page.wait_for_url(re.compile(rf"/agreements/{minutes.pk}/refusals/\d+/$"))
    request = RefusalRequest.objects.get()
    assert (request.status, request.clause_id, request.filed_by) == ("pending", clause.pk, vnpt_user)
    assert [row.province.code for row in request.provinces.all()] == ["08"]
    log_out(page)

    # The Ministry's drafter opens the request and accepts it: Tuyên Quang is released, the minutes stay signed.
    log_in(page, drafter)
    page.goto(f"{page.base_url}{request.get_absolute_url()}")
    assert "Tuyên Quang" in page.locator("#refusal-facts").inner_text()
    page.fill("#refusal-decision textarea[name=reason]", "Đã xác minh với Sở Y tế Tuyên Quang.")
    page.click("#refusal-accept")
    page.wait_for_selector(".messages .success")
    request.refresh_from_db()
    assert (request.status, request.outcome, request.decided_by) == ("accepted", "narrowed", drafter)
    tuyen_quang.refresh_from_db()
    assert tuyen_quang.released_on is not None
    minutes.refresh_from_db()
    assert minutes.status == Agreement.Status.SIGNED
    assert minutes.scope.filter(released_on__isnull=True).count() == 2
