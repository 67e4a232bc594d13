"""A reviewer reads only the agreements sent to its own department, from the moment they are sent, and
changes none of them: another department's agreement answers 404, an action on its own answers 403."""

import pytest
from django.urls import reverse

from agreements import services
from agreements.actions import ACTIONS
from agreements.models import Agreement
from core import roles
from tests.factories import DepartmentFactory, UserFactory, draft, give_department
from tests.portal.acting import FORMS, ready_for, recorded_writes

pytestmark = pytest.mark.django_db


def _ask(agreement, department, by):
    """Point the draft's one request for an opinion at `department`, through the drafting service."""
    row = agreement.review_requests.get()
    return services.agreement_update(agreement=agreement, by=by,
                                     review_requests=[services.Row(pk=row.pk, values={"department": department})])


@pytest.fixture
def asked_elsewhere(drafter, vnpt):
    """An agreement sent for review to another department only."""
    agreement = _ask(draft(partner=vnpt), DepartmentFactory(code="KHTC", name="Vụ Kế hoạch - Tài chính"), drafter)
    return services.agreement_send_for_review(agreement=agreement, by=drafter)


def test_a_reviewer_sees_a_draft_asked_of_its_department_only_once_it_is_sent(login, reviewer, drafter, vnpt):
    agreement = draft(partner=vnpt)  # asks the reviewer's department; not sent yet
    client = login(reviewer)
    url = reverse("agreements:detail", args=[agreement.pk])
    assert client.get(url).status_code == 404
    services.agreement_send_for_review(agreement=agreement, by=drafter)
    assert client.get(url).context["agreement"] == agreement


def test_a_reviewer_gets_404_for_an_agreement_sent_to_another_department(login, reviewer, asked_elsewhere):
    response = login(reviewer).get(reverse("agreements:detail", args=[asked_elsewhere.pk]))
    assert response.status_code == 404


def test_the_reviewers_list_shows_only_agreements_sent_to_its_department(login, reviewer, drafter, vnpt,
                                                                          asked_elsewhere):
    sent = services.agreement_send_for_review(agreement=draft(partner=vnpt), by=drafter)
    draft(partner=vnpt)  # asks the reviewer's department, not sent
    response = login(reviewer).get(reverse("agreements:list"))
    assert response.status_code == 200
    assert [a.pk for a in response.context["page"].object_list] == [sent.pk]


def test_a_reviewer_gets_404_posting_an_action_on_an_agreement_sent_elsewhere(login, reviewer, asked_elsewhere):
    url = reverse("agreements:transition", args=[asked_elsewhere.pk, "return"])
    assert login(reviewer).post(url, FORMS["return"]).status_code == 404
    assert Agreement.objects.get(pk=asked_elsewhere.pk).status == Agreement.Status.REVIEW


def test_a_reviewer_gets_403_editing_an_agreement_sent_to_it(login, reviewer, drafter, vnpt):
    agreement = services.agreement_send_for_review(agreement=draft(partner=vnpt), by=drafter)
    services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Sửa")  # a draft again
    client = login(reviewer)
    assert client.get(reverse("agreements:edit", args=[agreement.pk])).status_code == 403
    assert client.post(reverse("agreements:edit", args=[agreement.pk]), {"title": "Đổi"}).status_code == 403
    assert Agreement.objects.get(pk=agreement.pk).title == agreement.title


@pytest.mark.parametrize("action", ACTIONS)
def test_a_reviewer_gets_403_for_every_action_on_an_agreement_sent_to_it(login, reviewer, drafter, vnpt, action):
    agreement = ready_for(action, vnpt)
    if agreement.status == Agreement.Status.DRAFT:  # send it and bring it back, so the reviewer has seen it
        services.agreement_send_for_review(agreement=agreement, by=drafter)
        agreement = services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Sửa")
    before = recorded_writes()
    client = login(reviewer)
    assert client.get(reverse("agreements:detail", args=[agreement.pk])).status_code == 200
    response = client.post(reverse("agreements:transition", args=[agreement.pk, action]), FORMS[action])
    assert response.status_code == 403
    assert recorded_writes() == before


def test_pointing_a_returned_draft_at_another_department_does_not_show_that_department_the_draft(login, drafter,
                                                                                                   vnpt):
    agreement = services.agreement_send_for_review(agreement=draft(partner=vnpt), by=drafter)
    services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Tiếp thu ý kiến")
    legal = DepartmentFactory(code="PC", name="Vụ Pháp chế")
    legal_reviewer = give_department(UserFactory(username="phapche", roles=[roles.REVIEWER]), legal)
    _ask(agreement, legal, drafter)
    # The draft was never sent to the Legal Department: it sees it once it is.
    assert login(legal_reviewer).get(reverse("agreements:detail", args=[agreement.pk])).status_code == 404
    services.agreement_send_for_review(agreement=agreement, by=drafter)
    assert login(legal_reviewer).get(reverse("agreements:detail", args=[agreement.pk])).status_code == 200
