"""Minutes dropped before signing are "cancelled", never "terminated": their own status, date and notes, and that
word on every page, count and filter. Terminating stays for signed minutes, and old cancellations (kept as
terminated with the reason "cancelled") are moved over by migration 0020."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from agreements import selectors, services
from agreements.models import Agreement, StatusChange
from tests.agreements.listing_pages import listed
from tests.factories import agreement_in, cancelled, signed

pytestmark = pytest.mark.django_db

S = Agreement.Status
DAY = datetime.date(2026, 3, 1)


@pytest.mark.parametrize("status", [S.DRAFT, S.REVIEW])
def test_a_draft_or_minutes_in_review_become_cancelled_with_their_date_and_notes(drafter, status):
    dropped = services.agreement_cancel(agreement=agreement_in(status), by=drafter, cancelled_on=DAY, notes="Trùng")
    dropped.refresh_from_db()
    assert (dropped.status, dropped.cancelled_on, dropped.cancellation_notes) == (S.CANCELLED, DAY, "Trùng")
    assert (dropped.terminated_on, dropped.termination_reason) == (None, "")
    assert StatusChange.objects.filter(agreement=dropped).latest("pk").to_status == S.CANCELLED


def test_signed_minutes_cannot_be_cancelled(drafter):
    agreement = signed(by=drafter)
    with pytest.raises(services.TransitionRefused) as refused:
        services.agreement_cancel(agreement=agreement, by=drafter, cancelled_on=DAY)
    assert refused.value.reasons == ["A signed agreement cannot become cancelled."]
    agreement.refresh_from_db()
    assert (agreement.status, agreement.cancelled_on) == (S.SIGNED, None)


def test_cancelled_minutes_cannot_be_terminated(drafter):
    agreement = cancelled(by=drafter)
    with pytest.raises(services.TransitionRefused) as refused:
        services.agreement_terminate(agreement=agreement, by=drafter, terminated_on=DAY, reason_code="mutual")
    assert refused.value.reasons == ["A cancelled agreement cannot become terminated."]


def test_the_page_says_cancelled_with_the_date_and_offers_no_more_moves(login, drafter):
    agreement = cancelled(by=drafter, cancelled_on=DAY, notes="Đơn vị rút hồ sơ")
    page = login(drafter).get(agreement.get_absolute_url()).content.decode()
    assert 'class="badge cancelled"' in page
    assert "<dt>Cancelled</dt><dd>01/03/2026<br>Đơn vị rút hồ sơ</dd>" in page
    assert "<dt>Terminated</dt>" not in page
    assert reverse("agreements:transition", args=[agreement.pk, "terminate"]) not in page


def test_a_drafts_page_asks_for_the_date_of_cancellation_and_not_of_termination(login, drafter):
    page = login(drafter).get(reverse("agreements:confirm", args=[agreement_in(S.DRAFT).pk, "cancel"]))
    assert 'name="cancelled_on"' in page.content.decode() and 'name="terminated_on"' not in page.content.decode()


def test_the_termination_of_signed_minutes_offers_no_cancellation_among_its_reasons(login, drafter):
    page = login(drafter).get(reverse("agreements:confirm", args=[signed(by=drafter).pk, "terminate"])).content.decode()
    assert 'name="reason_code"' in page and 'value="mutual"' in page
    assert 'value="cancelled"' not in page


def test_the_list_filters_and_the_dashboard_counts_cancelled_apart_from_terminated(login, drafter):
    dropped = cancelled(by=drafter)
    ended = agreement_in(S.TERMINATED, by=drafter)
    client = login(drafter)
    assert listed(client, "status=cancelled") == [dropped]
    assert listed(client, "status=terminated") == [ended]
    counts = selectors.counts_by_status(drafter)
    assert (counts[S.CANCELLED.label], counts[S.TERMINATED.label]) == (1, 1)


def test_the_migration_moves_old_cancellations_to_their_own_status(drafter):
    old = agreement_in(S.DRAFT, by=drafter)
    old.status, old.terminated_on, old.termination_reason, old.termination_notes = S.TERMINATED, DAY, "cancelled", "Cũ"
    old.save()
    StatusChange.objects.create(agreement=old, from_status=S.DRAFT, to_status=S.TERMINATED, by=drafter, reason="x")
    ended = agreement_in(S.TERMINATED, by=drafter)
    migration = importlib.import_module("agreements.migrations.0020_cancelled_is_not_terminated")
    migration.cancelled_apart(apps, None)
    old.refresh_from_db()
    ended.refresh_from_db()
    assert (old.status, old.cancelled_on, old.cancellation_notes, old.terminated_on, old.termination_reason) == (
        S.CANCELLED, DAY, "Cũ", None, "")
    assert StatusChange.objects.filter(agreement=old).latest("pk").to_status == S.CANCELLED
    assert (ended.status, ended.termination_reason) == (S.TERMINATED, "term_ended")
