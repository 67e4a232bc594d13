import pytest
from django.urls import reverse

from agreements import services
from tests.factories import current_province, make_agreement

pytestmark = pytest.mark.django_db


def test_the_history_page_says_who_changed_which_field_from_what_to_what_and_why(client, drafter, auditor):
    agreement = make_agreement(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, header={"software_version": "2.5"},
                              reason="Cập nhật phiên bản")
    client.force_login(auditor)
    page = client.get(reverse("agreements:history", args=[agreement.pk])).content.decode()
    assert "2.1 → 2.5" in page
    assert "Cập nhật phiên bản" in page
    assert drafter.username in page


def test_provinces_added_to_the_scope_show_by_name_in_the_history(client, drafter, auditor):
    agreement = make_agreement(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, provinces=[current_province("01"),
                                                                          current_province("92")])
    client.force_login(auditor)
    page = client.get(reverse("agreements:history", args=[agreement.pk])).content.decode()
    assert "Cần Thơ" in page


def test_a_lifecycle_move_appears_with_its_reason(client, drafter, auditor):
    agreement = make_agreement(by=drafter)
    services.agreement_send_for_review(agreement=agreement, by=drafter, reason="Công văn 442/CNTT-TTUD")
    client.force_login(auditor)
    page = client.get(reverse("agreements:history", args=[agreement.pk])).content.decode()
    assert "Công văn 442/CNTT-TTUD" in page
    assert "Dự thảo → Đang xin ý kiến" in page  # the status itself, not only the reason


def test_a_partner_user_cannot_read_the_full_history(client, vnpt, vnpt_user, drafter):
    agreement = make_agreement(by=drafter, partner=vnpt)
    client.force_login(vnpt_user)
    assert client.get(reverse("agreements:history", args=[agreement.pk])).status_code == 403
