"""Inserting the standard clauses changes a draft, so it follows the rules of every action view: a
drafter starts each missing section from the library; GET gets 405, an outsider 404, other roles 403."""

import pytest
from django.urls import reverse

from agreements import services as _services
from agreements.models import Clause
from core import roles
from tests.factories import clerk, draft, in_review, signed
from tests.pages import flash_messages

pytestmark = pytest.mark.django_db


@pytest.fixture
def bare(drafter, vnpt):
    """A VNPT draft with no clause yet, so any wrongful insertion shows."""
    return draft(by=drafter, partner=vnpt, complete=False)


def _url(agreement):
    return reverse("agreements:standard_clauses", args=[agreement.pk])


def test_a_drafter_inserts_the_standard_clauses(login, drafter, bare):
    response = login(drafter).post(_url(bare))
    assert response.status_code == 302
    assert response.url == reverse("agreements:edit", args=[bare.pk])
    present = set(bare.clauses.values_list("section", flat=True))
    assert present == set(Clause.REQUIRED_SECTIONS)
    assert flash_messages(response) == [f"{len(present)} standard clauses inserted; edit them as needed."]


def test_a_draft_with_every_section_gets_nothing_more(login, drafter, vnpt):
    complete = draft(by=drafter, partner=vnpt)
    before = complete.clauses.count()
    response = login(drafter).post(_url(complete))
    assert flash_messages(response) == ["Every section already has a clause."]
    assert complete.clauses.count() == before


def test_a_signed_agreement_gets_no_standard_clauses(login, drafter, vnpt):
    agreement = signed(by=drafter, partner=vnpt)
    before = agreement.clauses.count()
    response = login(drafter).post(_url(agreement))
    assert flash_messages(response) == ["Only a draft can be edited; this agreement is signed."]
    assert agreement.clauses.count() == before


def test_standard_clauses_answer_405_to_get(login, drafter, bare):
    assert login(drafter).get(_url(bare)).status_code == 405
    assert not bare.clauses.exists()


def test_a_partner_user_gets_404_inserting_clauses_into_another_units_draft(login, vietsens_user, bare):
    assert login(vietsens_user).post(_url(bare)).status_code == 404
    assert not bare.clauses.exists()


def test_a_partner_user_gets_404_inserting_clauses_into_its_own_never_sent_draft(login, vnpt_user, bare):
    assert login(vnpt_user).post(_url(bare)).status_code == 404
    assert not bare.clauses.exists()


def test_a_partner_user_gets_403_inserting_clauses_into_its_own_draft_once_sent(login, vnpt_user, vnpt):
    agreement = in_review(partner=vnpt)
    agreement = _services.agreement_return_for_revision(agreement=agreement, by=clerk(roles.DRAFTER), reason="Sửa")
    before = agreement.clauses.count()
    assert login(vnpt_user).post(_url(agreement)).status_code == 403
    assert agreement.clauses.count() == before


@pytest.mark.parametrize("persona", ["auditor", "signer"])
def test_a_read_only_role_gets_403_inserting_standard_clauses(request, login, bare, persona):
    assert login(request.getfixturevalue(persona)).post(_url(bare)).status_code == 403
    assert not bare.clauses.exists()
