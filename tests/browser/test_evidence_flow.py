import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from conditions import eligibility
from conditions.eligibility import Standing
from conditions.models import ConditionSet, Evidence
from partners.models import Partner
from portal.demo import sample_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "hssk-demo-2026"
VNPT_TAX_CODE = "0106869738"


def test_a_partner_uploads_evidence_an_assessor_accepts_it_and_the_partner_turns_eligible(browser_page, tmp_path):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    today = timezone.localdate()
    vnpt = Partner.objects.get(tax_code=VNPT_TAX_CODE)
    condition_set = ConditionSet.objects.in_force_on(today)
    assert eligibility.verdict(vnpt, condition_set, today).eligible  # the demo's VNPT meets everything

    # The scenario: VNPT's accepted evidence for one mandatory condition ran out yesterday.
    evidence = (Evidence.objects.filter(partner=vnpt, condition__condition_set=condition_set,
                                        condition__mandatory=True, status=Evidence.Status.ACCEPTED)
                .select_related("condition").order_by("condition__position").first())
    condition = evidence.condition
    evidence.valid_from = today - datetime.timedelta(days=400)
    evidence.valid_until = today - datetime.timedelta(days=1)
    evidence.save()
    before = eligibility.verdict(vnpt, condition_set, today)
    assert not before.eligible
    assert [s.condition.pk for s in before.unmet] == [condition.pk]
    assert before.unmet[0].standing == Standing.EXPIRED

    pdf = tmp_path / "cam-ket.pdf"
    pdf.write_bytes(sample_pdf(f"VNPT-IT {condition.code}"))

    page = browser_page
    eligibility_url = f"{page.base_url}/conditions/eligibility/{vnpt.pk}/"

    # The partner sees it is not eligible and submits new evidence for the expired condition.
    _log_in(page, "vnpt")
    page.click(f"a[href='/conditions/eligibility/{vnpt.pk}/']")
    page.wait_for_url(eligibility_url)
    assert page.locator("#verdict strong.bad").count() == 1
    assert page.locator("#verdict strong.ok").count() == 0
    assert condition.code in page.locator("#verdict ul.bad").inner_text()
    assert page.locator("tr.standing-expired").count() == 1
    page.click(f"a[href='/conditions/eligibility/{vnpt.pk}/submit/{condition.pk}/']")
    page.wait_for_url(f"{page.base_url}/conditions/eligibility/{vnpt.pk}/submit/{condition.pk}/")
    page.fill("#id_statement", "Văn bản cam kết mới, có hiệu lực từ hôm nay.")
    page.set_input_files("#id_files", str(pdf))
    page.click("form.card button[type=submit]")
    page.wait_for_url(re.compile(r"/conditions/evidence/\d+/$"))
    page.wait_for_selector(".messages .success")
    submitted = Evidence.objects.get(pk=int(page.url.rstrip("/").rsplit("/", 1)[1]))
    assert (submitted.partner_id, submitted.condition_id) == (vnpt.pk, condition.pk)
    assert submitted.status == Evidence.Status.SUBMITTED
    assert submitted.submitted_by.username == "vnpt"
    assert [(f.original_name, f.content_type) for f in submitted.files.all()] == [("cam-ket.pdf", "application/pdf")]
    _log_out(page)

    # The assessor finds it in the queue and accepts it with the default dates.
    _log_in(page, "assessor")
    page.click("#queue a[href='/conditions/assessment/']")
    page.wait_for_url(page.base_url + "/conditions/assessment/")
    page.click(f"a[href='/conditions/evidence/{submitted.pk}/']")
    page.wait_for_url(f"{page.base_url}/conditions/evidence/{submitted.pk}/")
    page.check("#decide input[name=decision][value=accepted]")
    page.click("#decide button[type=submit]")
    page.wait_for_url(page.base_url + "/conditions/assessment/")
    page.wait_for_selector(".messages .success")
    assert page.locator(f"a[href='/conditions/evidence/{submitted.pk}/']").count() == 0
    submitted.refresh_from_db()
    assert submitted.status == Evidence.Status.ACCEPTED
    assert submitted.decided_by.username == "assessor"
    assert submitted.valid_from == today
    assert submitted.valid_until > today
    _log_out(page)

    # The partner is eligible again.
    _log_in(page, "vnpt")
    page.goto(eligibility_url)
    assert page.locator("#verdict strong.ok").count() == 1
    assert page.locator("#verdict strong.bad").count() == 0
    assert page.locator("#verdict ul.bad").count() == 0
    assert page.locator("tr.standing-expired").count() == 0
    assert eligibility.verdict(vnpt, condition_set, today).eligible


def _log_in(page, username):
    page.goto(page.base_url + "/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("#login-submit")
    page.wait_for_url(page.base_url + "/")


def _log_out(page):
    page.click("header form[action='/logout/'] button[type=submit]")
    page.wait_for_url(re.compile(r"/login/"))
