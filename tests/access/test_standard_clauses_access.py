"""Inserting the standard clauses changes a draft, so it follows the rules of every action view."""

import pytest
from django.urls import reverse

from agreements.models import Clause
from tests.factories import make_agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def bare_draft(drafter, vnpt):
    """A VNPT draft with no clause yet, so any wrongful insertion shows."""
    return make_agreement(by=drafter, partner=vnpt, complete=False)


def _url(agreement):
    return reverse("agreements:standard_clauses", args=[agreement.pk])


def test_standard_clauses_answer_405_to_get(login, drafter, bare_draft):
    assert login(drafter).get(_url(bare_draft)).status_code == 405
    assert not Clause.objects.filter(agreement=bare_draft).exists()


def test_a_partner_user_gets_404_inserting_clauses_into_another_units_draft(login, vietsens_user, bare_draft):
    assert login(vietsens_user).post(_url(bare_draft)).status_code == 404
    assert not Clause.objects.filter(agreement=bare_draft).exists()


def test_a_partner_user_gets_403_inserting_clauses_into_its_own_draft(login, vnpt_user, bare_draft):
    assert login(vnpt_user).post(_url(bare_draft)).status_code == 403
    assert not Clause.objects.filter(agreement=bare_draft).exists()


@pytest.mark.parametrize("persona", ["auditor", "signer"])
def test_a_read_only_role_gets_403_inserting_standard_clauses(request, login, bare_draft, persona):
    assert login(request.getfixturevalue(persona)).post(_url(bare_draft)).status_code == 403
    assert not Clause.objects.filter(agreement=bare_draft).exists()


def test_a_drafter_inserts_the_standard_clauses(login, drafter, bare_draft):
    response = login(drafter).post(_url(bare_draft))
    assert response.status_code == 302
    present = set(Clause.objects.filter(agreement=bare_draft).values_list("section", flat=True))
    assert present == set(Clause.REQUIRED_SECTIONS)
