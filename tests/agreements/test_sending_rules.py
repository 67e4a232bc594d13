"""Sending minutes for review (agreements/guards/review.py): only complete minutes of an active partner
unit go, every gap is named at once, through the service and from the page (409 with the reasons);
and taking minutes back for revision, which needs a reason."""

import datetime

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement, Clause, LegalBasis
from partners import services as partner_services
from partners.models import Partner
from tests.factories import AuthorityDocumentFactory, PartnerFactory, draft, in_review, old_province
from tests.pages import field_errors, flash_messages, refusals

pytestmark = pytest.mark.django_db
S = Agreement.Status
Row = services.Row
AUTHORITY = "Cite among the legal bases an authority document of VNPT-IT."
DEPARTMENT = ("Cite among the legal bases what lets Cục Công nghệ thông tin act for the Ministry (the decision on its "
              "functions, the Minister's authorisation).")


# Each gap is made through the drafting service, as the edit page would save it.

def _bases(agreement, by, keep=lambda basis: True, change=lambda basis: {}, add=()):
    rows = [Row(b.pk, change(b)) for b in agreement.legal_bases.all() if keep(b)]
    services.agreement_update(agreement=agreement, by=by, legal_bases=rows + list(add))


def _drop_bases(agreement, by):
    _bases(agreement, by, keep=lambda basis: False)


def _drop_authority(agreement, by):
    _bases(agreement, by, keep=lambda basis: not basis.authority_document_id)


def _cite_another_partners_document(agreement, by):
    other = AuthorityDocumentFactory(partner=PartnerFactory())
    _bases(agreement, by, change=lambda basis: {"authority_document": other} if basis.authority_document_id else {})


def _cite_the_authority_in_words_only(agreement, by):
    words = Row(None, {"position": 3, "kind": LegalBasis.Kind.AUTHORITY,
                       "citation": "Điều lệ Công ty Công nghệ thông tin VNPT"})
    _bases(agreement, by, keep=lambda basis: not basis.authority_document_id, add=[words])


def _name_a_province_of_before_the_reorganisation(agreement, by):
    services.agreement_update(agreement=agreement, by=by, provinces=[old_province("02")])  # Hà Giang, to 30/06/2025


def _update(**changes):
    return lambda agreement, by: services.agreement_update(agreement=agreement, by=by, **changes)


GAPS = {  # the gap: how it is made, and every reason the refusal gives
    "no legal basis": (_drop_bases, "Add at least one legal basis.", AUTHORITY, DEPARTMENT),
    "no authority document": (_drop_authority, AUTHORITY),
    "another partner's authority document": (_cite_another_partners_document, AUTHORITY),
    "an authority basis citing no document": (_cite_the_authority_in_words_only, AUTHORITY),
    "no province": (_update(provinces=[]), "Name at least one province in scope."),
    "no term": (_update(header={"term_start": None, "term_end": None}), "Set the term: its start and its end."),
    "no department": (_update(review_requests=[]), "Ask at least one department for its opinion."),
    "a province not in force when the term starts": (
        _name_a_province_of_before_the_reorganisation,
        "Not in force when the term starts (01/01/2026): Hà Giang. Choose the provinces of that period."),
}


def _drop_section(agreement, by, section):
    rows = [Row(c.pk, {}) for c in agreement.clauses.exclude(section=section)]
    services.agreement_update(agreement=agreement, by=by, clauses=rows)


def _refusals(agreement, by):
    """The reasons the service gives for refusing to send."""
    with pytest.raises(services.TransitionRefused) as refused:
        services.agreement_send_for_review(agreement=agreement, by=by)
    _assert_still_a_draft(agreement)
    return refused.value.reasons


def _send(client, agreement, reason="Công văn 442/CNTT-TTUD"):
    return client.post(reverse("agreements:transition", args=[agreement.pk, "send"]), {"reason": reason})


def _assert_still_a_draft(agreement):
    """Still a draft, with no move recorded and no department sent anything."""
    agreement.refresh_from_db()
    assert agreement.status == S.DRAFT
    assert not agreement.status_changes.exists()
    assert not agreement.review_requests.filter(sent_at__isnull=False).exists()


def _every_gap():
    """What empty minutes lack, in the order the rules check it (read in English, so not at import)."""
    return (["Add at least one legal basis.", AUTHORITY]
            + [f"Add a clause in the section “{Clause.Section(s).label}”." for s in Clause.REQUIRED_SECTIONS]
            + ["Name at least one province in scope.", "Set the term: its start and its end.", DEPARTMENT,
               "Ask at least one department for its opinion."])


# --- complete minutes go, and each department asked is stamped with the time -----------------------

def test_complete_minutes_go_for_review(drafter):
    sent = services.agreement_send_for_review(agreement=draft(by=drafter), by=drafter)
    assert sent.status == S.REVIEW
    assert list(sent.status_changes.values_list("from_status", "to_status")) == [(S.DRAFT, S.REVIEW)]


