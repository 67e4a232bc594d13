"""Minutes dropped before signing are "cancelled", never "terminated": their own status, date and notes, and that
word on every page, count, filter, history line and notice. Terminating stays for signed minutes, and old
cancellations (kept as terminated with the reason "cancelled") are moved over by migrations 0020 and 0023."""

import datetime
import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from agreements import minutes_pdf
from agreements.models import Agreement, StatusChange
from core.models import Notification
from core.notices import render
from tests.agreements.listing_pages import listed
from tests.agreements.test_agreement_list_export import csv_rows
from tests.factories import agreement_in, cancelled, signed

pytestmark = pytest.mark.django_db

S = Agreement.Status
DAY = datetime.date(2026, 3, 1)


def _post(client, agreement, action, data):
    return client.post(reverse("agreements:transition", args=[agreement.pk, action]), data)


@pytest.mark.parametrize("status", [S.DRAFT, S.REVIEW])
def test_a_draft_or_minutes_in_review_become_cancelled_with_their_date_and_notes(login, drafter, status):
    agreement = agreement_in(status, by=drafter)
    response = _post(login(drafter), agreement, "cancel", {"cancelled_on": "01/03/2026", "notes": "Trùng"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.cancelled_on, agreement.cancellation_notes) == (S.CANCELLED, DAY, "Trùng")
    assert (agreement.terminated_on, agreement.termination_reason) == (None, "")
    assert StatusChange.objects.filter(agreement=agreement).latest("pk").to_status == S.CANCELLED


def test_cancelling_signed_minutes_is_refused_and_the_page_says_why(login, drafter):
    agreement = signed(by=drafter)
    response = _post(login(drafter), agreement, "cancel", {"cancelled_on": "01/03/2026"})
    assert response.status_code == 409
    assert "A signed agreement cannot become cancelled." in response.content.decode()
    agreement.refresh_from_db()
    assert (agreement.status, agreement.cancelled_on) == (S.SIGNED, None)


@pytest.mark.parametrize("status", [S.DRAFT, S.CANCELLED])
def test_minutes_never_signed_cannot_be_terminated(login, drafter, status):
    agreement = agreement_in(status, by=drafter)
    response = _post(login(drafter), agreement, "terminate", {"terminated_on": "01/03/2026", "reason_code": "mutual"})
    assert response.status_code == 409
    refusal = f"A {agreement.get_status_display().lower()} agreement cannot become terminated."
    assert refusal in response.content.decode()
    assert Agreement.objects.get(pk=agreement.pk).status == status


def test_signed_minutes_are_still_terminated_with_the_reason_chosen(login, drafter):
    agreement = signed(by=drafter)
    assert _post(login(drafter), agreement, "terminate",
                 {"terminated_on": "01/03/2026", "reason_code": "mutual"}).status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.terminated_on, agreement.termination_reason) == (S.TERMINATED, DAY, "mutual")
    assert agreement.cancelled_on is None


def test_the_termination_of_signed_minutes_offers_no_cancellation_among_its_reasons(login, drafter):
    page = login(drafter).get(reverse("agreements:confirm", args=[signed(by=drafter).pk, "terminate"])).content.decode()
    assert 'name="reason_code"' in page and 'value="mutual"' in page
    assert 'value="cancelled"' not in page


def test_a_drafts_page_asks_for_the_date_of_cancellation_and_not_of_termination(login, drafter):
    page = login(drafter).get(reverse("agreements:confirm", args=[agreement_in(S.DRAFT).pk, "cancel"])).content.decode()
    assert 'name="cancelled_on"' in page and "Cancelled on" in page
    assert 'name="terminated_on"' not in page and "Terminated on" not in page


def test_the_page_and_its_history_say_cancelled_and_offer_no_more_moves(login, drafter):
    agreement = cancelled(by=drafter, cancelled_on=DAY, notes="Đơn vị rút hồ sơ")
    client = login(drafter)
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert '<span class="badge cancelled">Cancelled</span>' in page
    assert "<dt>Cancelled</dt><dd>01/03/2026<br>Đơn vị rút hồ sơ</dd>" in page
    assert "<td>Draft → Cancelled</td><td>Cancelled before signing. Đơn vị rút hồ sơ</td>" in page
    assert "Terminated" not in page
    assert reverse("agreements:confirm", args=[agreement.pk, "terminate"]) not in page
    history = client.get(reverse("agreements:history", args=[agreement.pk])).content.decode()
    assert "Cancelled before signing. Đơn vị rút hồ sơ" in history and "Terminated" not in history


