"""Values a user can type that end in a server error instead of a message."""

import datetime

import pytest
from django.urls import reverse

from tests.eligibility.conftest import submit
from tests.factories import ConditionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_raise(client):
    client.raise_request_exception = False
    return client


def test_accepting_with_a_far_valid_from_and_no_end_is_not_a_server_error(no_raise, as_user, assessor, vnpt,
                                                                          vnpt_user, codes):
    shown = submit(vnpt, codes["PL-01"], vnpt_user)
    response = as_user(assessor).post(reverse("conditions:decide", args=[shown.pk]),
                                      {"decision": "accepted", "valid_from": "31/12/9999", "reason": ""})
    assert response.status_code < 500


def test_an_evidence_page_survives_a_long_validity_in_the_catalogue(no_raise, as_user, assessor, vnpt, vnpt_user,
                                                                    condition_set):
    # The condition form takes any positive integer of months (the column's own limit is 2**31 - 1).
    condition = ConditionFactory(condition_set=condition_set, code="DAI-01", validity_months=100_000)
    shown = submit(vnpt, condition, vnpt_user)
    assert as_user(assessor).get(reverse("conditions:evidence", args=[shown.pk])).status_code < 500


def test_a_day_at_the_end_of_the_calendar_is_not_a_server_error(no_raise, as_user, auditor, vnpt, codes):
    from tests.factories import accept_evidence

    accept_evidence(vnpt, codes["PL-01"], valid_until=datetime.date(9999, 12, 31))
    url = reverse("conditions:partner_eligibility", args=[vnpt.pk]) + "?on=31/12/9999"
    assert as_user(auditor).get(url).status_code == 200
