"""Recording an opinion (agreements/services/review.opinion_record): only someone acting for the addressee,
only on minutes in review, comments anchored to the version answered, a comment when it does not simply
agree, a letter not dated in the future and judged by its content; a second opinion on the same version
corrects the first, with a reason, and both stay."""

import datetime

import pytest
from django.utils import timezone

from agreements import services
from agreements.models import Agreement, Opinion
from core.exceptions import NotPermitted
from tests.agreements.review_round import KHDT, ask, other_department, record, refusal, request_of, sent_again, sign
from tests.factories import DepartmentFactory, asking, draft, in_review, review_department, reviewer_of
from tests.samples import stored_files, upload

pytestmark = pytest.mark.django_db
NOT_OPEN = "These minutes are not open to you."
NO_ROLE = "Your roles do not allow recording opinions."
ONLY_KHDT = f"Only someone acting for {KHDT} records its opinion."


@pytest.fixture
def sent(drafter, vnpt):
    """VNPT's minutes sent as v1 to KHĐT, BHYT and VNPT-IT itself."""
    agreement = draft(by=drafter, partner=vnpt)
    ask(agreement, drafter, asking(review_department()), asking(other_department()), asking(None))
    return services.agreement_send_for_review(agreement=agreement, by=drafter)


@pytest.fixture
def khdt(sent):
    return request_of(sent, review_department())


def test_a_reviewer_of_the_department_asked_records_its_opinion_on_the_version_sent(sent, khdt, reviewer):
    recorded = record(khdt, reviewer)
    assert (recorded.request, recorded.version.label, recorded.recorded_by) == (khdt, "v1", reviewer)


def test_a_member_of_the_receiving_party_records_its_opinion_when_it_is_asked(sent, vnpt_user):
    assert record(request_of(sent), vnpt_user).request.to_partner


@pytest.mark.parametrize("who, addressee, message", [
    ("bhyt_reviewer", "khdt", ONLY_KHDT),
    ("vnpt_user", "khdt", ONLY_KHDT),
    ("reviewer", "partner", "Only someone acting for VNPT-IT records its opinion."),
    ("unasked_reviewer", "khdt", NOT_OPEN),
    ("vietsens_user", "partner", NOT_OPEN),
    ("drafter", "khdt", NO_ROLE),
    ("superuser", "khdt", NO_ROLE),
])
def test_nobody_else_records_the_addressees_opinion(request, sent, who, addressee, message):
    users = {"bhyt_reviewer": lambda: reviewer_of(other_department()),
             "unasked_reviewer": lambda: reviewer_of(DepartmentFactory(code="BHYT2", name="Vụ Pháp chế"))}
    by = users[who]() if who in users else request.getfixturevalue(who)
    target = request_of(sent, review_department() if addressee == "khdt" else None)
    assert refusal(lambda: record(target, by), NotPermitted) == [message]
    assert not Opinion.objects.exists()


def test_an_outsider_partner_cannot_even_see_the_minutes(sent, vietsens_user, vnpt_user):
    assert list(Agreement.objects.visible_to(vietsens_user)) == [] and list(Agreement.objects.visible_to(vnpt_user))


def test_no_opinion_is_recorded_on_minutes_returned_for_revision(sent, khdt, reviewer, drafter):
    services.agreement_return_for_revision(agreement=sent, by=drafter, reason="Sửa")
    assert refusal(lambda: record(khdt, reviewer)) == [
        "These minutes are not in review: an opinion is given only on a version sent for review."]


def test_a_comment_points_to_a_clause_of_the_version_answered(sent, khdt, reviewer):
    key, label = khdt.version.anchors()[-1]
    recorded = record(khdt, reviewer, position="agree_with_comments", comments=[(key, "Làm rõ phạm vi")])
    assert list(recorded.comments.values_list("anchor", "anchor_label", "text")) == [(key, label, "Làm rõ phạm vi")]


