"""The register counts, for a partner's member, only the minutes it may read: those sent at least once.
A never-sent draft of its unit is not even counted."""

import pytest
from django.urls import reverse

from tests.factories import draft, in_review

pytestmark = pytest.mark.django_db


def _count(client, partner):
    rows = client.get(reverse("partners:list")).context["page"].object_list
    return {p.pk: p.n_agreements for p in rows}[partner.pk]


def test_a_partner_member_counts_only_the_minutes_sent_to_review(login, vnpt, vnpt_user, drafter):
    draft(partner=vnpt, by=drafter)
    in_review(partner=vnpt, by=drafter)
    assert _count(login(vnpt_user), vnpt) == 1


def test_ministry_staff_count_every_draft_too(login, vnpt, drafter):
    draft(partner=vnpt, by=drafter)
    in_review(partner=vnpt, by=drafter)
    assert _count(login(drafter), vnpt) == 2
