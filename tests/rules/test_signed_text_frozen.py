"""Only a draft's text may change: once sent, signed or ended, edits are refused and nothing moves."""

import datetime

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement, Clause
from tests.factories import make_agreement, make_signed
from tests.rules.pages import flash_messages
from tests.rules.posts import clause_rows, edit_page

pytestmark = pytest.mark.django_db
S = Agreement.Status


def _agreement_in(status, by):
    if status == S.SIGNED:
        return make_signed(by=by)
    agreement = make_agreement(by=by)
    if status == S.REVIEW:
        return services.agreement_send_for_review(agreement=agreement, by=by)
    if status == S.TERMINATED:
        return services.agreement_cancel(agreement=agreement, by=by, cancelled_on=datetime.date(2025, 12, 1))
    return agreement


def _clauses_plus_one(agreement):
    kept = [services.Row(pk=c.pk, values={}) for c in agreement.clauses.all()]
    return kept + [services.Row(pk=None, values={"position": 99, "section": "effect", "heading": "Hiệu lực bổ sung",
                                                 "text": "Điều khoản thêm"})]


@pytest.mark.parametrize("status", [S.REVIEW, S.SIGNED, S.TERMINATED])
def test_the_header_cannot_be_changed_once_out_of_draft(drafter, status):
    agreement = _agreement_in(status, drafter)
    versions = agreement.history.count()
    with pytest.raises(services.NotEditable):
        services.agreement_update(agreement=agreement, by=drafter, header={"software_version": "9.9"})
    agreement.refresh_from_db()
    assert agreement.software_version == "2.1"
    assert agreement.history.count() == versions


@pytest.mark.parametrize("status", [S.REVIEW, S.SIGNED, S.TERMINATED])
def test_clauses_cannot_be_added_once_out_of_draft(drafter, status):
    agreement = _agreement_in(status, drafter)
    with pytest.raises(services.NotEditable):
        services.agreement_update(agreement=agreement, by=drafter, clauses=_clauses_plus_one(agreement))
    assert not Clause.objects.filter(agreement=agreement, text="Điều khoản thêm").exists()


def test_a_drafts_header_can_be_changed(drafter):
    agreement = make_agreement(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, header={"software_version": "2.2"})
    agreement.refresh_from_db()
    assert agreement.software_version == "2.2"


def test_a_drafts_clauses_can_be_added(drafter):
    agreement = make_agreement(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, clauses=_clauses_plus_one(agreement))
    assert Clause.objects.filter(agreement=agreement, text="Điều khoản thêm").exists()


def test_the_edit_page_of_a_signed_agreement_sends_the_drafter_back_with_a_message(web, drafter):
    agreement = make_signed(by=drafter)
    response = web.get(reverse("agreements:edit", args=[agreement.pk]), follow=True)
    assert response.redirect_chain == [(agreement.get_absolute_url(), 302)]
    assert "Only a draft can be edited; this agreement is signed." in flash_messages(response)


def test_posting_the_edit_page_of_a_signed_agreement_changes_nothing(web, drafter):
    agreement = make_signed(by=drafter)
    versions, clauses = agreement.history.count(), agreement.clauses.count()
    data = edit_page(agreement, software_version="9.9")
    data.update(clause_rows(agreement, new_text="Điều khoản thêm"))
    response = web.post(reverse("agreements:edit", args=[agreement.pk]), data, follow=True)
    assert response.redirect_chain == [(agreement.get_absolute_url(), 302)]
    assert "Only a draft can be edited; this agreement is signed." in flash_messages(response)
    agreement.refresh_from_db()
    assert (agreement.status, agreement.software_version) == (S.SIGNED, "2.1")
    assert (agreement.history.count(), agreement.clauses.count()) == (versions, clauses)


def test_the_edit_page_saves_a_draft(web, drafter):
    agreement = make_agreement(by=drafter, complete=False)
    response = web.post(reverse("agreements:edit", args=[agreement.pk]), edit_page(agreement, software_version="2.2"))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.software_version == "2.2"
