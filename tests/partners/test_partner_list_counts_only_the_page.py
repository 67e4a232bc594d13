"""The register counts agreements for the 25 partners it shows, in one grouped query over those partners
(issue 12: it counted all 20,000 agreements to show 25 partners), and the counts stay right on any page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PartnerFactory, draft, in_review

pytestmark = pytest.mark.django_db


def _rows(client, page=1):
    return client.get(reverse("partners:list"), {"page": page}).context["page"].object_list


def test_a_partner_on_the_second_page_is_counted_right(login, drafter):
    partners = PartnerFactory.create_batch(26)
    last = max(partners, key=lambda p: (p.short_name, p.pk))
    draft(partner=last, complete=False)
    draft(partner=last, complete=False)
    [row] = _rows(login(drafter), page=2)
    assert (row, row.n_agreements) == (last, 2)


def test_a_partner_without_agreements_counts_zero(login, drafter, vnpt):
    assert [(p, p.n_agreements) for p in _rows(login(drafter))] == [(vnpt, 0)]


def test_a_member_counts_its_sent_minutes_on_the_page(login, vnpt, vnpt_user):
    in_review(partner=vnpt)
    draft(partner=vnpt, complete=False)
    assert [(p, p.n_agreements) for p in _rows(login(vnpt_user))] == [(vnpt, 1)]


def test_the_count_reads_only_the_partners_shown(login, drafter):
    partners = PartnerFactory.create_batch(27)
    client = login(drafter)
    with CaptureQueriesContext(connection) as captured:
        shown = {p.pk for p in _rows(client)}
    [counting] = [q["sql"] for q in captured if 'FROM "agreements_agreement"' in q["sql"]]
    asked = re.search(r'"partner_id" IN \(([^)]*)\)', counting)
    assert asked, counting
    assert {int(pk) for pk in asked.group(1).split(",")} == shown
    assert len(shown) == 25 < len(partners)
