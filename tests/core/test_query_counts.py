"""A page runs the same number of SQL queries with 2 rows as with 50."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements import services
from agreements.models import Clause, LegalBasis
from tests.factories import (
    AuthorityDocumentFactory,
    ConditionFactory,
    ConditionSetFactory,
    PartnerFactory,
    current_province,
    make_agreement,
    make_member,
)

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _flat(client, url, grow, django_assert_max_num_queries):
    """Grow the data from 2 to 50 rows and check the page's query count does not move."""
    grow(2)
    small = _queries(client, url() if callable(url) else url)
    grow(48)
    with django_assert_max_num_queries(small):
        assert client.get(url() if callable(url) else url).status_code == 200


def test_agreement_list_is_flat(client, drafter, django_assert_max_num_queries):
    client.force_login(drafter)
    _flat(client, reverse("agreements:list"), lambda n: [make_agreement(by=drafter) for _ in range(n)],
          django_assert_max_num_queries)


def test_partner_list_is_flat(client, drafter, django_assert_max_num_queries):
    client.force_login(drafter)
    _flat(client, reverse("partners:list"), lambda n: PartnerFactory.create_batch(n), django_assert_max_num_queries)


def test_partner_detail_is_flat(client, drafter, django_assert_max_num_queries):
    partner = PartnerFactory()
    client.force_login(drafter)

    def grow(n):
        AuthorityDocumentFactory.create_batch(n, partner=partner)
        for _ in range(n):
            make_agreement(by=drafter, partner=partner)
            make_member(partner, f"member-{partner.members.count()}")

    _flat(client, reverse("partners:detail", args=[partner.pk]), grow, django_assert_max_num_queries)


def test_agreement_detail_and_edit_are_flat(client, drafter, django_assert_max_num_queries):
    agreement = make_agreement(by=drafter)
    client.force_login(drafter)

    def grow(n):
        for i in range(n):
            LegalBasis.objects.create(agreement=agreement, position=10 + i, citation=f"Căn cứ {i}")
            Clause.objects.create(agreement=agreement, section="handing_party", position=10 + i, text=f"Khoản {i}")

    for name in ("detail", "edit"):
        _flat(client, reverse(f"agreements:{name}", args=[agreement.pk]), grow, django_assert_max_num_queries)


def test_agreement_history_is_flat(client, drafter, auditor, django_assert_max_num_queries):
    agreement = make_agreement(by=drafter)
    client.force_login(auditor)
    provinces = iter(p for p in __import__("core.models", fromlist=["Province"]).Province.objects.in_force_on(
        agreement.term_start).exclude(code="01"))

    def grow(n):
        for i in range(n):
            services.agreement_update(agreement=agreement, by=drafter, header={"software_version": f"2.{i}"},
                                      provinces=[current_province("01"), next(provinces)] if i % 2 else None)

    _flat(client, reverse("agreements:history", args=[agreement.pk]), grow, django_assert_max_num_queries)


def test_partner_history_and_dashboard_are_flat(client, drafter, auditor, django_assert_max_num_queries):
    partner = PartnerFactory()
    client.force_login(auditor)
    _flat(client, reverse("partners:history", args=[partner.pk]),
          lambda n: AuthorityDocumentFactory.create_batch(n, partner=partner), django_assert_max_num_queries)
    client.force_login(drafter)
    _flat(client, reverse("dashboard"), lambda n: [make_agreement(by=drafter) for _ in range(n)],
          django_assert_max_num_queries)


def test_condition_pages_are_flat(client, vnpt_user, django_assert_max_num_queries):
    condition_set = ConditionSetFactory()
    client.force_login(vnpt_user)
    _flat(client, reverse("conditions:detail", args=[condition_set.pk]),
          lambda n: ConditionFactory.create_batch(n, condition_set=condition_set), django_assert_max_num_queries)
    _flat(client, reverse("conditions:list"), lambda n: ConditionSetFactory.create_batch(n),
          django_assert_max_num_queries)


def test_a_partner_users_agreement_list_is_flat(client, drafter, vnpt, vnpt_user, django_assert_max_num_queries):
    client.force_login(vnpt_user)
    _flat(client, reverse("agreements:list"), lambda n: [make_agreement(by=drafter, partner=vnpt) for _ in range(n)],
          django_assert_max_num_queries)
