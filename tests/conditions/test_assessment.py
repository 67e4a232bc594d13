"""Assessors decide each submission once, with the reason the partner reads, and the history keeps who and why."""

import datetime

import pytest
from django.urls import reverse

from conditions.eligibility import Standing, verdict
from conditions.models import Evidence
from tests.factories import accept, decide, submit
from tests.pages import flash_messages

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(vnpt, codes):
    return submit(vnpt, codes["PL-01"])


def _decide(client, evidence, **data):
    return client.post(reverse("conditions:decide", args=[evidence.pk]), data, follow=True)


def test_accepting_with_both_dates_keeps_them(login, assessor, pending):
    response = _decide(login(assessor), pending, decision="accepted", valid_from="15/01/2026", valid_until="30/06/2026")
    assert response.redirect_chain[-1][0] == reverse("conditions:queue")
    assert flash_messages(response) == ["Decision recorded."]
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == (Evidence.Status.ACCEPTED, assessor)
    assert (pending.valid_from, pending.valid_until) == (datetime.date(2026, 1, 15), datetime.date(2026, 6, 30))


def test_accepting_without_an_end_date_counts_the_conditions_validity(login, assessor, pending):
    _decide(login(assessor), pending, decision="accepted", valid_from="15/01/2026", valid_until="")
    pending.refresh_from_db()
    assert pending.status == Evidence.Status.ACCEPTED
    assert (pending.valid_from, pending.valid_until) == (datetime.date(2026, 1, 15), datetime.date(2027, 1, 14))
    assert pending.decided_by == assessor


def test_accepting_until_a_day_before_the_first_is_refused_beside_the_end_date(login, assessor, pending):
    response = _decide(login(assessor), pending, decision="accepted", valid_from="15/01/2026",
                       valid_until="14/01/2026")
    assert response.context["form"].errors == {
        "valid_until": ["The evidence cannot be valid until a day before it is valid from."]}
    pending.refresh_from_db()
    assert (pending.status, pending.valid_from, pending.valid_until) == (Evidence.Status.SUBMITTED, None, None)


@pytest.mark.parametrize("decision", ["rejected", "info_requested"])
def test_rejecting_or_asking_for_information_needs_a_reason(login, assessor, pending, decision):
    response = _decide(login(assessor), pending, decision=decision, reason="  ")
    assert response.redirect_chain == []  # the page again, with what was sent
    assert response.context["form"].errors == {"reason": ["Give the reason the partner will read."]}
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == (Evidence.Status.SUBMITTED, None)


@pytest.mark.parametrize("decision", ["rejected", "info_requested"])
def test_rejecting_or_asking_for_information_with_a_reason_is_recorded(login, assessor, pending, decision):
    _decide(login(assessor), pending, decision=decision, reason="Thiếu chữ ký")
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by, pending.decision_reason) == (decision, assessor, "Thiếu chữ ký")


def test_the_partner_reads_the_reason_for_a_rejection_on_its_eligibility_page(login, assessor, vnpt_user, vnpt,
                                                                             pending):
    _decide(login(assessor), pending, decision="rejected", reason="Giấy phép đã hết hạn từ 2024")
    response = login(vnpt_user).get(reverse("conditions:partner_eligibility", args=[vnpt.pk]))
    [standing] = [s for s in response.context["verdict"].standings if s.condition.code == "PL-01"]
    assert (standing.standing, standing.latest.decision_reason) == (Standing.REJECTED, "Giấy phép đã hết hạn từ 2024")
    assert "Giấy phép đã hết hạn từ 2024" in response.content.decode()


def test_deciding_twice_is_refused(login, assessor, pending):
    client = login(assessor)
    _decide(client, pending, decision="accepted", valid_from="15/01/2026")
    response = _decide(client, pending, decision="rejected", reason="Đổi ý")
    assert "This evidence was already decided: accepted." in flash_messages(response)
    pending.refresh_from_db()
    assert (pending.status, pending.decision_reason) == (Evidence.Status.ACCEPTED, "")


@pytest.mark.parametrize("decision, reason", [("accepted", ""), ("rejected", "Thiếu chữ ký"),
                                              ("info_requested", "Bổ sung danh sách nhân sự")])
def test_each_decision_lands_in_the_history_with_who_and_why(login, assessor, pending, decision, reason):
    _decide(login(assessor), pending, decision=decision, reason=reason, valid_from="15/01/2026")
    latest = pending.history.order_by("-history_id").first()
    assert (latest.status, latest.history_user) == (decision, assessor)
    assert latest.history_change_reason == f"{Evidence.Status(decision).label}. {reason}".strip(" .")


def test_a_resubmission_after_a_rejection_then_accepted_turns_the_partner_eligible(vnpt, rules, codes):
    day = datetime.date(2026, 3, 1)
    accept(vnpt, codes["ATTT-01"])
    decide(submit(vnpt, codes["PL-01"]), Evidence.Status.REJECTED, reason="Hết hạn")
    assert [s.standing for s in verdict(vnpt, rules, day).unmet] == [Standing.REJECTED]

    second = submit(vnpt, codes["PL-01"])
    assert [s.standing for s in verdict(vnpt, rules, day).unmet] == [Standing.PENDING]
    decide(second, Evidence.Status.ACCEPTED, valid_from=datetime.date(2026, 2, 1))
    assert verdict(vnpt, rules, day).eligible
