"""The Ministry's decision on a refusal request: accepting it for every province still in scope terminates the
agreement (reason "refused", the clause cited); for some, releases them; rejecting needs reasons. Each
decision is made once, told to the receiving party and kept in the history."""

import pytest
from django.utils import timezone

from agreements import services
from agreements.models import Agreement, AgreementProvince, RefusalRequest
from core.exceptions import NotPermitted, Refused
from core.models import Notification
from tests.agreements.refusing import file_request, refusal_clause, scope, signed_minutes


@pytest.fixture
def minutes(vnpt, drafter):
    return signed_minutes(partner=vnpt)


def test_accepting_every_province_terminates_the_agreement_citing_the_clause(minutes, vnpt_user, drafter):
    request = file_request(minutes, vnpt_user, codes=("01", "04", "08"))
    services.refusal_accept(request=request, by=drafter, reason="Đủ căn cứ")
    minutes.refresh_from_db()
    request.refresh_from_db()
    assert minutes.status == Agreement.Status.TERMINATED
    assert minutes.termination_reason == Agreement.TerminationReason.REFUSED
    assert minutes.termination_clause == refusal_clause(minutes)
    assert minutes.terminated_on == timezone.localdate()
    assert f"Refusal request #{request.pk}" in minutes.termination_notes
    assert (request.status, request.outcome) == (RefusalRequest.Status.ACCEPTED, RefusalRequest.Outcome.TERMINATED)
    assert not AgreementProvince.objects.filter(released_on__isnull=False).exists()  # ended whole, not narrowed


def test_accepting_some_provinces_releases_them_and_the_agreement_stays_signed(minutes, vnpt_user, drafter):
    request = file_request(minutes, vnpt_user, codes=("01", "08"))
    services.refusal_accept(request=request, by=drafter, reason="Đủ căn cứ")
    minutes.refresh_from_db()
    assert minutes.status == Agreement.Status.SIGNED
    released = {row.province.code: row for row in scope(minutes) if row.released_on}
    assert sorted(released) == ["01", "08"]
    number = refusal_clause(minutes).article_number()
    assert released["01"].released_reason == f"Refused under clause {number}. Đủ căn cứ"
    assert released["01"].released_on == timezone.localdate()
    request.refresh_from_db()
    assert request.outcome == RefusalRequest.Outcome.NARROWED


def test_the_last_provinces_in_scope_refused_end_the_agreement(minutes, vnpt_user, drafter):
    services.refusal_accept(request=file_request(minutes, vnpt_user, codes=("01", "04")), by=drafter)
    services.refusal_accept(request=file_request(minutes, vnpt_user, codes=("08",)), by=drafter)
    minutes.refresh_from_db()
    assert minutes.status == Agreement.Status.TERMINATED


def test_a_rejection_needs_reasons(minutes, vnpt_user, drafter):
    request = file_request(minutes, vnpt_user)
    with pytest.raises(Refused) as refused:
        services.refusal_reject(request=request, by=drafter, reason=" ")
    assert refused.value.reasons == ["Give the reasons the receiving party will read."]
    request.refresh_from_db()
    assert request.is_pending


def test_a_rejection_with_reasons_keeps_the_agreement_as_it_was(minutes, vnpt_user, drafter):
    request = services.refusal_reject(request=file_request(minutes, vnpt_user), by=drafter,
                                      reason="Sự việc không thuộc trường hợp của điều khoản.")
    minutes.refresh_from_db()
    assert minutes.status == Agreement.Status.SIGNED
    assert request.status == RefusalRequest.Status.REJECTED and request.outcome == ""
    assert not AgreementProvince.objects.filter(released_on__isnull=False).exists()


@pytest.mark.parametrize("first, then", [("accept", "reject"), ("reject", "accept"), ("accept", "accept")])
def test_a_decided_request_cannot_be_decided_again(minutes, vnpt_user, drafter, first, then):
    decide = {"accept": services.refusal_accept, "reject": services.refusal_reject}
    request = file_request(minutes, vnpt_user, codes=("01",))
    decide[first](request=request, by=drafter, reason="Lý do")
    with pytest.raises(Refused) as refused:
        decide[then](request=request, by=drafter, reason="Lý do")
    assert refused.value.reasons[0].startswith("This request was already decided:")


def test_only_staff_who_may_terminate_decide(minutes, vnpt_user, signer, auditor):
    request = file_request(minutes, vnpt_user)
    for someone in (vnpt_user, signer, auditor):
        with pytest.raises(NotPermitted):
            services.refusal_accept(request=request, by=someone, reason="")
        with pytest.raises(NotPermitted):
            services.refusal_reject(request=request, by=someone, reason="Lý do")
    request.refresh_from_db()
    assert request.is_pending


def test_the_receiving_party_is_told_of_each_decision(minutes, vnpt_user, vietsens_user, drafter):
    accepted = services.refusal_accept(request=file_request(minutes, vnpt_user, codes=("01",)), by=drafter)
    rejected = services.refusal_reject(request=file_request(minutes, vnpt_user, codes=("04",)), by=drafter,
                                       reason="Chưa đủ căn cứ")
    told = {n.params["request"]: n for n in Notification.objects.filter(kind="refusal_decided", user=vnpt_user)}
    assert told[accepted.pk].params["accepted"] is True
    assert told[accepted.pk].params["outcome"] == "The provinces asked were released from the scope"
    assert told[rejected.pk].params["accepted"] is False
    assert told[rejected.pk].params["reason"] == "Chưa đủ căn cứ"
    assert not Notification.objects.filter(kind="refusal_decided", user__in=[vietsens_user, drafter]).exists()


def test_the_history_records_who_decided_and_why(minutes, vnpt_user, drafter):
    request = services.refusal_accept(request=file_request(minutes, vnpt_user, codes=("01",)), by=drafter,
                                      reason="Đủ căn cứ")
    latest = request.history.order_by("-history_id").first()
    assert latest.history_user == drafter
    assert latest.history_change_reason == "Accepted. Đủ căn cứ"
    released = AgreementProvince.history.filter(released_on__isnull=False).get()
    assert released.history_user == drafter and released.history_change_reason.startswith("Refused under clause")
