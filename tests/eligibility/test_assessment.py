"""Assessors decide each submission once, from a queue oldest first; partners read the reasons."""

import datetime

import pytest
from django.urls import reverse

from conditions.models import Evidence
from tests.eligibility.conftest import submit
from tests.rules.pages import flash_messages

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(vnpt, vnpt_user, codes):
    return submit(vnpt, codes["PL-01"], vnpt_user)


def _decide(client, evidence, **data):
    return client.post(reverse("conditions:decide", args=[evidence.pk]), data, follow=True)


def test_the_queue_lists_only_submitted_evidence_oldest_first(as_user, assessor, vnpt, vnpt_user, vietsens,
                                                             vietsens_user, codes):
    first = submit(vnpt, codes["PL-01"], vnpt_user)
    second = submit(vietsens, codes["PL-01"], vietsens_user)
    decided = submit(vnpt, codes["ATTT-01"], vnpt_user)
    third = submit(vnpt, codes["KN-01"], vnpt_user)
    client = as_user(assessor)
    _decide(client, decided, decision="rejected", reason="Thiếu chữ ký")
    response = client.get(reverse("conditions:queue"))
    assert list(response.context["page"]) == [first, second, third]


def test_accepting_without_an_end_date_counts_the_conditions_validity(as_user, assessor, pending):
    _decide(as_user(assessor), pending, decision="accepted", valid_from="15/01/2026", valid_until="")
    pending.refresh_from_db()
    assert pending.status == Evidence.Status.ACCEPTED
    assert (pending.valid_from, pending.valid_until) == (datetime.date(2026, 1, 15), datetime.date(2027, 1, 14))
    assert pending.decided_by == assessor


@pytest.mark.parametrize("decision", ["rejected", "info_requested"])
def test_rejecting_or_asking_for_information_needs_a_reason(as_user, assessor, pending, decision):
    response = _decide(as_user(assessor), pending, decision=decision, reason="  ")
    assert "Give the reason the partner will read." in flash_messages(response)
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == (Evidence.Status.SUBMITTED, None)


def test_the_partner_reads_the_reason_for_a_rejection_on_its_eligibility_page(as_user, assessor, vnpt_user, vnpt,
                                                                             pending):
    _decide(as_user(assessor), pending, decision="rejected", reason="Giấy phép đã hết hạn từ 2024")
    response = as_user(vnpt_user).get(reverse("conditions:partner_eligibility", args=[vnpt.pk]))
    assert "Giấy phép đã hết hạn từ 2024" in response.content.decode()
    [standing] = [s for s in response.context["verdict"].standings if s.condition.code == "PL-01"]
    assert standing.latest.decision_reason == "Giấy phép đã hết hạn từ 2024"


def test_deciding_twice_is_refused(as_user, assessor, pending):
    client = as_user(assessor)
    _decide(client, pending, decision="accepted", valid_from="15/01/2026")
    response = _decide(client, pending, decision="rejected", reason="Đổi ý")
    assert "This evidence was already decided: accepted." in flash_messages(response)
    pending.refresh_from_db()
    assert (pending.status, pending.decision_reason) == (Evidence.Status.ACCEPTED, "")


@pytest.mark.parametrize("decision, reason", [("accepted", ""), ("rejected", "Thiếu chữ ký"),
                                              ("info_requested", "Bổ sung danh sách nhân sự")])
def test_each_decision_lands_in_the_history_with_who_and_why(as_user, assessor, pending, decision, reason):
    _decide(as_user(assessor), pending, decision=decision, reason=reason, valid_from="15/01/2026")
    latest = pending.history.order_by("-history_id").first()
    assert (latest.status, latest.history_user) == (decision, assessor)
    assert latest.history_change_reason
    assert reason in latest.history_change_reason


@pytest.mark.parametrize("persona", ["drafter", "signer", "auditor", "vnpt_user"])
def test_who_is_not_an_assessor_gets_403_on_the_queue_and_on_deciding(client, request, pending, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("conditions:queue")).status_code == 403
    response = client.post(reverse("conditions:decide", args=[pending.pk]), {"decision": "accepted"})
    assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.status == Evidence.Status.SUBMITTED


def test_another_partners_user_gets_404_on_deciding(client, vietsens_user, pending):
    client.force_login(vietsens_user)
    assert client.post(reverse("conditions:decide", args=[pending.pk]), {"decision": "accepted"}).status_code == 404


def test_deciding_by_get_answers_405(client, assessor, pending):
    client.force_login(assessor)
    assert client.get(reverse("conditions:decide", args=[pending.pk])).status_code == 405