def test_sending_stamps_each_department_asked_with_the_time_it_was_sent(drafter):
    agreement = draft(by=drafter)
    assert agreement.review_requests.get().sent_at is None
    services.agreement_send_for_review(agreement=agreement, by=drafter)
    assert agreement.review_requests.get().sent_at is not None


def test_the_drafter_sends_complete_minutes_from_the_page(login, drafter):
    agreement = draft(by=drafter)
    response = _send(login(drafter), agreement)
    assert response.status_code == 302
    assert flash_messages(response) == ["Sent for review."]
    agreement.refresh_from_db()
    assert agreement.status == S.REVIEW
    assert agreement.review_requests.get().sent_at is not None


# --- each gap refuses the sending, named ------------------------------------------------------------

@pytest.mark.parametrize("gap", GAPS)
def test_sending_is_refused_naming_the_gap(drafter, vnpt, gap):
    make_gap, *messages = GAPS[gap]
    agreement = draft(by=drafter, partner=vnpt)
    make_gap(agreement, drafter)
    assert _refusals(agreement, drafter) == messages


@pytest.mark.parametrize("gap", GAPS)
def test_the_page_names_the_gap_and_the_draft_stays_a_draft(login, drafter, vnpt, gap):
    make_gap, *messages = GAPS[gap]
    agreement = draft(by=drafter, partner=vnpt)
    make_gap(agreement, drafter)
    response = _send(login(drafter), agreement)
    assert response.status_code == 409
    assert refusals(response) == messages
    _assert_still_a_draft(agreement)


@pytest.mark.parametrize("section", Clause.REQUIRED_SECTIONS)
def test_sending_is_refused_when_a_required_clause_section_is_missing(drafter, section):
    agreement = draft(by=drafter)
    _drop_section(agreement, drafter, section)
    assert _refusals(agreement, drafter) == [f"Add a clause in the section “{Clause.Section(section).label}”."]


@pytest.mark.parametrize("section", Clause.REQUIRED_SECTIONS)
def test_the_page_names_a_missing_clause_section(login, drafter, section):
    agreement = draft(by=drafter)
    _drop_section(agreement, drafter, section)
    response = _send(login(drafter), agreement)
    assert response.status_code == 409
    assert refusals(response) == [f"Add a clause in the section “{Clause.Section(section).label}”."]
    _assert_still_a_draft(agreement)


def test_every_gap_is_listed_at_once_not_just_the_first(drafter, vnpt):
    assert _refusals(draft(by=drafter, partner=vnpt, complete=False), drafter) == _every_gap()


def test_the_page_lists_every_gap_at_once(login, drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt, complete=False)
    response = _send(login(drafter), agreement)
    assert response.status_code == 409
    assert refusals(response) == _every_gap()
    _assert_still_a_draft(agreement)


def test_a_refused_send_succeeds_once_the_gap_is_filled(drafter):
    agreement = draft(by=drafter)
    GAPS["no term"][0](agreement, drafter)
    _refusals(agreement, drafter)
    services.agreement_update(agreement=agreement, by=drafter, header={
        "term_start": datetime.date(2026, 1, 1), "term_end": datetime.date(2027, 12, 31)})
    assert services.agreement_send_for_review(agreement=agreement, by=drafter).status == S.REVIEW


def test_sending_is_refused_when_the_partner_unit_is_suspended(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    partner_services.partner_set_status(partner=vnpt, status=Partner.Status.SUSPENDED, by=drafter, reason="Vi phạm")
    assert _refusals(agreement, drafter) == ["VNPT-IT is suspended: only an active partner unit may take part."]


# --- returning for revision: the reason is required --------------------------------------------------

def test_minutes_in_review_go_back_to_draft_with_the_reason(drafter):
    returned = services.agreement_return_for_revision(agreement=in_review(by=drafter), by=drafter,
                                                      reason="Bổ sung điều khoản bảo mật")
    assert returned.status == S.DRAFT
    assert returned.status_changes.last().reason == "Bổ sung điều khoản bảo mật"


def test_returning_for_revision_without_a_reason_is_refused(drafter):
    agreement = in_review(by=drafter)
    with pytest.raises(services.TransitionRefused) as refused:
        services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="   ")
    assert refused.value.reasons == ["Say why the minutes go back for revision."]
    agreement.refresh_from_db()
    assert agreement.status == S.REVIEW


def test_the_drafter_returns_minutes_for_revision_from_the_page(login, drafter):
    agreement = in_review(by=drafter)
    response = login(drafter).post(reverse("agreements:transition", args=[agreement.pk, "return"]),
                                   {"reason": "Bổ sung điều khoản bảo mật"})
    assert response.status_code == 302
    assert flash_messages(response) == ["Returned for revision."]
    agreement.refresh_from_db()
    assert agreement.status == S.DRAFT


def test_the_page_marks_a_missing_reason_for_returning(login, drafter):
    agreement = in_review(by=drafter)
    response = login(drafter).post(reverse("agreements:transition", args=[agreement.pk, "return"]), {"reason": " "})
    assert response.status_code == 400
    assert field_errors(response, "reason") == ["This field is required."]
    agreement.refresh_from_db()
    assert agreement.status == S.REVIEW
