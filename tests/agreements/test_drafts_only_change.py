"""Only a draft's text may change: once sent, signed or ended, edits are refused and nothing moves,
through the drafting service and from the edit page."""

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement, Clause
from tests.agreements.edit_page_posts import clause_rows, edit_page
from tests.factories import agreement_in, draft, signed
from tests.pages import flash_messages

pytestmark = pytest.mark.django_db
S = Agreement.Status
NOT_A_DRAFT = [S.REVIEW, S.SIGNED, S.TERMINATED]


def _clauses_plus_one(agreement):
    kept = [services.Row(pk=c.pk, values={}) for c in agreement.clauses.all()]
    return kept + [services.Row(pk=None, values={"position": 99, "section": "effect", "heading": "Hiệu lực bổ sung",
                                                 "text": "Điều khoản thêm"})]


@pytest.mark.parametrize("status", NOT_A_DRAFT)
def test_the_header_cannot_be_changed_once_out_of_draft(drafter, status):
    agreement = agreement_in(status)
    versions = agreement.history.count()
    with pytest.raises(services.NotEditable) as refused:
        services.agreement_update(agreement=agreement, by=drafter, header={"software_version": "9.9"})
    assert refused.value.reasons == [f"Only a draft can be edited; this agreement is {S(status).label.lower()}."]
    agreement.refresh_from_db()
    assert (agreement.software_version, agreement.history.count()) == ("2.1", versions)


@pytest.mark.parametrize("status", NOT_A_DRAFT)
def test_clauses_cannot_be_added_once_out_of_draft(drafter, status):
    agreement = agreement_in(status)
    with pytest.raises(services.NotEditable):
        services.agreement_update(agreement=agreement, by=drafter, clauses=_clauses_plus_one(agreement))
    assert not Clause.objects.filter(agreement=agreement, text="Điều khoản thêm").exists()


def test_a_drafts_header_can_be_changed(drafter):
    agreement = draft(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, header={"software_version": "2.2"})
    agreement.refresh_from_db()
    assert agreement.software_version == "2.2"


def test_a_drafts_clauses_can_be_added(drafter):
    agreement = draft(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, clauses=_clauses_plus_one(agreement))
    assert Clause.objects.filter(agreement=agreement, text="Điều khoản thêm").exists()


def test_the_edit_page_of_a_signed_agreement_sends_the_drafter_back_with_a_message(login, drafter):
    agreement = signed()
    response = login(drafter).get(reverse("agreements:edit", args=[agreement.pk]), follow=True)
    assert response.redirect_chain == [(agreement.get_absolute_url(), 302)]
    assert flash_messages(response) == ["Only a draft can be edited; this agreement is signed."]


def test_posting_the_edit_page_of_a_signed_agreement_changes_nothing(login, drafter):
    agreement = signed()
    versions, clauses = agreement.history.count(), agreement.clauses.count()
    data = {**edit_page(agreement, software_version="9.9"), **clause_rows(agreement, new_text="Điều khoản thêm")}
    response = login(drafter).post(reverse("agreements:edit", args=[agreement.pk]), data, follow=True)
    assert response.redirect_chain == [(agreement.get_absolute_url(), 302)]
    assert flash_messages(response) == ["Only a draft can be edited; this agreement is signed."]
    agreement.refresh_from_db()
    assert (agreement.status, agreement.software_version) == (S.SIGNED, "2.1")
    assert (agreement.history.count(), agreement.clauses.count()) == (versions, clauses)


def test_the_edit_page_saves_a_draft(login, drafter):
    agreement = draft(by=drafter)
    response = login(drafter).post(reverse("agreements:edit", args=[agreement.pk]),
                                   edit_page(agreement, software_version="2.2"))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.software_version, agreement.clauses.count()) == ("2.2", len(Clause.Section.values))
