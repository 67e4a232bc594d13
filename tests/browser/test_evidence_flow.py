"""A partner whose evidence ran out submits new evidence in a real browser, an assessor accepts it, and
the partner is eligible again."""

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from conditions import eligibility
from conditions.eligibility import Standing
from conditions.models import ConditionSet, Evidence
from partners.models import Partner
from tests.browser.round_steps import log_in
from tests.samples import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "hssk-demo-2026"


def test_a_partner_uploads_evidence_an_assessor_accepts_it_and_the_partner_turns_eligible(browser_page, tmp_path,
                                                                                          time_machine):
    call_command("seed_demo", stdout=io.StringIO())
    hongha = Partner.objects.get(short_name="Hồng Hà eHealth")
    condition_set = ConditionSet.objects.in_force_on(timezone.localdate())
    assert eligibility.verdict(hongha, condition_set, timezone.localdate()).eligible  # the demo's Hồng Hà meets all

    # The scenario: the demo's Hồng Hà holds one approval that runs out within 30 days. The day after, it has.
    evidence = (Evidence.objects.filter(partner=hongha, condition__condition_set=condition_set,
                                        status=Evidence.Status.ACCEPTED).select_related("condition")
                .order_by("valid_until", "condition__position").first())
    condition = evidence.condition
    time_machine.move_to(timezone.make_aware(datetime.datetime.combine(
        evidence.valid_until + datetime.timedelta(days=1), datetime.time(9))))
    today = timezone.localdate()
    before = eligibility.verdict(hongha, condition_set, today)
    assert not before.eligible
    assert [s.condition.pk for s in before.unmet] == [condition.pk]
    assert before.unmet[0].standing == Standing.EXPIRED

    pdf = tmp_path / "cam-ket.pdf"
    pdf.write_bytes(PDF)

    page = browser_page
    eligibility_url = f"{page.base_url}/conditions/eligibility/{hongha.pk}/"

    # The partner sees it is not eligible and submits new evidence for the expired condition.
    _log_in(page, "hongha")
    page.click(f"a[href='/conditions/eligibility/{hongha.pk}/']")
    page.wait_for_url(eligibility_url)
    assert page.locator("#verdict strong.bad").count() == 1
    assert page.locator("#verdict strong.ok").count() == 0
    assert condition.code in page.locator("#verdict ul.bad").inner_text()
    assert page.locator("tr.standing-expired").count() == 1
    page.click(f"a[href='/conditions/eligibility/{hongha.pk}/submit/{condition.pk}/']")
    page.wait_for_url(f"{page.base_url}/conditions/eligibility/{hongha.pk}/submit/{condition.pk}/")
    page.fill("#id_statement", "Văn bản cam kết mới, có hiệu lực từ hôm nay.")
    page.set_input_files("#id_files", str(pdf))
    page.click("form.card button[type=submit]")
    page.wait_for_url(re.compile(r"/conditions/evidence/\d+/$"))
    page.wait_for_selector(".messages .success")
    submitted = Evidence.objects.get(pk=int(page.url.rstrip("/").rsplit("/", 1)[1]))
    assert (submitted.partner_id, submitted.condition_id) == (hongha.pk, condition.pk)
    assert submitted.status == Evidence.Status.SUBMITTED
    assert submitted.submitted_by.username == "hongha"
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
    _log_in(page, "hongha")
    page.goto(eligibility_url)
    assert page.locator("#verdict strong.ok").count() == 1
    assert page.locator("#verdict strong.bad").count() == 0
    assert page.locator("#verdict ul.bad").count() == 0
    assert page.locator("tr.standing-expired").count() == 0
    assert eligibility.verdict(hongha, condition_set, today).eligible


def _log_in(page, username):
    log_in(page, get_user_model().objects.get(username=username), password=PASSWORD)


def _log_out(page):
    page.click("header form[action='/logout/'] button[type=submit]")
    page.wait_for_url(re.compile(r"/login/"))