def test_the_list_and_the_dashboard_count_cancelled_apart_from_terminated(login, drafter):
    dropped, ended = cancelled(by=drafter), agreement_in(S.TERMINATED, by=drafter)
    client = login(drafter)
    assert listed(client, "status=cancelled") == [dropped]
    assert listed(client, "status=terminated") == [ended]
    assert '<span class="badge cancelled">Cancelled</span>' in client.get(reverse("agreements:list")).content.decode()
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert '<span class="badge">Cancelled: 1</span>' in dashboard
    assert '<span class="badge">Terminated: 1</span>' in dashboard


def test_the_export_gives_the_status_and_the_date_of_cancellation_in_their_own_columns(login, drafter):
    cancelled(by=drafter, cancelled_on=DAY)
    header, row = csv_rows(login(drafter).get(reverse("agreements:export_csv")))
    exported = dict(zip(header, row))
    assert (exported["status"], exported["cancelled on"], exported["terminated on"]) == ("Cancelled", "01/03/2026", "")


def test_the_pdf_of_cancelled_minutes_is_marked_cancelled_not_draft(drafter):
    assert '<div class="watermark">ĐÃ HỦY</div>' in minutes_pdf.minutes_html(cancelled(by=drafter))
    assert '<div class="watermark">DỰ THẢO</div>' in minutes_pdf.minutes_html(agreement_in(S.DRAFT, by=drafter))


def test_the_notice_tells_a_cancellation(login, drafter):
    cancelled(by=drafter, cancelled_on=DAY)
    notices = login(drafter).get(reverse("notices")).content.decode()
    assert "were cancelled on 01/03/2026" in notices and "terminated" not in notices.lower()


def _migration(name):
    """The migration's module and the models as they stood right after it."""
    state = MigrationExecutor(connection).loader.project_state(("agreements", name))
    return importlib.import_module(f"agreements.migrations.{name}"), state.apps


def test_migration_0020_moves_old_cancellations_to_their_own_status_and_back(drafter):
    old = agreement_in(S.DRAFT, by=drafter)
    old.status, old.terminated_on, old.termination_reason, old.termination_notes = S.TERMINATED, DAY, "cancelled", "Cũ"
    old.save()
    StatusChange.objects.create(agreement=old, from_status=S.DRAFT, to_status=S.TERMINATED, by=drafter, reason="x")
    ended = agreement_in(S.TERMINATED, by=drafter)
    migration, apps = _migration("0020_cancelled_is_not_terminated")
    migration.cancelled_apart(apps, None)
    old.refresh_from_db()
    assert (old.status, old.cancelled_on, old.cancellation_notes, old.terminated_on, old.termination_reason) == (
        S.CANCELLED, DAY, "Cũ", None, "")
    assert StatusChange.objects.filter(agreement=old).latest("pk").to_status == S.CANCELLED
    assert Agreement.objects.get(pk=ended.pk).status == S.TERMINATED
    migration.cancelled_as_terminated(apps, None)
    old.refresh_from_db()
    assert (old.status, old.terminated_on, old.termination_reason, old.cancelled_on) == (
        S.TERMINATED, DAY, "cancelled", None)


def test_migration_0023_makes_an_old_notice_of_cancellation_tell_a_cancellation_and_back(drafter):
    params = {"agreement": "#5", "partner": "VNPT-IT", "subject": "Bàn giao", "terminated_on": "01/03/2026",
              "cancelled": True, "reason": "Cancelled before signing", "notes": "Cũ"}
    old = Notification.objects.create(user=drafter, kind="agreement_terminated", key="terminated:5", params=params)
    ended = Notification.objects.create(user=drafter, kind="agreement_terminated", key="terminated:6",
                                        params={**params, "cancelled": False, "reason": "The term ended"})
    migration, apps = _migration("0023_cancellation_notices")
    migration.told_as_cancelled(apps, None)
    old.refresh_from_db()
    assert (old.kind, old.key) == ("agreement_cancelled", "cancelled:5")
    assert render(old.kind, old.params)[0] == "The handover minutes with VNPT-IT were cancelled on 01/03/2026"
    assert Notification.objects.get(pk=ended.pk).kind == "agreement_terminated"
    migration.told_as_terminated(apps, None)
    old.refresh_from_db()
    assert (old.kind, old.params["terminated_on"], old.params["cancelled"]) == (
        "agreement_terminated", "01/03/2026", True)
