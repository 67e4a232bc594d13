"""A version's page and the changes between versions run no more SQL queries with many clauses, legal
bases and versions than with few."""

import itertools

import pytest
from django.urls import reverse

from agreements import services
from tests.agreements.test_version_page import returned, sent_again
from tests.core.page_queries import LARGE, SMALL, queries_for
from tests.factories import in_review

pytestmark = pytest.mark.django_db
counter = itertools.count(1)


def grown(agreement, by, n):
    """The minutes sent again with n more clauses and legal bases, and every clause reworded: a new version."""
    agreement = returned(agreement, by)
    Row = services.Row
    numbers = [next(counter) for _ in range(n)]
    services.agreement_update(
        agreement=agreement, by=by,
        legal_bases=[Row(b.pk) for b in agreement.legal_bases.all()] + [
            Row(None, {"position": 10 + i, "kind": "decree", "citation": f"Nghị định {i}/2025/NĐ-CP"})
            for i in numbers],
        clauses=[Row(c.pk, {"text": f"{c.text} (sửa lần {numbers[0]})"}) for c in agreement.clauses.all()] + [
            Row(None, {"position": 10 + i, "section": "handing_party", "text": f"Khoản {i}"}) for i in numbers])
    return sent_again(agreement, by)


@pytest.fixture
def sent(drafter, vnpt):
    return in_review(by=drafter, partner=vnpt)


def test_the_version_page_is_flat_in_clauses_and_versions(login, drafter, reviewer, sent,
                                                          django_assert_max_num_queries):
    client = login(reviewer)
    grown(sent, drafter, SMALL)
    small = queries_for(client, reverse("agreements:version", args=[sent.pk, 2]))
    for _ in range(3):
        grown(sent, drafter, LARGE // 3)
    with django_assert_max_num_queries(small):
        response = client.get(reverse("agreements:version", args=[sent.pk, 5]))
    assert response.status_code == 200 and response.text.count("<section id=") > LARGE


def test_the_changes_page_is_flat_in_clauses_and_versions(login, drafter, reviewer, sent,
                                                          django_assert_max_num_queries):
    client = login(reviewer)
    grown(sent, drafter, SMALL)
    small = queries_for(client, reverse("agreements:changes", args=[sent.pk, 1, 2]))
    for _ in range(3):
        grown(sent, drafter, LARGE // 3)
    with django_assert_max_num_queries(small):
        response = client.get(reverse("agreements:changes", args=[sent.pk, 1, 5]))
    assert response.status_code == 200 and response.text.count('class="card change added"') > LARGE
