"""A whole review round in a real browser (issue 8): two departments and the receiving party are asked;
one agrees with comments, one disagrees; the signing is refused; the drafter answers, returns the minutes
for revision and sends v2; a department reads what changed; all agree; the signing goes through; the
consolidation table's PDF carries every comment and answer."""

import pytest

from agreements import services
from agreements.models import Agreement, Clause, Comment, ReviewRequest
from tests.agreements.pdf_reading import text
from tests.browser.round_steps import (
    answer,
    confirm,
    log_in,
    log_out,
    open_agreement,
    record_opinion,
    refusals,
    sign,
    vi,
)
from tests.factories import DepartmentFactory, UserFactory, asking, draft, member_of, review_department, reviewer_of
from tests.samples import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OLD_TEXT = "Nội dung ownership"  # what tests.factories.draft writes in the ownership clause
NEW_TEXT = "Nội dung sở hữu và bản quyền phần mềm thuộc Bên giao"
ON_OWNERSHIP = "Đề nghị ghi rõ bên nào giữ bản quyền phần mềm."
AGAINST = "Không nhất trí: phạm vi bàn giao chưa rõ."
TAKEN_IN = "Đã sửa Điều 2: bản quyền thuộc Bên giao."
EXPLAINED = "Phạm vi đã nêu tại Điều 1, giữ nguyên."


