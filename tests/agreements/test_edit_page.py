"""A draft's edit page saves the header, provinces, legal bases, clauses and departments asked together,
or nothing at all; only a draft can be edited."""

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement
from core.exceptions import NotPermitted
from tests.agreements.edit_page_posts import clause_rows, edit_page
from tests.factories import current_province, draft, in_review, old_province
from tests.pages import field_errors, flash_messages

pytestmark = pytest.mark.django_db


def _save(client, agreement, data):
    return client.post(reverse("agreements:edit", args=[agreement.pk]), data, follow=True)


def test_saving_the_page_changes_the_header_and_adds_a_clause(login, drafter):
    agreement = draft(by=drafter)
    data = edit_page(agreement, software_version="2.2")
    data.update(clause_rows(agreement, new_text="Điều khoản thêm"))
    response = _save(login(drafter), agreement, data)
    assert response.redirect_chain == [(reverse("agreements:detail", args=[agreement.pk]), 302)]
    assert flash_messages(response) == ["Draft saved."]
    assert Agreement.objects.get(pk=agreement.pk).software_version == "2.2"
    assert agreement.clauses.filter(text="Điều khoản thêm").count() == 1


def test_save_and_keep_editing_comes_back_to_the_edit_page(login, drafter):
    agreement = draft(by=drafter)
    response = _save(login(drafter), agreement, edit_page(agreement, place="Đà Nẵng", **{"continue": "1"}))
    assert response.redirect_chain == [(reverse("agreements:edit", args=[agreement.pk]), 302)]
    assert Agreement.objects.get(pk=agreement.pk).place == "Đà Nẵng"


def test_a_term_ending_before_it_starts_keeps_the_old_term_and_says_why(login, drafter):
    agreement = draft(by=drafter, complete=False)
    response = _save(login(drafter), agreement, edit_page(agreement, term_start="01/01/2027", term_end="31/12/2026"))
    assert response.status_code == 200
    assert field_errors(response, "term_end") == ["The term must end after it starts."]
    agreement.refresh_from_db()
    assert (agreement.term_start, agreement.term_end) == (None, None)


def test_an_old_province_is_marked_and_the_scope_stays_as_it_was(login, drafter):
    agreement = draft(by=drafter)
    response = _save(login(drafter), agreement, edit_page(agreement, provinces=[str(old_province("02").pk)],
                                                          software_version="9.9"))
    assert field_errors(response, "provinces") == [
        "Not in force when the term starts (01/01/2026): Hà Giang. Choose the provinces of that period."]
    agreement.refresh_from_db()
    assert list(agreement.provinces.all()) == [current_province("01")]
    assert agreement.software_version == "2.1"


def test_minutes_in_review_send_the_drafter_back_to_their_page_with_the_reason(login, drafter):
    agreement = in_review(by=drafter)
    response = login(drafter).get(reverse("agreements:edit", args=[agreement.pk]), follow=True)
    assert response.redirect_chain == [(reverse("agreements:detail", args=[agreement.pk]), 302)]
    assert flash_messages(response) == ["Only a draft can be edited; this agreement is in review."]


def test_a_post_to_minutes_in_review_changes_nothing(login, drafter):
    agreement = in_review(by=drafter)
    response = _save(login(drafter), agreement, edit_page(agreement, software_version="3.0"))
    assert flash_messages(response) == ["Only a draft can be edited; this agreement is in review."]
    assert Agreement.objects.get(pk=agreement.pk).software_version == "2.1"


def test_the_service_refuses_to_change_minutes_in_review(drafter):
    agreement = in_review(by=drafter)
    with pytest.raises(services.NotEditable, match="Only a draft can be edited; this agreement is in review."):
        services.agreement_update(agreement=agreement, by=drafter, header={"software_version": "3.0"})
    assert Agreement.objects.get(pk=agreement.pk).software_version == "2.1"


def test_a_signer_may_not_edit_a_draft_on_the_page_or_through_the_service(login, signer):
    agreement = draft()
    assert login(signer).get(reverse("agreements:edit", args=[agreement.pk])).status_code == 403
    with pytest.raises(NotPermitted, match="^Your roles do not allow editing drafts.$"):
        services.agreement_update(agreement=agreement, by=signer, header={"software_version": "3.0"})
    assert Agreement.objects.get(pk=agreement.pk).software_version == "2.1"
