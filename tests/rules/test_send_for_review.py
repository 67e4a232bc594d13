"""Sending minutes for review: only complete minutes go, and every gap is named (services)."""

import datetime

import pytest

from agreements import services
from agreements.models import Agreement, Clause, LegalBasis
from tests.factories import AuthorityDocumentFactory, make_agreement, old_province

pytestmark = pytest.mark.django_db


def _refusals(agreement, by):
    """The reasons given for refusing to send; the draft stays a draft and nobody is sent anything."""
    with pytest.raises(services.TransitionRefused) as refused:
        services.agreement_send_for_review(agreement=agreement, by=by)
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.DRAFT
    assert not agreement.review_requests.filter(sent_at__isnull=False).exists()
    return refused.value.reasons


def test_complete_minutes_go_for_review(drafter):
    agreement = make_agreement(by=drafter)
    sent = services.agreement_send_for_review(agreement=agreement, by=drafter)
    assert sent.status == Agreement.Status.REVIEW


def test_sending_stamps_each_department_asked_with_the_time_it_was_sent(drafter):
    agreement = make_agreement(by=drafter)
    assert agreement.review_requests.get().sent_at is None
    services.agreement_send_for_review(agreement=agreement, by=drafter)
    assert agreement.review_requests.get().sent_at is not None


def test_sending_is_refused_without_any_legal_basis(drafter):
    agreement = make_agreement(by=drafter)
    for basis in agreement.legal_bases.all():
        basis.delete()
    assert "Add at least one legal basis." in _refusals(agreement, drafter)


def test_sending_is_refused_without_the_partners_authority_document(drafter, vnpt):
    agreement = make_agreement(by=drafter, partner=vnpt)
    agreement.legal_bases.get(authority_document__isnull=False).delete()
    assert _refusals(agreement, drafter) == ["Cite among the legal bases an authority document of VNPT-IT."]


def test_citing_another_partners_authority_document_does_not_count(drafter, vnpt, vietsens):
    agreement = make_agreement(by=drafter, partner=vnpt)
    basis = agreement.legal_bases.get(authority_document__isnull=False)
    basis.authority_document = AuthorityDocumentFactory(partner=vietsens)
    basis.save()
    assert _refusals(agreement, drafter) == ["Cite among the legal bases an authority document of VNPT-IT."]


def test_a_basis_without_authority_document_does_not_count_as_one(drafter, vnpt):
    agreement = make_agreement(by=drafter, partner=vnpt)
    agreement.legal_bases.get(authority_document__isnull=False).delete()
    LegalBasis.objects.create(agreement=agreement, position=3, kind=LegalBasis.Kind.AUTHORITY,
                              citation="Điều lệ Công ty Công nghệ thông tin VNPT")
    assert _refusals(agreement, drafter) == ["Cite among the legal bases an authority document of VNPT-IT."]


@pytest.mark.parametrize("section", Clause.REQUIRED_SECTIONS)
def test_sending_is_refused_when_a_required_clause_section_is_missing(drafter, section):
    agreement = make_agreement(by=drafter)
    agreement.clauses.get(section=section).delete()
    label = Clause.Section(section).label
    assert _refusals(agreement, drafter) == [f"Add a clause in the section “{label}”."]


def test_sending_is_refused_without_a_province(drafter):
    agreement = make_agreement(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, provinces=[])
    assert _refusals(agreement, drafter) == ["Name at least one province in scope."]


def test_sending_is_refused_without_a_term(drafter):
    agreement = make_agreement(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, header={"term_start": None, "term_end": None})
    assert _refusals(agreement, drafter) == ["Set the term: its start and its end."]


def test_sending_is_refused_with_no_department_asked(drafter):
    agreement = make_agreement(by=drafter)
    agreement.review_requests.get().delete()
    assert _refusals(agreement, drafter) == ["Ask at least one department for its opinion."]


def test_sending_is_refused_for_a_province_not_in_force_when_the_term_starts(drafter):
    agreement = make_agreement(by=drafter, provinces=[old_province("02")])  # Hà Giang, until 30/06/2025
    reasons = _refusals(agreement, drafter)
    assert reasons == ["Not in force when the term starts (01/01/2026): Hà Giang. Choose the provinces of that period."]


def test_every_gap_is_listed_at_once_not_just_the_first(drafter, vnpt):
    agreement = make_agreement(by=drafter, partner=vnpt, complete=False)
    expected = (
        ["Add at least one legal basis.", "Cite among the legal bases an authority document of VNPT-IT."]
        + [f"Add a clause in the section “{Clause.Section(s).label}”." for s in Clause.REQUIRED_SECTIONS]
        + ["Name at least one province in scope.", "Set the term: its start and its end.",
           "Ask at least one department for its opinion."]
    )
    assert sorted(_refusals(agreement, drafter)) == sorted(expected)


def test_a_refused_send_can_succeed_once_the_gap_is_filled(drafter):
    agreement = make_agreement(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, header={"term_start": None, "term_end": None})
    _refusals(agreement, drafter)
    services.agreement_update(agreement=agreement, by=drafter, header={
        "term_start": datetime.date(2026, 1, 1), "term_end": datetime.date(2027, 12, 31)})
    assert services.agreement_send_for_review(agreement=agreement, by=drafter).status == Agreement.Status.REVIEW
