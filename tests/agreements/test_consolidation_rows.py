"""The consolidation table's rows (issue 8, item 6): every comment of every opinion still standing, with
the drafter's answer, by version, then addressee (departments by name, the receiving party last), then
comment. Its helpers build the round for the other test_consolidation_* modules."""

import pytest

from agreements import services
from agreements.consolidation import rows
from agreements.models import Agreement, Answer
from tests.agreements.test_version_page import rewritten, sent_again
from tests.factories import DepartmentFactory, asking, draft, in_review, opinion

pytestmark = pytest.mark.django_db
TAKEN_IN, EXPLAINED = Answer.Kind.TAKEN_IN, Answer.Kind.EXPLAINED


def asked_widely(drafter, partner):
    """Minutes sent to KHĐT, to a department whose name sorts before it, and to the receiving party."""
    agreement = draft(by=drafter, partner=partner)
    requests = [services.Row(r.pk) for r in agreement.review_requests.all()] + [
        services.Row(None, asking(DepartmentFactory(code="ATTP", name="Cục An toàn thực phẩm"))),
        services.Row(None, asking(None))]
    services.agreement_update(agreement=agreement, by=drafter, review_requests=requests)
    return services.agreement_send_for_review(agreement=agreement, by=drafter)


def addressee(agreement, code=None):
    """The agreement's request to the department `code`, or to the receiving party (None)."""
    found = Agreement.objects.select_related("partner").get(pk=agreement.pk).review_requests.select_related(
        "department", "agreement__partner", "version")
    return found.get(to_partner=True) if code is None else found.get(department__code=code)


def answer(opinion, number, kind, text, *, by):
    comment = opinion.comments.get(position=number)
    return services.comment_answer(comment=comment, by=by, kind=kind, text=text)


def clause_key(agreement, section="ownership"):
    return f"clause:{agreement.clauses.get(section=section).pk}"


def test_each_comment_carries_its_answer_taken_in_explained_or_none(drafter, vnpt):
    agreement = in_review(by=drafter, partner=vnpt)
    given = opinion(addressee(agreement, "KHĐT"), position="agree_with_comments", letter_number="832/KHĐT-VP",
                    comments=[("", "Rà soát căn cứ"), ("", "Sửa tên"), (clause_key(agreement), "Bổ sung điểm a")])
    answer(given, 1, EXPLAINED, "Căn cứ đã đủ", by=drafter)
    answer(given, 3, TAKEN_IN, "Đã sửa tại Điều 2", by=drafter)
    found = rows(agreement)
    assert [(r.number, r.on, r.text, r.answer_label, r.answer_text) for r in found] == [
        (1, "General comment", "Rà soát căn cứ", "Explained (not taken in)", "Căn cứ đã đủ"),
        (2, "General comment", "Sửa tên", "Not answered yet", ""),
        (3, "Article 2. ownership", "Bổ sung điểm a", "Taken in", "Đã sửa tại Điều 2")]
    assert {(r.who, r.letter, r.version, r.position_label) for r in found} == {
        ("Cục Khoa học công nghệ và Đào tạo", f"Công văn số 832/KHĐT-VP ngày {given.letter_date:%d/%m/%Y}", "v1",
         "Agree with comments")}
    assert [r.answered_by for r in found] == ["drafter", "", "drafter"]
    assert [r.needs_answer for r in found] == [False, True, False]


def test_an_opinion_that_simply_agrees_still_has_its_row(drafter, vnpt):
    agreement = in_review(by=drafter, partner=vnpt)
    opinion(addressee(agreement, "KHĐT"), position="agree")
    [row] = rows(agreement)
    assert (row.who, row.position_label, row.comment_id, row.text) == (
        "Cục Khoa học công nghệ và Đào tạo", "Agree", None, "Agrees, with no comment.")
    assert (row.answer_label, row.needs_answer) == ("", False)


def test_addressees_come_by_department_name_and_the_receiving_party_last(drafter, vnpt, vnpt_user):
    agreement = asked_widely(drafter, vnpt)
    opinion(addressee(agreement), position="disagree", general_comment="Không nhất trí thời hạn")
    opinion(addressee(agreement, "KHĐT"), position="agree")
    opinion(addressee(agreement, "ATTP"), position="agree_with_comments", comments=[("", "Một"), ("", "Hai")])
    assert [(r.number, r.who, r.text, r.span) for r in rows(agreement)] == [
        (1, "Cục An toàn thực phẩm", "Một", 2), (2, "Cục An toàn thực phẩm", "Hai", 0),
        (3, "Cục Khoa học công nghệ và Đào tạo", "Agrees, with no comment.", 1),
        (4, "Công ty Công nghệ thông tin VNPT", "Không nhất trí thời hạn", 1)]


def test_a_corrected_opinion_gives_way_to_its_correction(drafter, vnpt):
    agreement = in_review(by=drafter, partner=vnpt)
    asked = addressee(agreement, "KHĐT")
    opinion(asked, position="disagree", general_comment="Ý kiến gửi nhầm", letter_number="801/KHĐT-VP")
    opinion(asked, position="agree_with_comments", general_comment="Ý kiến đúng", letter_number="832/KHĐT-VP",
            correction_reason="Gửi nhầm công văn")
    found = rows(agreement)
    assert [(r.text, r.letter.split(" ngày")[0]) for r in found] == [("Ý kiến đúng", "Công văn số 832/KHĐT-VP")]


def test_opinions_on_several_versions_come_in_version_order(drafter, vnpt):
    agreement = in_review(by=drafter, partner=vnpt)
    first = opinion(addressee(agreement, "KHĐT"), position="disagree", general_comment="Sửa Điều 2")
    answer(first, 1, TAKEN_IN, "Đã sửa Điều 2 trong v2", by=drafter)
    agreement = sent_again(rewritten(agreement, drafter), drafter)
    opinion(addressee(agreement, "KHĐT"), position="agree_with_comments", general_comment="Thêm khoản 3")
    assert [(r.version, r.position_label, r.text, r.answer_label) for r in rows(agreement)] == [
        ("v1", "Disagree", "Sửa Điều 2", "Taken in"),
        ("v2", "Agree with comments", "Thêm khoản 3", "Not answered yet")]


def test_no_opinion_yet_gives_no_row(drafter, vnpt):
    assert rows(in_review(by=drafter, partner=vnpt)) == []
