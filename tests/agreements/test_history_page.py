"""An agreement's history page: who changed which field from what to what, and why; for those who
hold core.view_history (Ministry staff and auditors), not for reviewers or partner users."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from agreements import services
from tests.factories import current_province, draft, in_review

pytestmark = pytest.mark.django_db


def _entries(client, agreement):
    response = client.get(reverse("agreements:history", args=[agreement.pk]))
    assert response.status_code == 200
    return response.context["entries"]


def _changes(entry):
    return [(c.label, c.old, c.new) for c in entry["changes"]]


def test_the_page_says_who_changed_which_field_from_what_to_what_and_why(login, drafter, auditor):
    agreement = draft(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, header={"software_version": "2.5"},
                              reason="Cập nhật phiên bản")
    newest = _entries(login(auditor), agreement)[0]
    assert (newest["user"], str(newest["action"]), newest["reason"]) == (drafter, "Changed", "Cập nhật phiên bản")
    assert _changes(newest) == [("software version", "2.1", "2.5")]


def test_provinces_added_to_the_scope_show_by_name(login, drafter, auditor):
    agreement = draft(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, provinces=[current_province("01"),
                                                                          current_province("92")])
    newest = _entries(login(auditor), agreement)[0]
    assert (str(newest["action"]), newest["object"]) == ("Created", str(current_province("92")))
    assert "Cần Thơ" in newest["object"]


def test_a_lifecycle_move_shows_the_status_it_left_and_reached_and_its_reason(login, drafter, auditor):
    agreement = services.agreement_send_for_review(agreement=draft(by=drafter), by=drafter,
                                                   reason="Công văn 442/CNTT-TTUD")
    moves = [e for e in _entries(login(auditor), agreement) if str(e["model"]) == "agreement"
             and e["reason"] == "Công văn 442/CNTT-TTUD"]
    [changes] = [_changes(e) for e in moves]
    # The first sending also records from when the receiving party may read the minutes.
    assert changes[0] == ("status", "Draft", "In review")
    assert [change[:2] for change in changes[1:]] == [("first sent for review", "—")]


def test_the_status_reads_in_vietnamese_for_a_user_who_kept_the_default_language(login, drafter, auditor):
    agreement = services.agreement_send_for_review(agreement=draft(by=drafter), by=drafter)
    response = login(auditor, language=None).get(reverse("agreements:history", args=[agreement.pk]))
    assertContains(response, "<li><strong>trạng thái</strong>: Dự thảo → Đang xin ý kiến</li>", html=True)


def test_a_drafter_and_a_signer_read_the_history(login, drafter, signer):
    agreement = draft(by=drafter)
    for user in (drafter, signer):
        assert _entries(login(user), agreement)[-1]["reason"] == "Draft created"


def test_a_partner_user_cannot_read_its_own_agreements_history(login, vnpt, vnpt_user):
    agreement = in_review(partner=vnpt)
    assert login(vnpt_user).get(reverse("agreements:detail", args=[agreement.pk])).status_code == 200
    assert login(vnpt_user).get(reverse("agreements:history", args=[agreement.pk])).status_code == 403


def test_a_reviewer_reads_the_minutes_sent_to_them_but_not_their_history(login, reviewer):
    agreement = in_review()
    assert login(reviewer).get(reverse("agreements:detail", args=[agreement.pk])).status_code == 200
    assert login(reviewer).get(reverse("agreements:history", args=[agreement.pk])).status_code == 403


def test_another_units_user_gets_404_not_403(login, vietsens_user, vnpt):
    agreement = draft(partner=vnpt)
    assert login(vietsens_user).get(reverse("agreements:history", args=[agreement.pk])).status_code == 404
