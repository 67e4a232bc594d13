"""Pages of the round when the one reading them is outside it: an opinion posted once the minutes went
back to draft is refused as a conflict and nothing is kept; a partner whose unit was not asked reads
the text last sent, not one "sent to you"."""

import pytest
from django.urls import reverse

from agreements.models import Opinion
from tests.agreements.review_round import returned
from tests.agreements.test_opinion_page import form, the_letter
from tests.factories import in_review, review_department
from tests.samples import stored_files

pytestmark = pytest.mark.django_db


def test_an_opinion_posted_after_the_minutes_went_back_to_draft_is_refused_and_nothing_kept(login, drafter,
                                                                                            reviewer):
    agreement = in_review(by=drafter)
    request = agreement.review_requests.get(department=review_department())
    returned(agreement, drafter)
    files = stored_files()
    response = login(reviewer).post(form(request), the_letter())
    assert response.status_code == 409
    assert response.context["closed"] is True
    assert not Opinion.objects.exists()
    assert stored_files() == files


def test_the_form_of_minutes_back_in_draft_reads_why_without_an_error_status(login, drafter, reviewer):
    agreement = in_review(by=drafter)
    request = agreement.review_requests.get(department=review_department())
    returned(agreement, drafter)
    assert login(reviewer).get(form(request)).status_code == 200


def test_a_partner_not_asked_reads_the_text_last_sent_for_review(login, drafter, vnpt, vnpt_user):
    agreement = in_review(by=drafter, partner=vnpt)  # only a department is asked
    response = login(vnpt_user).get(reverse("agreements:detail", args=[agreement.pk]))
    assert response.context["requests"] == []
    assert "The text last sent for review is v1." in response.content.decode()
    assert "sent to you" not in response.content.decode()