def test_a_comment_on_a_clause_of_other_minutes_is_refused(khdt, reviewer):
    elsewhere = in_review().versions.get().anchors()[-1][0]
    assert refusal(lambda: record(khdt, reviewer, position="agree_with_comments", comments=[(elsewhere, "Sửa")])) == [
        "A comment points to a clause or legal basis that is not in this version."]


@pytest.mark.parametrize("position", ["agree_with_comments", "disagree"])
def test_an_opinion_that_does_not_simply_agree_needs_a_comment(khdt, reviewer, position):
    assert refusal(lambda: record(khdt, reviewer, position=position, general_comment="  ")) == [
        "Write the comments: an opinion that does not simply agree says what and why."]
    assert record(khdt, reviewer, position=position, general_comment="Chưa rõ điều 2").comments.count() == 1


@pytest.mark.parametrize("missing", [{"letter_number": " "}, {"letter_date": None}])
def test_an_opinion_needs_its_letter_number_and_date(khdt, reviewer, missing):
    assert refusal(lambda: record(khdt, reviewer, **missing)) == ["Give the number and date of the opinion's letter."]
    assert not Opinion.objects.exists()


def test_the_letter_cannot_be_dated_in_the_future(khdt, reviewer):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert refusal(lambda: record(khdt, reviewer, letter_date=tomorrow)) == [
        "The letter cannot be dated in the future."]


def test_a_text_file_named_like_a_pdf_is_refused_and_nothing_is_written(khdt, reviewer):
    before = stored_files()
    text = upload("cong-van.pdf", "Công văn 832/KHĐT-VP".encode(), "application/pdf")
    assert refusal(lambda: record(khdt, reviewer, letter=text)) == [
        "Only PDF, PNG or JPEG files are accepted; this file is none of them."]
    assert stored_files() == before and not Opinion.objects.exists()
    record(khdt, reviewer)
    assert len(stored_files() - before) == 1


def test_a_second_opinion_on_the_same_version_needs_a_reason(khdt, reviewer):
    record(khdt, reviewer, position="disagree", general_comment="Chưa rõ")
    assert refusal(lambda: record(khdt, reviewer, correction_reason=" ")) == [
        f"{KHDT} already gave its opinion on v1: say why this one corrects it."]
    assert Opinion.objects.count() == 1


def test_a_correction_supersedes_the_first_opinion_and_both_stay(khdt, reviewer):
    first = record(khdt, reviewer, position="disagree", general_comment="Chưa rõ điều 2")
    second = record(khdt, reviewer, letter_number="840/KHĐT-VP", correction_reason="Gửi nhầm công văn")
    assert (second.supersedes, second.correction_reason) == (first, "Gửi nhầm công văn")
    first.refresh_from_db()
    assert first.superseded_by == second and first.position == "disagree"
    assert list(first.comments.values_list("text", flat=True)) == ["Chưa rõ điều 2"]
    assert Opinion.objects.filter(request=khdt).count() == 2


def test_once_v2_is_sent_an_opinion_on_v1_no_longer_counts_and_v2_is_answered_afresh(sent, khdt, reviewer, drafter,
                                                                                      signer):
    first = record(khdt, reviewer)
    sent_again(sent, drafter)
    assert f"{KHDT} has not given its opinion on v2 yet; its answer is due by {khdt.due_on:%d/%m/%Y}." in refusal(
        lambda: sign(sent, signer), services.TransitionRefused)
    again = record(request_of(sent, review_department()), reviewer)
    assert (again.version.label, again.supersedes, first.version.label) == ("v2", None, "v1")


def test_refusals_name_every_problem_at_once(khdt, reviewer):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert refusal(lambda: record(khdt, reviewer, position="disagree", letter_date=tomorrow,
                                  letter=upload(content=b"x"))) == [
        "Write the comments: an opinion that does not simply agree says what and why.",
        "The letter cannot be dated in the future.",
        "Only PDF, PNG or JPEG files are accepted; this file is none of them."]
