"""The addressee's inbox (issue 8, item 2): a reviewer reads their department's requests, a partner user
their unit's, each pending, due within 3 days, overdue or answered; the navigation counts the unanswered."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements import selectors, services
from tests.factories import DepartmentFactory, asking, draft, meet, on_day, opinion, review_department

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 3, 2)
INBOX = reverse("agreements:inbox")


@pytest.fixture(autouse=True)
def clock():
    with on_day(DAY) as traveller:
        yield traveller


def sent(by, partner, *rows, condition_set=None):
    """Minutes of `partner` sent to the addressees of `rows` (values as tests.factories.asking gives them)."""
    agreement = draft(by=by, partner=partner, condition_set=condition_set)
    agreement = services.agreement_update(agreement=agreement, by=by,
                                          review_requests=[services.Row(None, row) for row in rows])
    return services.agreement_send_for_review(agreement=agreement, by=by)


def rows_of(response):
    assert response.status_code == 200
    return [(row.agreement_id, row.department_id, row.to_partner, row.state) for row in response.context["rows"]]


def test_a_reviewer_reads_their_departments_requests_by_urgency_with_their_state(login, drafter, reviewer, vnpt,
                                                                                 clock):
    khdt = review_department()
    later, soon, overdue, answered = (sent(drafter, vnpt, asking(khdt, due_in_days=days)) for days in (14, 5, 1, 2))
    opinion(answered.review_requests.get())
    clock.shift(datetime.timedelta(days=3))  # on 05/03: the 07/03 due date is within 3 days, 03/03 is past
    response = login(reviewer).get(INBOX)
    assert rows_of(response) == [(overdue.pk, khdt.pk, False, "overdue"), (soon.pk, khdt.pk, False, "due_soon"),
                                 (later.pk, khdt.pk, False, "pending"), (answered.pk, khdt.pk, False, "answered")]
    assert "Overdue" in response.text and "Due within 3 days" in response.text and "Answered" in response.text
    assert reverse("agreements:opinion_create", args=[later.pk, later.review_requests.get().pk]) in response.text
    assert reverse("agreements:opinion_create", args=[answered.pk, answered.review_requests.get().pk]) \
        not in response.text


def test_a_reviewer_does_not_read_another_departments_requests(login, drafter, reviewer, vnpt):
    sent(drafter, vnpt, asking(DepartmentFactory(code="BHYT", name="Vụ Bảo hiểm y tế")))
    response = login(reviewer).get(INBOX)
    assert rows_of(response) == []
    assert "Nothing is asked of you now." in response.text


def test_a_partner_user_reads_their_units_requests_and_not_the_departments(login, drafter, reviewer, vnpt,
                                                                           vnpt_user, vietsens_user):
    khdt = review_department()
    both = sent(drafter, vnpt, asking(khdt), asking(None, due_in_days=2))
    sent(drafter, vnpt, asking(DepartmentFactory(code="BHYT")))  # VNPT-IT may read these minutes, unasked
    assert rows_of(login(vnpt_user).get(INBOX)) == [(both.pk, None, True, "due_soon")]
    assert rows_of(login(reviewer).get(INBOX)) == [(both.pk, khdt.pk, False, "pending")]
    assert rows_of(login(vietsens_user).get(INBOX)) == []


@pytest.mark.parametrize("persona", ["drafter", "signer", "auditor"])
def test_someone_who_records_no_opinions_has_no_inbox(login, request, persona):
    user = request.getfixturevalue(persona)
    assert login(user).get(INBOX).status_code == 403
    assert selectors.inbox_count(user) is None


def test_the_inbox_count_leaves_out_the_requests_answered_on_the_version_sent(login, drafter, reviewer, vnpt):
    khdt = review_department()
    first, _second, _third = (sent(drafter, vnpt, asking(khdt)) for _ in range(3))
    assert selectors.inbox_count(reviewer) == 3
    opinion(first.review_requests.get())
    assert selectors.inbox_count(reviewer) == 2
    assert [row[3] for row in rows_of(login(reviewer).get(INBOX))] == ["pending", "pending", "answered"]
    first = services.agreement_return_for_revision(agreement=first, by=drafter, reason="Sửa theo ý kiến góp ý")
    services.agreement_send_for_review(agreement=first, by=drafter)
    assert selectors.inbox_count(reviewer) == 3  # its opinion was on v1; v2 waits for one


def test_the_inbox_runs_as_many_queries_for_20_requests_as_for_2(login, drafter, reviewer, vnpt, vietsens,
                                                                  django_assert_max_num_queries):
    khdt, rules = review_department(), meet(vnpt)
    client = login(reviewer)

    def grow(n):
        for i in range(n):
            partner = vietsens if i % 2 else vnpt  # each row names its minutes' partner
            agreement = sent(drafter, partner, asking(khdt, due_in_days=i % 4 * 5 - 2), condition_set=rules)
            if i % 3 == 0:
                opinion(agreement.review_requests.get())

    meet(vietsens)
    grow(2)
    with CaptureQueriesContext(connection) as small:
        assert len(rows_of(client.get(INBOX))) == 2
    grow(18)
    with django_assert_max_num_queries(len(small)):
        assert len(rows_of(client.get(INBOX))) == 20
