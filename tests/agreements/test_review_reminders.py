"""The daily reminders (agreements.reminders): an addressee that has not answered the version it was
sent is told 3 days before the due date, and again, with the drafter, once the date has passed; an
answered request, one on an older version and minutes no longer in review are left alone."""

import datetime

import pytest

from agreements import reminders, services
from agreements.models import ReviewRequest
from core import roles
from core.models import Notification
from core.notices import render
from tests.factories import DepartmentFactory, UserFactory, asking, draft, give_department, opinion

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def everyone(drafter, reviewer, vnpt_user, vietsens_user):
    other = give_department(UserFactory(username="other-reviewer", roles=[roles.REVIEWER]),
                            DepartmentFactory(code="BHYT", name="Vụ Bảo hiểm y tế"))
    for user in (drafter, reviewer, other, vnpt_user, vietsens_user):
        user.email = f"{user.username}@example.vn"
        user.save()


@pytest.fixture
def agreement(everyone, drafter, vnpt):
    """VNPT's minutes in review, sent by the drafter to KHĐT (the reviewer's department) and to VNPT-IT,
    which said silence would be agreement; both answers due on the same day."""
    made = draft(by=drafter, partner=vnpt)
    rows = [services.Row(r.pk, {}) for r in made.review_requests.all()]
    rows.append(services.Row(None, asking(None, silence_is_agreement=True)))
    made = services.agreement_update(agreement=made, by=drafter, review_requests=rows)
    return services.agreement_send_for_review(agreement=made, by=drafter)


@pytest.fixture
def due(agreement):
    return agreement.review_requests.first().due_on


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """remind(day): the daily run, with the mail it sends on commit sent."""
    def run(day):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders.send_reminders(day=day)
    return run


def _told(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("user__username", flat=True))


def _in_english(user, kind):
    """(subject, body) of the user's notices of `kind`, as the app shows them to an English reader."""
    return [render(n.kind, n.params) for n in Notification.objects.filter(user=user, kind=kind).order_by("pk")]


def test_nothing_is_sent_four_days_before_the_due_date(agreement, due, remind, mailoutbox):
    assert remind(due - 4 * DAY) == {"review_due_soon": 0, "review_overdue": 0}
    assert _told("review_due_soon") == [] and mailoutbox == []


@pytest.mark.parametrize("days_before", [3, 0])
def test_the_addressees_are_reminded_from_three_days_before_up_to_the_due_date(agreement, due, remind, mailoutbox,
                                                                               days_before):
    assert remind(due - days_before * DAY) == {"review_due_soon": 2, "review_overdue": 0}
    assert _told("review_due_soon") == ["reviewer", "vnpt"]
    assert sorted(m.to[0] for m in mailoutbox) == ["reviewer@example.vn", "vnpt@example.vn"]
    assert all(f"{due:%d/%m/%Y}" in m.subject for m in mailoutbox)


def test_once_the_due_date_has_passed_the_addressees_and_the_drafter_are_told_it_is_overdue(
        agreement, due, remind, mailoutbox, reviewer, vnpt_user):
    assert remind(due + DAY) == {"review_due_soon": 0, "review_overdue": 4}
    assert _told("review_overdue") == ["drafter", "drafter", "reviewer", "vnpt"]  # the drafter once per request
    assert sorted(m.to[0] for m in mailoutbox) == ["drafter@example.vn", "drafter@example.vn", "reviewer@example.vn",
                                                  "vnpt@example.vn"]
    [(subject, body)] = _in_english(reviewer, "review_overdue")
    assert subject.startswith(f"Opinion overdue since {due:%d/%m/%Y}: Cục Khoa học công nghệ và Đào tạo")
    assert "The signing waits for it" in body
    [(_subject, body)] = _in_english(vnpt_user, "review_overdue")
    assert "no answer by the due date is taken as agreement" in body


def test_an_answered_request_is_not_reminded(agreement, due, remind):
    opinion(agreement.review_requests.get(to_partner=False))
    remind(due + DAY)
    assert _told("review_overdue") == ["drafter", "vnpt"]


def test_a_request_left_on_an_older_version_is_not_reminded(agreement, drafter, remind):
    """The sending service moves every addressee to the new version; a row still on an older one (from
    before that rule, or written by hand) must not call for an opinion that no longer counts."""
    agreement = services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Sửa")
    agreement = services.agreement_send_for_review(agreement=agreement, by=drafter)
    partner_request = agreement.review_requests.get(to_partner=True)
    ReviewRequest.objects.filter(pk=partner_request.pk).update(version=agreement.versions.get(number=1))
    remind(partner_request.due_on + DAY)
    assert _told("review_overdue") == ["drafter", "reviewer"]


def test_minutes_returned_for_revision_are_not_reminded(agreement, due, drafter, remind, mailoutbox):
    services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Sửa")
    assert remind(due + DAY) == {"review_due_soon": 0, "review_overdue": 0}
    assert mailoutbox == []


def test_the_outsider_and_another_department_are_never_reminded(agreement, due, remind):
    remind(due - DAY)
    remind(due + DAY)
    told = set(Notification.objects.filter(kind__startswith="review_").values_list("user__username", flat=True))
    assert told == {"drafter", "reviewer", "vnpt"}
