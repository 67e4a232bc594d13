"""The eligibility pages run as many SQL queries with 20 partners or rows as with 2."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conditions.models import Evidence, EvidenceFile
from tests.eligibility.conftest import evidence
from tests.factories import ConditionFactory, PartnerFactory, UserFactory, accept_evidence

pytestmark = pytest.mark.django_db

counter = itertools.count()


def _flat(client, url, grow, django_assert_max_num_queries):
    """Grow the data from 2 to 20 rows; the page must not need more queries than at 2."""
    grow(2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(18)
    with django_assert_max_num_queries(len(small)):
        assert client.get(url).status_code == 200


def _partner_with_evidence(codes):
    partner = PartnerFactory()
    accept_evidence(partner, codes["PL-01"], valid_until=datetime.date.today() + datetime.timedelta(days=10))
    evidence(partner, codes["ATTT-01"], UserFactory(), Evidence.Status.REJECTED)
    return partner


def test_the_overview_is_flat_in_the_number_of_partners(client, auditor, codes, django_assert_max_num_queries):
    client.force_login(auditor)
    _flat(client, reverse("conditions:eligibility"), lambda n: [_partner_with_evidence(codes) for _ in range(n)],
          django_assert_max_num_queries)


def test_a_partners_page_is_flat_in_conditions_and_evidence(client, vnpt, vnpt_user, condition_set,
                                                            django_assert_max_num_queries):
    def grow(n):
        for _ in range(n):
            condition = ConditionFactory(condition_set=condition_set, code=f"G-{next(counter)}")
            accept_evidence(vnpt, condition)
            evidence(vnpt, condition, vnpt_user, Evidence.Status.REJECTED)
            PartnerFactory()

    client.force_login(vnpt_user)
    _flat(client, reverse("conditions:partner_eligibility", args=[vnpt.pk]), grow, django_assert_max_num_queries)


def test_the_assessment_queue_is_flat(client, assessor, codes, django_assert_max_num_queries):
    def grow(n):
        for _ in range(n):
            evidence(PartnerFactory(), codes["PL-01"], UserFactory(), Evidence.Status.SUBMITTED)

    client.force_login(assessor)
    _flat(client, reverse("conditions:queue"), grow, django_assert_max_num_queries)


def test_an_evidence_page_is_flat_in_files_and_earlier_submissions(client, assessor, vnpt, vnpt_user, codes,
                                                                   django_assert_max_num_queries):
    shown = evidence(vnpt, codes["PL-01"], vnpt_user, Evidence.Status.SUBMITTED)

    def grow(n):
        for _ in range(n):
            evidence(vnpt, codes["PL-01"], UserFactory(), Evidence.Status.REJECTED)
            EvidenceFile.objects.create(evidence=shown, file=f"evidence/{next(counter):032x}.pdf",
                                        original_name="scan.pdf", content_type="application/pdf", size=10,
                                        sha256="0" * 64)

    client.force_login(assessor)
    _flat(client, reverse("conditions:evidence", args=[shown.pk]), grow, django_assert_max_num_queries)
