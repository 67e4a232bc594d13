"""The eligibility pages run as many SQL queries with 20 partners or rows as with 2."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conditions.models import Evidence
from tests.factories import PartnerFactory, accept, condition_set, decide, submit
from tests.samples import upload

pytestmark = pytest.mark.django_db

SMALL, LARGE = 2, 20
ON = datetime.date(2026, 3, 1)


def _queries(client, url, data=None):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, data).status_code == 200
    return len(captured)


def _rejected(partner, condition):
    return decide(submit(partner, condition), Evidence.Status.REJECTED, reason="Thiếu chữ ký")


def test_the_overview_is_flat_in_the_number_of_partners(login, auditor, codes, django_assert_max_num_queries):
    def grow(n):
        for _ in range(n):
            partner = PartnerFactory()
            accept(partner, codes["PL-01"], valid_until=ON + datetime.timedelta(days=10))  # expiring on ON
            _rejected(partner, codes["ATTT-01"])

    client, url, on = login(auditor), reverse("conditions:eligibility"), {"on": ON.strftime("%d/%m/%Y")}
    grow(SMALL)
    small = _queries(client, url, on)
    grow(LARGE - SMALL)
    with django_assert_max_num_queries(small):
        response = client.get(url, on)
    assert len(response.context["rows"]) == LARGE


def test_a_partners_page_is_flat_in_conditions_and_evidence(login, vnpt, vnpt_user, django_assert_max_num_queries):
    def with_evidence(n, effective_from):
        rules = condition_set(*[f"G-{i:02d}" for i in range(n)], effective_from=effective_from)
        for condition in rules.conditions.all():  # submitted while the set is the newest, so open
            accept(vnpt, condition)
            _rejected(vnpt, condition)
        return rules

    small_set = with_evidence(SMALL, datetime.date(2025, 1, 1))
    large_set = with_evidence(LARGE, datetime.date(2025, 6, 1))
    client, url = login(vnpt_user), reverse("conditions:partner_eligibility", args=[vnpt.pk])
    small = _queries(client, url, {"set": small_set.pk})
    with django_assert_max_num_queries(small):
        response = client.get(url, {"set": large_set.pk})
    assert len(response.context["verdict"].standings) == LARGE


def test_the_assessment_queue_is_flat(login, assessor, codes, django_assert_max_num_queries):
    def grow(n):
        for _ in range(n):
            submit(PartnerFactory(), codes["PL-01"])

    client, url = login(assessor), reverse("conditions:queue")
    grow(SMALL)
    small = _queries(client, url)
    grow(LARGE - SMALL)
    with django_assert_max_num_queries(small):
        response = client.get(url)
    assert len(response.context["page"]) == LARGE


def test_an_evidence_page_is_flat_in_files_and_earlier_submissions(login, assessor, vnpt, codes,
                                                                   django_assert_max_num_queries):
    def shown_after(n, condition):
        for _ in range(n):
            _rejected(vnpt, condition)
        return submit(vnpt, condition, uploads=[upload(f"scan-{i}.pdf") for i in range(n)])

    small_shown = shown_after(SMALL, codes["PL-01"])
    large_shown = shown_after(LARGE, codes["ATTT-01"])
    client = login(assessor)
    small = _queries(client, reverse("conditions:evidence", args=[small_shown.pk]))
    with django_assert_max_num_queries(small):
        response = client.get(reverse("conditions:evidence", args=[large_shown.pk]))
    assert (len(response.context["earlier"]), response.context["evidence"].files.count()) == (LARGE, LARGE)
