"""A partner user's dashboard lists what waits on its own unit: rejected evidence (to submit again) and requests
for more information (to answer on the evidence), with links; not what waits on the assessor, not what a newer
submission already answers, not another unit's; in a fixed number of queries."""

import datetime
import itertools

import pytest
from django.urls import reverse

from conditions.models import Evidence
from tests.core.page_queries import assert_flat
from tests.factories import accept, condition_set, decide, submit

pytestmark = pytest.mark.django_db
S = Evidence.Status


@pytest.fixture
def codes(db):
    return {c.code: c for c in condition_set("PL-01", "ATTT-01").conditions.all()}


def _waiting(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return response, list(response.context["evidence_waiting"])


def test_rejected_evidence_and_a_request_are_listed_with_their_links(login, vnpt_user, vnpt, codes):
    rejected = decide(submit(vnpt, codes["PL-01"]), S.REJECTED, reason="Hết hạn")
    asked = decide(submit(vnpt, codes["ATTT-01"]), S.INFO_REQUESTED, reason="Thiếu trang 2")
    response, waiting = _waiting(login(vnpt_user))
    assert waiting == [rejected, asked]
    html = response.content.decode()
    assert f'href="{reverse("conditions:submit", args=[vnpt.pk, codes["PL-01"].pk])}"' in html
    assert f'href="{reverse("conditions:evidence", args=[asked.pk])}">Answer on the evidence</a>' in html
    assert "Hết hạn" in html and "Thiếu trang 2" in html


def test_what_waits_on_the_assessor_or_is_accepted_is_not_listed(login, vnpt_user, vnpt, codes):
    submit(vnpt, codes["PL-01"])
    accept(vnpt, codes["ATTT-01"])
    assert _waiting(login(vnpt_user))[1] == []


def test_a_rejection_answered_by_a_newer_submission_is_no_longer_listed(login, vnpt_user, vnpt, codes):
    decide(submit(vnpt, codes["PL-01"]), S.REJECTED, reason="Hết hạn")
    submit(vnpt, codes["PL-01"], statement="Bản mới")
    assert _waiting(login(vnpt_user))[1] == []


def test_another_units_evidence_is_not_listed(login, vietsens_user, vnpt, codes):
    decide(submit(vnpt, codes["PL-01"]), S.REJECTED, reason="Hết hạn")
    assert _waiting(login(vietsens_user))[1] == []


def test_ministry_staff_have_no_such_list(login, assessor, vnpt, codes):
    decide(submit(vnpt, codes["PL-01"]), S.REJECTED, reason="Hết hạn")
    assert _waiting(login(assessor))[1] == []


def test_the_list_is_flat_in_the_number_of_waiting_evidence(login, vnpt_user, vnpt, django_assert_max_num_queries):
    years = itertools.count(2025, 3)  # in force since 2025, the next from 2028

    def grow(n):
        # A set of n conditions each time (the later one taking effect in 2028: both stay open).
        rules = condition_set(*(f"C{i}" for i in range(n)), effective_from=datetime.date(next(years), 1, 1))
        for i, condition in enumerate(rules.conditions.all()):
            decide(submit(vnpt, condition), S.REJECTED if i % 2 else S.INFO_REQUESTED, reason="Bổ sung")

    client = login(vnpt_user)
    assert_flat(client, reverse("dashboard"), grow, django_assert_max_num_queries)
    assert len(_waiting(client)[1]) == 50
