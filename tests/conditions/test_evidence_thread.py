"""A request for more information is answered on the same evidence: a short thread with files, the evidence back
before the assessor, who decides on the whole thread; another unit's evidence answers 404."""

import pytest
from django.urls import reverse

from conditions import services
from conditions.models import Evidence, EvidenceFile, EvidenceMessage
from core.exceptions import NotPermitted, Refused
from core.models import Notification
from tests.factories import decide, submit
from tests.pages import field_errors, flash_messages
from tests.samples import upload

pytestmark = pytest.mark.django_db
S = Evidence.Status


@pytest.fixture
def asked(vnpt, vnpt_user, assessor, codes):
    """VNPT-IT's PL-01 evidence, on which the assessor asked for more information."""
    return decide(submit(vnpt, codes["PL-01"], by=vnpt_user), S.INFO_REQUESTED, by=assessor,
                  reason="Bổ sung bản có dấu đỏ")


def _answer(client, evidence, text="Đã bổ sung bản có dấu.", files=()):
    return client.post(reverse("conditions:answer", args=[evidence.pk]), {"text": text, "files": list(files)},
                       follow=True)


def test_the_partner_answers_on_the_same_evidence_with_a_file_and_it_awaits_assessment_again(login, vnpt_user,
                                                                                              asked):
    response = _answer(login(vnpt_user), asked, files=[upload("ban-co-dau.pdf")])
    assert response.redirect_chain == [(reverse("conditions:evidence", args=[asked.pk]), 302)]
    assert flash_messages(response) == ["Answer sent: the evidence is back with the assessor."]
    asked.refresh_from_db()
    assert (asked.status, asked.decided_by, asked.decision_reason) == (S.SUBMITTED, None, "")
    assert Evidence.objects.count() == 1  # no new submission
    assert [(m.kind, m.text) for m in asked.messages.all()] == [
        ("request", "Bổ sung bản có dấu đỏ"), ("answer", "Đã bổ sung bản có dấu.")]
    [answer_file] = EvidenceFile.objects.filter(message__kind="answer")
    assert (answer_file.evidence, answer_file.original_name) == (asked, "ban-co-dau.pdf")


def test_the_history_keeps_the_request_and_the_answer(vnpt_user, asked):
    services.evidence_answer(evidence=asked, by=vnpt_user, text="Đã bổ sung.")
    assert [(h.status, h.history_user) for h in asked.history.order_by("history_id")][-2:] == [
        (S.INFO_REQUESTED, asked.decided_by), (S.SUBMITTED, vnpt_user)]


def test_an_answer_without_words_is_refused_beside_the_field(login, vnpt_user, asked):
    response = _answer(login(vnpt_user), asked, text="  ")
    assert field_errors(response, "text", form="answer_form") == ["This field is required."]
    asked.refresh_from_db()
    assert (asked.status, EvidenceMessage.objects.filter(kind="answer").count()) == (S.INFO_REQUESTED, 0)


def test_evidence_nobody_asked_about_cannot_be_answered(vnpt, vnpt_user, codes):
    pending = submit(vnpt, codes["PL-01"], by=vnpt_user)
    with pytest.raises(Refused, match="No more information is asked on this evidence: it is submitted."):
        services.evidence_answer(evidence=pending, by=vnpt_user, text="Thêm")
    assert not EvidenceMessage.objects.exists()


def test_another_units_evidence_answers_404(login, vietsens_user, asked):
    assert _answer(login(vietsens_user), asked).status_code == 404
    asked.refresh_from_db()
    assert asked.status == S.INFO_REQUESTED


def test_the_assessor_does_not_answer_for_the_partner(login, assessor, asked):
    assert _answer(login(assessor), asked).status_code == 403
    with pytest.raises(NotPermitted):
        services.evidence_answer(evidence=asked, by=assessor, text="Thay mặt")


def test_the_partner_sees_the_answer_form_only_while_something_is_asked(login, vnpt_user, asked):
    client = login(vnpt_user)
    page = client.get(reverse("conditions:evidence", args=[asked.pk]))
    assert page.context["answer_form"] is not None and not page.context["can_resubmit"]
    _answer(client, asked)
    page = client.get(reverse("conditions:evidence", args=[asked.pk]))
    assert page.context["answer_form"] is None


def test_the_assessor_reads_the_whole_thread_and_decides_on_it(login, vnpt_user, assessor, asked):
    services.evidence_answer(evidence=asked, by=vnpt_user, text="Đã bổ sung.", uploads=[upload("ban-co-dau.pdf")])
    client = login(assessor)
    page = client.get(reverse("conditions:evidence", args=[asked.pk])).content.decode()
    assert "Bổ sung bản có dấu đỏ" in page and "Đã bổ sung." in page and "ban-co-dau.pdf" in page
    client.post(reverse("conditions:decide", args=[asked.pk]), {"decision": "accepted", "valid_from": "15/01/2026"})
    asked.refresh_from_db()
    assert (asked.status, asked.decided_by) == (S.ACCEPTED, assessor)


def test_the_assessor_who_asked_is_told_of_the_answer_and_the_partner_of_the_request(vnpt_user, assessor, asked):
    assert list(Notification.objects.values_list("user__username", "kind")) == [("vnpt", "evidence_info_requested")]
    services.evidence_answer(evidence=asked, by=vnpt_user, text="Đã bổ sung.")
    notice = Notification.objects.get(kind="evidence_answered")
    assert (notice.user, notice.url) == (assessor, reverse("conditions:evidence", args=[asked.pk]))
    assert notice.params["reason"] == "Đã bổ sung."


def test_a_file_of_an_answer_is_downloaded_by_the_unit_and_not_by_another(login, vnpt_user, vietsens_user, asked):
    services.evidence_answer(evidence=asked, by=vnpt_user, text="Đã bổ sung.", uploads=[upload("ban-co-dau.pdf")])
    item = EvidenceFile.objects.get(message__isnull=False)
    url = reverse("conditions:download", args=[item.pk])
    assert login(vnpt_user).get(url).status_code == 200
    assert login(vietsens_user).get(url).status_code == 404
