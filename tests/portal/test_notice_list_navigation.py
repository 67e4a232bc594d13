"""The navigation shows every signed-in user "Notices" with the number unread, and those who record
opinions "Inbox" with the number of requests waiting for their department or unit; each count is one
query, asked only when a page shows the menu. The list of notices costs the same with 2 or 40."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements import services
from core import notices
from portal.context_processors import Abilities
from tests.factories import asking, draft, in_review, opinion

pytestmark = pytest.mark.django_db
EVIDENCE = {"partner": "VNPT-IT", "code": "PL-01", "title": "Giấy phép", "reason": "Thiếu", "valid_from": "",
            "valid_until": ""}


def _tell(user, count, start=0):
    for n in range(start, start + count):
        notices.notify([user], kind="evidence_rejected", key=f"evidence_rejected:{n}", params=EVIDENCE,
                       url=f"/conditions/evidence/{n}/")


def _nav(client, link_id):
    """The navigation link's text, with its badge, or None when the page has no such link."""
    found = re.search(rf'<a href="[^"]*" id="{link_id}">(.*?)</a>', client.get(reverse("dashboard")).content.decode())
    return re.sub(r"<[^>]+>", "", found.group(1)) if found else None


def test_the_unread_count_drops_once_the_notices_are_read(login, vnpt_user):
    _tell(vnpt_user, 2)
    client = login(vnpt_user)
    assert _nav(client, "nav-notices") == "Notices 2"
    client.post(reverse("notices_read"))
    assert _nav(client, "nav-notices") == "Notices"


@pytest.mark.parametrize("persona, inbox", [("drafter", None), ("signer", None), ("auditor", None),
                                             ("assessor", None), ("reviewer", "Inbox"), ("vietsens_user", "Inbox")])
def test_everyone_signed_in_has_notices_and_only_those_who_record_opinions_an_inbox(login, request, persona, inbox):
    client = login(request.getfixturevalue(persona))
    assert _nav(client, "nav-notices") == "Notices"
    assert _nav(client, "nav-inbox") == inbox


def test_the_inbox_counts_the_requests_waiting_for_my_department(login, drafter, reviewer, vnpt):
    client = login(reviewer)
    assert _nav(client, "nav-inbox") == "Inbox"
    first, second = in_review(by=drafter, partner=vnpt), in_review(by=drafter, partner=vnpt)
    assert _nav(client, "nav-inbox") == "Inbox 2"
    opinion(first.review_requests.get(), by=reviewer)
    assert _nav(client, "nav-inbox") == "Inbox 1" and second.review_requests.exists()


def test_a_partner_user_counts_the_requests_to_its_unit_and_not_another_units(login, drafter, vnpt, vnpt_user,
                                                                               vietsens_user):
    agreement = draft(by=drafter, partner=vnpt)
    rows = [services.Row(r.pk, {}) for r in agreement.review_requests.all()] + [services.Row(None, asking(None))]
    agreement = services.agreement_update(agreement=agreement, by=drafter, review_requests=rows)
    services.agreement_send_for_review(agreement=agreement, by=drafter)
    assert _nav(login(vnpt_user), "nav-inbox") == "Inbox 1"
    assert _nav(login(vietsens_user), "nav-inbox") == "Inbox"


def test_each_count_is_asked_once_and_only_when_shown(reviewer, django_assert_num_queries):
    _tell(reviewer, 3)
    with django_assert_num_queries(0):
        abilities = Abilities(reviewer)
    with django_assert_num_queries(1):
        assert abilities.unread_notices == 3
        assert abilities.unread_notices == 3
    assert abilities.inbox_count == 0
    with django_assert_num_queries(0):
        assert abilities.inbox_count == 0


def test_the_list_costs_the_same_with_2_notices_or_40(login, vnpt_user):
    client = login(vnpt_user)
    _tell(vnpt_user, 2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse("notices")).status_code == 200
    _tell(vnpt_user, 38, start=2)
    with CaptureQueriesContext(connection) as large:
        assert client.get(reverse("notices")).status_code == 200
    assert len(large) == len(small)
