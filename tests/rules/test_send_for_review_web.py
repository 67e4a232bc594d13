"""Sending for review from the page: refusals are listed on the page and the draft stays a draft."""

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement, Clause
from tests.factories import AuthorityDocumentFactory, PartnerFactory, make_agreement
from tests.rules.pages import refusals

pytestmark = pytest.mark.django_db
AUTHORITY = "Cite among the legal bases an authority document of VNPT-IT."


def _send(web, agreement, reason="Công văn 442/CNTT-TTUD"):
    return web.post(reverse("agreements:transition", args=[agreement.pk, "send"]), {"reason": reason})


def _drop_bases(agreement, by):
    for basis in agreement.legal_bases.all():
        basis.delete()


def _drop_authority(agreement, by):
    agreement.legal_bases.get(authority_document__isnull=False).delete()


def _cite_another_partners_document(agreement, by):
    basis = agreement.legal_bases.get(authority_document__isnull=False)
    basis.authority_document = AuthorityDocumentFactory(partner=PartnerFactory())
    basis.save()


def _drop_provinces(agreement, by):
    services.agreement_update(agreement=agreement, by=by, provinces=[])


def _drop_term(agreement, by):
    services.agreement_update(agreement=agreement, by=by, header={"term_start": None, "term_end": None})


def _drop_departments(agreement, by):
    agreement.review_requests.get().delete()


GAPS = {
    "no legal basis": (_drop_bases, "Add at least one legal basis."),
    "no authority document": (_drop_authority, AUTHORITY),
    "another partner's authority document": (_cite_another_partners_document, AUTHORITY),
    "no province": (_drop_provinces, "Name at least one province in scope."),
    "no term": (_drop_term, "Set the term: its start and its end."),
    "no department": (_drop_departments, "Ask at least one department for its opinion."),
}


def _assert_still_a_draft(agreement):
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.DRAFT
    assert not agreement.status_changes.exists()
    assert not agreement.review_requests.filter(sent_at__isnull=False).exists()


def test_the_drafter_sends_complete_minutes_from_the_page(web, drafter):
    agreement = make_agreement(by=drafter)
    response = _send(web, agreement)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.REVIEW
    assert agreement.review_requests.get().sent_at is not None


@pytest.mark.parametrize("gap", GAPS)
def test_the_page_names_the_gap_and_the_draft_stays_a_draft(web, drafter, vnpt, gap):
    make_gap, message = GAPS[gap]
    agreement = make_agreement(by=drafter, partner=vnpt)
    make_gap(agreement, drafter)
    response = _send(web, agreement)
    assert response.status_code == 409
    assert message in refusals(response)
    _assert_still_a_draft(agreement)


@pytest.mark.parametrize("section", Clause.REQUIRED_SECTIONS)
def test_the_page_names_a_missing_clause_section(web, drafter, section):
    agreement = make_agreement(by=drafter)
    agreement.clauses.get(section=section).delete()
    response = _send(web, agreement)
    assert response.status_code == 409
    assert refusals(response) == [f"Add a clause in the section “{Clause.Section(section).label}”."]
    _assert_still_a_draft(agreement)


def test_the_page_lists_every_gap_at_once(web, drafter, vnpt):
    agreement = make_agreement(by=drafter, partner=vnpt, complete=False)
    response = _send(web, agreement)
    assert response.status_code == 409
    shown = refusals(response)
    # two about legal bases, one per clause section, then province, term and department
    assert len(shown) == 2 + len(Clause.REQUIRED_SECTIONS) + 3
    for _make_gap, message in GAPS.values():
        assert message in shown
    _assert_still_a_draft(agreement)
