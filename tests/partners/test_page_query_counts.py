"""The partner pages run no more SQL queries with 50 rows than with 2."""

import pytest
from django.urls import reverse

from partners import services
from tests.core.page_queries import assert_flat
from tests.factories import AuthorityDocumentFactory, PartnerFactory, catalogue, draft, member

pytestmark = pytest.mark.django_db


def test_the_partner_list_is_flat(login, drafter, django_assert_max_num_queries):
    def grow(n):
        for partner in PartnerFactory.create_batch(n):
            draft(partner=partner, condition_set=catalogue(), complete=False)  # counted on the list

    assert_flat(login(drafter), reverse("partners:list"), grow, django_assert_max_num_queries)


def test_a_partners_page_is_flat_in_documents_agreements_and_members(login, drafter, vnpt,
                                                                     django_assert_max_num_queries):
    def grow(n):
        AuthorityDocumentFactory.create_batch(n, partner=vnpt)
        for _ in range(n):
            draft(partner=vnpt, condition_set=catalogue(), complete=False)
            member(vnpt)

    assert_flat(login(drafter), reverse("partners:detail", args=[vnpt.pk]), grow, django_assert_max_num_queries)


def test_a_members_view_of_its_units_page_is_flat(login, vnpt, vnpt_user, django_assert_max_num_queries):
    def grow(n):
        AuthorityDocumentFactory.create_batch(n, partner=vnpt)
        for _ in range(n):
            draft(partner=vnpt, condition_set=catalogue(), complete=False)

    assert_flat(login(vnpt_user), reverse("partners:detail", args=[vnpt.pk]), grow, django_assert_max_num_queries)


def test_a_partners_history_is_flat_in_changes_documents_and_members(login, drafter, auditor, vnpt,
                                                                     django_assert_max_num_queries):
    def grow(n):
        AuthorityDocumentFactory.create_batch(n, partner=vnpt)
        for _ in range(n):
            member(vnpt)
            services.partner_update(partner=vnpt, by=drafter, contact_phone=f"024 {vnpt.history.count():07d}")

    assert_flat(login(auditor), reverse("partners:history", args=[vnpt.pk]), grow, django_assert_max_num_queries)