def test_a_round_of_opinions_answers_and_a_second_version_ends_in_the_signing(browser_page, tmp_path):
    department_a, department_b = review_department(), DepartmentFactory(code="BHYT", name="Vụ Bảo hiểm y tế")
    drafter, signer = UserFactory(roles=["drafter"]), UserFactory(roles=["signer"])
    agreement = draft(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, review_requests=[
        services.Row(None, asking(department_a)), services.Row(None, asking(department_b)),
        services.Row(None, asking(None))])
    reviewer_a, reviewer_b, member = reviewer_of(department_a), reviewer_of(department_b), member_of(agreement.partner)
    asked_a, asked_b, asked_partner = (ReviewRequest.objects.get(agreement=agreement, department=department_a),
                                       ReviewRequest.objects.get(agreement=agreement, department=department_b),
                                       ReviewRequest.objects.get(agreement=agreement, to_partner=True))
    ownership = agreement.clauses.get(section=Clause.Section.OWNERSHIP)
    letter = tmp_path / "cong-van.pdf"
    letter.write_bytes(PDF)
    page = browser_page
    url = f"{page.base_url}/agreements/{agreement.pk}"

    # The drafter sends v1.
    log_in(page, drafter)
    page.goto(f"{url}/send/confirm/")
    confirm(page, agreement, "send")
    page.wait_for_selector("h1 .badge.review")
    assert page.locator(f"a[href='/agreements/{agreement.pk}/versions/1/']").count() >= 1
    log_out(page)

    # The three addressees answer v1, each from their inbox.
    log_in(page, reviewer_a)
    assert page.locator("#nav-inbox .badge").inner_text() == "1"
    record_opinion(page, asked_a, letter, letter_number="832/KHĐT-VP", position="agree_with_comments",
                   comments=[(f"clause:{ownership.pk}", ON_OWNERSHIP)])
    assert page.locator("#position").inner_text() == vi("Agree with comments")
    assert ON_OWNERSHIP in page.locator(".clause-text").all_inner_texts()
    page.click("#nav-inbox")
    assert page.locator("#inbox tbody tr.answered").count() == 1
    log_out(page)
    log_in(page, reviewer_b)
    record_opinion(page, asked_b, letter, letter_number="45/BHYT-VP", position="disagree", general_comment=AGAINST)
    assert page.locator("#position").inner_text() == vi("Disagree")
    log_out(page)
    log_in(page, member)
    record_opinion(page, asked_partner, letter, letter_number="12/CV-DN", position="agree")
    assert page.locator("#position").inner_text() == vi("Agree")
    log_out(page)

    # Every opinion on v1 is in, but the disagreement's comment has no answer: the signing is refused.
    log_in(page, signer)
    response = sign(page, agreement)
    assert response.status == 409
    assert refusals(page) == [vi("%(who)s disagrees (letter %(letter)s) and %(count)s of its comments have no answer "
                                 "from the drafter yet.", who=department_b.name, letter="45/BHYT-VP", count=1)]
    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.REVIEW
    log_out(page)

    # The drafter answers both comments, returns the minutes, rewrites the ownership clause and sends v2.
    comment_a, comment_b = Comment.objects.get(opinion__request=asked_a), Comment.objects.get(opinion__request=asked_b)
    log_in(page, drafter)
    for comment, kind, said in ((comment_a, "taken_in", TAKEN_IN), (comment_b, "explained", EXPLAINED)):
        open_agreement(page, agreement)
        page.click(f"#addressees a[href='/agreements/{agreement.pk}/opinions/{comment.opinion_id}/']")
        answer(page, comment, kind, said)
        assert said in page.locator(f"#comment-{comment.pk} .answer").inner_text()
    open_agreement(page, agreement)
    page.click(f"a[href='/agreements/{agreement.pk}/return/confirm/']")
    page.fill("#id_reason", "Sửa Điều 2 theo ý kiến góp ý")
    confirm(page, agreement, "return")
    page.wait_for_selector("h1 .badge.draft")
    page.click(f"a[href='/agreements/{agreement.pk}/edit/']")
    clause_row = page.locator(f"#clauses input[name$='-id'][value='{ownership.pk}']").get_attribute("name")[:-3]
    assert page.input_value(f"#id_{clause_row}-text") == OLD_TEXT
    page.fill(f"#id_{clause_row}-text", NEW_TEXT)
    with page.expect_navigation():
        page.click(".actions button[type=submit]:not([name]):not([id])")
    page.wait_for_selector(".messages .success")
    page.goto(f"{url}/send/confirm/")
    confirm(page, agreement, "send")
    page.wait_for_selector("h1 .badge.review")
    assert page.locator(f"a[href='/agreements/{agreement.pk}/versions/2/']").count() >= 1
    assert page.locator("#addressees a[href*='/opinions/']").count() == 0  # opinions on v1 no longer count
    log_out(page)

    # Nobody has answered v2 yet: the signing is refused again, naming each addressee.
    log_in(page, signer)
    assert sign(page, agreement).status == 409
    assert refusals(page) == [
        vi("%(who)s has not given its opinion on %(version)s yet; its answer is due by %(date)s.", who=who,
           version="v2", date=asked.due_on.strftime("%d/%m/%Y"))
        for who, asked in ((department_a.name, asked_a), (department_b.name, asked_b),
                           (agreement.partner.short_name, asked_partner))]
    log_out(page)

    # Department A reads v2 and what changed since v1: the rewritten words, highlighted.
    log_in(page, reviewer_a)
    page.click("#nav-inbox")
    page.click(f"#inbox a[href='/agreements/{agreement.pk}/versions/2/']")
    assert NEW_TEXT in page.locator(f"#clause-{ownership.pk} .clause-text").inner_text()
    page.click(f"a[href='/agreements/{agreement.pk}/changes/1/2/']")
    page.wait_for_url(f"{url}/changes/1/2/")
    assert page.locator(".change").count() == 1
    change = page.locator(f"#change-clause-{ownership.pk}")
    assert change.locator("del").all_inner_texts() == ["ownership"]
    assert change.locator("ins").all_inner_texts() == ["sở hữu và bản quyền phần mềm thuộc Bên giao"]
    assert change.locator(".clause-text").inner_text().startswith("Nội dung")

    # All three agree with v2.
    record_opinion(page, asked_a, letter, letter_number="901/KHĐT-VP", position="agree")
    log_out(page)
    for who, asked, number in ((reviewer_b, asked_b, "60/BHYT-VP"), (member, asked_partner, "20/CV-DN")):
        log_in(page, who)
        record_opinion(page, asked, letter, letter_number=number, position="agree")
        assert page.locator("#position").inner_text() == vi("Agree")
        log_out(page)

    # The signer signs now.
    log_in(page, signer)
    response = sign(page, agreement)
    assert response.status == 200 and page.url == f"{url}/"
    assert page.locator("h1 .badge.signed").inner_text() == vi("Signed")
    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.SIGNED
    log_out(page)

    # The drafter downloads the consolidation table: every comment and every answer is printed.
    log_in(page, drafter)
    open_agreement(page, agreement)
    page.click(f"a[href='/agreements/{agreement.pk}/consolidation/']")
    with page.expect_download() as download:
        page.click("#consolidation-pdf")
    printed = text(download.value.path().read_bytes())
    for said in (ON_OWNERSHIP, AGAINST, TAKEN_IN, EXPLAINED, "832/KHĐT-VP", "45/BHYT-VP", "901/KHĐT-VP"):
        assert said in printed, said
