"""The departments asked on a draft's edit page: each department once, saved with the rest of the
page or not at all."""

import pytest
from django.urls import reverse

from core.models import Department
from tests.agreements.edit_page_posts import edit_page, management
from tests.factories import draft
from tests.pages import flash_messages

pytestmark = pytest.mark.django_db


def _asked(agreement):
    return sorted(agreement.review_requests.values_list("department__code", "letter_number"))


def _save(client, agreement, data):
    return client.post(reverse("agreements:edit", args=[agreement.pk]), data, follow=True)


def test_adding_a_second_department_asks_both(login, drafter):
    agreement = draft(by=drafter)
    legal = Department.objects.create(code="PC", name="Vụ Pháp chế")
    data = edit_page(agreement)
    data.update({"reviews-1-department": str(legal.pk), "reviews-1-letter_number": "443/CNTT-TTUD",
                 "reviews-TOTAL_FORMS": "2"})
    assert flash_messages(_save(login(drafter), agreement, data)) == ["Draft saved."]
    assert _asked(agreement) == [("KHĐT", "442/CNTT-TTUD"), ("PC", "443/CNTT-TTUD")]


def test_asking_the_same_department_twice_on_the_page_is_marked_and_nothing_is_saved(login, drafter):
    agreement = draft(by=drafter)
    data = edit_page(agreement, software_version="2.2")
    data.update({"reviews-1-department": data["reviews-0-department"], "reviews-1-letter_number": "9/CNTT",
                 "reviews-TOTAL_FORMS": "2"})
    response = _save(login(drafter), agreement, data)
    assert response.status_code == 200
    assert response.context["reviews"].forms[1].errors["department"] == ["This department is already asked."]
    assert _asked(agreement) == [("KHĐT", "442/CNTT-TTUD")]
    assert agreement.software_version == "2.1"


def test_a_page_that_leaves_out_the_department_already_asked_and_asks_it_again_replaces_the_request(login, drafter):
    # INITIAL_FORMS=0 hides the existing row from the page: the row left out is deleted and the one
    # posted is added, so the department is still asked once, with the letter posted.
    agreement = draft(by=drafter)
    asked = agreement.review_requests.get()
    data = edit_page(agreement)
    data.update(management("reviews", total=1, initial=0))
    data.update({"reviews-0-department": str(asked.department_id), "reviews-0-letter_number": "1/CNTT"})
    del data["reviews-0-id"]
    response = _save(login(drafter), agreement, data)
    assert flash_messages(response) == ["Draft saved."]
    assert _asked(agreement) == [("KHĐT", "1/CNTT")]


def test_swapping_the_departments_of_two_rows_is_refused_whole_and_changes_nothing(login, drafter):
    # Each row is saved in turn, so the first row takes the second's department while the second
    # still holds it: the database refuses the clash and the service undoes the whole page.
    agreement = draft(by=drafter)
    legal = Department.objects.create(code="PC", name="Vụ Pháp chế")
    data = edit_page(agreement)
    data.update({"reviews-1-department": str(legal.pk), "reviews-1-letter_number": "443/CNTT-TTUD",
                 "reviews-TOTAL_FORMS": "2"})
    _save(login(drafter), agreement, data)
    data = edit_page(agreement, software_version="2.2")
    data["reviews-0-department"], data["reviews-1-department"] = data["reviews-1-department"], \
        data["reviews-0-department"]
    response = _save(login(drafter), agreement, data)
    assert response.redirect_chain == [(reverse("agreements:detail", args=[agreement.pk]), 302)]
    assert flash_messages(response) == [
        "Each department can be asked only once, and each province named once; nothing was saved. "
        "Remove the duplicate and save again."]
    assert _asked(agreement) == [("KHĐT", "442/CNTT-TTUD"), ("PC", "443/CNTT-TTUD")]
    agreement.refresh_from_db()
    assert agreement.software_version == "2.1"
