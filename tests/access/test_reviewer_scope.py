"""A reviewer reads only the agreements sent to its own department, and changes none of them."""

import pytest
from django.urls import reverse

from agreements import services
from tests.access.helpers import ACTIONS, action_data
from tests.factories import DepartmentFactory, make_agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked_elsewhere(drafter):
    """An agreement sent for review to another department only."""
    agreement = make_agreement(by=drafter)
    request = agreement.review_requests.get()
    request.department = DepartmentFactory(code="KHTC", name="Vụ Kế hoạch - Tài chính")
    request.save()
    return services.agreement_send_for_review(agreement=agreement, by=drafter)


def test_a_reviewer_cannot_see_a_draft_asked_of_its_department_until_it_is_sent(login, reviewer, drafter):
    agreement = make_agreement(by=drafter)  # asks the reviewer's department, not sent yet
    client = login(reviewer)
    url = reverse("agreements:detail", args=[agreement.pk])
    assert client.get(url).status_code == 404
    services.agreement_send_for_review(agreement=agreement, by=drafter)
    assert client.get(url).status_code == 200


def test_a_reviewer_never_sees_an_agreement_sent_to_another_department(login, reviewer, asked_elsewhere):
    response = login(reviewer).get(reverse("agreements:detail", args=[asked_elsewhere.pk]))
    assert response.status_code == 404


def test_the_reviewers_list_shows_only_agreements_sent_to_its_department(login, reviewer, drafter,
                                                                          asked_elsewhere):
    sent = services.agreement_send_for_review(agreement=make_agreement(by=drafter), by=drafter)
    make_agreement(by=drafter)  # a draft asked of the reviewer's department, not sent
    response = login(reviewer).get(reverse("agreements:list"))
    assert response.status_code == 200
    assert [a.pk for a in response.context["page"].object_list] == [sent.pk]


def test_a_reviewer_gets_404_posting_a_transition_of_an_agreement_sent_elsewhere(login, reviewer, asked_elsewhere):
    url = reverse("agreements:transition", args=[asked_elsewhere.pk, "return"])
    assert login(reviewer).post(url, action_data("return")).status_code == 404


def test_a_reviewer_gets_403_editing_an_agreement_sent_to_it(login, reviewer, drafter):
    agreement = services.agreement_send_for_review(agreement=make_agreement(by=drafter), by=drafter)
    services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Sửa")  # a draft again
    assert login(reviewer).get(reverse("agreements:edit", args=[agreement.pk])).status_code == 403


@pytest.mark.parametrize("action", ACTIONS)
def test_a_reviewer_gets_403_for_any_transition_of_an_agreement_sent_to_it(login, reviewer, drafter, ready_for,
                                                                           action):
    agreement = ready_for(action)
    if action in ("send", "cancel"):  # drafts: send it and bring it back, so the reviewer has seen it
        services.agreement_send_for_review(agreement=agreement, by=drafter)
        services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Sửa")
    client = login(reviewer)
    assert client.get(reverse("agreements:detail", args=[agreement.pk])).status_code == 200
    response = client.post(reverse("agreements:transition", args=[agreement.pk, action]), action_data(action))
    assert response.status_code == 403
