"""Bad input answers 4xx or is ignored, never a server error (issue 2, "Done means")."""

import pytest
from django.urls import reverse

from tests.factories import make_agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def web(client, drafter):
    client.raise_request_exception = False
    client.force_login(drafter)
    return client


# "²".isdigit() is True but int("²") raises ValueError: the views test with isdigit() then call int().
@pytest.mark.parametrize("query", ["q=²", "partner=²", "province=³"])
def test_the_agreement_list_survives_unicode_digits_in_its_filters(web, query):
    assert web.get(reverse("agreements:list") + "?" + query).status_code == 200


def test_the_new_agreement_page_survives_a_unicode_digit_partner(web):
    assert web.get(reverse("agreements:create") + "?partner=²").status_code == 200


def test_the_edit_page_survives_a_second_request_for_a_department_already_asked(web, drafter):
    """INITIAL_FORMS=0 hides the existing row from the formset's own duplicate check."""
    from tests.rules.posts import edit_page, management

    agreement = make_agreement(by=drafter)
    asked = agreement.review_requests.get()
    data = edit_page(agreement)
    data.update(management("reviews", total=1, initial=0))
    data.update({"reviews-0-department": str(asked.department_id), "reviews-0-letter_number": "1/CNTT"})
    response = web.post(reverse("agreements:edit", args=[agreement.pk]), data)
    assert response.status_code < 500


def test_swapping_the_departments_of_two_rows_is_saved_or_refused_not_a_500(web, drafter):
    """An ordinary edit: the first row now asks the second's department and the other way round."""
    from core.models import Department
    from tests.rules.posts import edit_page, management

    agreement = make_agreement(by=drafter)
    other = Department.objects.create(code="PC", name="Vụ Pháp chế")
    agreement.review_requests.create(department=other, letter_number="2/CNTT")
    rows = list(agreement.review_requests.order_by("pk"))
    data = edit_page(agreement)
    data.update(management("reviews", total=2, initial=2))
    for i, (row, department) in enumerate(zip(rows, [rows[1].department_id, rows[0].department_id])):
        data.update({f"reviews-{i}-id": str(row.pk), f"reviews-{i}-department": str(department),
                     f"reviews-{i}-letter_number": row.letter_number})
    response = web.post(reverse("agreements:edit", args=[agreement.pk]), data)
    assert response.status_code < 500
