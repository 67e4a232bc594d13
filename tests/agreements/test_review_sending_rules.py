"""Sending a review round (agreements/guards/review.py, services/review.version_freeze): each addressee
needs the request letter's number and date (not in the future) and a due date not before the letter; the
receiving party may be asked besides departments, never instead of them; the text sent is frozen as v1,
v2, … with its fingerprint, and every addressee is sent the newest."""

import datetime
import hashlib
import json

import pytest

from agreements import services
from agreements.models import Agreement
from tests.agreements.review_round import DAY, KHDT, ask, other_department, refusal, request_of, rewrite, sent_again
from tests.factories import asking, draft, on_day, review_department

pytestmark = pytest.mark.django_db
S = Agreement.Status


@pytest.fixture(autouse=True)
def clock():
    with on_day(DAY):
        yield


def _send(agreement, by):
    return services.agreement_send_for_review(agreement=agreement, by=by)


def _refused(agreement, by, **row):
    """The reasons sending is refused when the only addressee is KHĐT with these values; still a draft."""
    ask(agreement, by, asking(review_department(), **row))
    reasons = refusal(lambda: _send(agreement, by), services.TransitionRefused)
    agreement.refresh_from_db()
    assert agreement.status == S.DRAFT and agreement.versions.count() == 0
    return reasons


@pytest.mark.parametrize("missing", [{"letter_number": " "}, {"letter_date": None}])
def test_each_addressee_needs_the_request_letters_number_and_date(drafter, missing):
    assert _refused(draft(by=drafter), drafter, **missing) == [
        f"Give the number and date of the request letter to {KHDT}."]


def test_the_request_letter_cannot_be_dated_in_the_future(drafter):
    tomorrow = DAY + datetime.timedelta(days=1)
    assert _refused(draft(by=drafter), drafter, letter_date=tomorrow) == [
        f"The request letter to {KHDT} cannot be dated in the future."]


def test_a_request_letter_dated_today_and_due_that_day_is_sent(drafter):
    agreement = draft(by=drafter)
    ask(agreement, drafter, asking(review_department(), letter_date=DAY, due_in_days=0))
    assert _send(agreement, drafter).status == S.REVIEW
    assert request_of(agreement, review_department()).sent_at is not None


def test_each_addressee_needs_a_due_date(drafter):
    assert _refused(draft(by=drafter), drafter, due_on=None) == [f"Give the date by which {KHDT} should answer."]


def test_the_due_date_cannot_come_before_the_request_letter(drafter):
    letter_date = DAY - datetime.timedelta(days=3)
    assert _refused(draft(by=drafter), drafter, letter_date=letter_date, due_on=letter_date - datetime.timedelta(
        days=1)) == [f"{KHDT} cannot be asked to answer before the request letter's date."]


def test_the_receiving_party_is_asked_besides_the_departments(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    ask(agreement, drafter, asking(review_department()), asking(None))
    _send(agreement, drafter)
    v1 = agreement.versions.get()
    assert [(r.to_partner, r.version) for r in agreement.review_requests.order_by("to_partner")] == [
        (False, v1), (True, v1)]


def test_the_receiving_party_alone_is_not_enough(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    ask(agreement, drafter, asking(None))
    assert refusal(lambda: _send(agreement, drafter), services.TransitionRefused) == [
        "Ask at least one department for its opinion."]


def test_the_receiving_party_needs_a_request_letter_too(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    ask(agreement, drafter, asking(review_department()), asking(None, letter_number=""))
    assert refusal(lambda: _send(agreement, drafter), services.TransitionRefused) == [
        "Give the number and date of the request letter to VNPT-IT."]


def test_sending_freezes_the_text_as_v1_with_its_fingerprint(drafter):
    agreement = _send(draft(by=drafter), drafter)
    v1 = agreement.versions.get()
    assert (v1.label, v1.sent_by) == ("v1", drafter)
    assert [c["text"] for c in v1.content["clauses"]] == [c.text for c in agreement.clauses.order_by("position")]
    assert [b["text"] for b in v1.content["bases"]] == [b.citation for b in agreement.legal_bases.order_by("position")]
    frozen = json.dumps(v1.content, ensure_ascii=False, sort_keys=True).encode()
    assert v1.fingerprint == hashlib.sha256(frozen).hexdigest()
    assert request_of(agreement, review_department()).version == v1


def test_sending_again_after_return_makes_v2_for_every_addressee(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    ask(agreement, drafter, asking(review_department()), asking(other_department()), asking(None))
    agreement = sent_again(_send(agreement, drafter), drafter, text="Văn bản sửa lần 2")
    v1, v2 = agreement.versions.order_by("number")
    assert v2.label == "v2" and v2.fingerprint != v1.fingerprint
    assert "Văn bản sửa lần 2" in [c["text"] for c in v2.content["clauses"]]
    assert {r.version for r in agreement.review_requests.all()} == {v2}
    assert agreement.review_requests.count() == 3


def test_the_frozen_version_does_not_change_when_the_draft_is_edited_later(drafter):
    agreement = _send(draft(by=drafter), drafter)
    v1 = agreement.versions.get()
    content, fingerprint = v1.content, v1.fingerprint
    rewrite(services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Sửa"), drafter,
            "Văn bản chưa gửi")
    v1.refresh_from_db()
    assert (v1.content, v1.fingerprint) == (content, fingerprint)
    assert "Văn bản chưa gửi" not in json.dumps(v1.content, ensure_ascii=False)
