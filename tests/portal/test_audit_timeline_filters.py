"""The timeline's filters: each one keeps only the entries it names, and a wrong value is answered next
to its field, never with an error page."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from agreements import services
from core import audit
from tests.factories import draft, signed
from tests.portal.audit_pages import rows, timeline

pytestmark = pytest.mark.django_db


def test_the_person_filter_keeps_that_persons_entries(login, drafter, signer, auditor):
    draft(by=drafter)
    login(signer)
    found = rows(login(auditor), person=signer.pk)
    assert found and {row.entry.actor_id for row in found} == {signer.pk}


def test_the_partner_filter_keeps_that_partners_entries_and_its_agreements(login, drafter, auditor, vnpt, vietsens):
    mine, other = draft(by=drafter, partner=vnpt), draft(by=drafter, partner=vietsens)
    found = rows(login(auditor), partner=vnpt.pk)
    assert {row.entry.partner_id for row in found} == {vnpt.pk}
    assert mine.pk in {row.entry.agreement_id for row in found} and other.pk not in {
        row.entry.agreement_id for row in found}


def test_the_agreement_filter_takes_a_number_or_an_id(login, drafter, auditor):
    numbered, plain = signed(by=drafter, number=2), draft(by=drafter)
    assert {row.entry.agreement_id for row in rows(login(auditor), agreement="02/" + numbered.symbol)} == {numbered.pk}
    assert {row.entry.agreement_id for row in rows(login(auditor), agreement=f"#{plain.pk}")} == {plain.pk}


def test_the_kind_of_object_filter_keeps_that_model(login, drafter, auditor):
    draft(by=drafter)
    found = rows(login(auditor), model="agreements.clause")
    assert found and {row.entry.model for row in found} == {"agreements.clause"}


@pytest.mark.parametrize("event,kinds", [("change", {"change"}), ("login", {"login", "login_failed"})])
def test_the_kind_of_event_filter_keeps_those_events(client, login, drafter, auditor, event, kinds):
    draft(by=drafter)
    client.post(reverse("login"), {"username": "drafter", "password": "wrong"})
    assert {row.entry.kind for row in rows(login(auditor), event=event)} == kinds


def test_the_dates_keep_the_entries_of_those_days(login, auditor):
    for day in (1, 2, 3):
        audit.record("export", at=datetime.datetime(2026, 3, day, 23, 30, tzinfo=datetime.UTC))  # 06:30 next day
    found = rows(login(auditor), since="03/03/2026", until="03/03/2026")
    assert [row.when for row in found] == ["03/03/2026 06:30"]


@pytest.mark.parametrize("field,value,message", [
    ("agreement", "99/KHONG-CO", "No agreement is numbered 99/KHONG-CO."),
    ("agreement", "biên bản số hai", "Write an agreement&#x27;s number, as 02/BB-CNTT, or its id, as #8."),
    ("since", "31/02/2026", "Enter a valid date."),
    ("person", "x", "Select a valid choice."),
    ("event", "delete", "Select a valid choice."),
])
def test_a_wrong_value_is_answered_next_to_its_field(login, auditor, field, value, message):
    response = timeline(login(auditor), **{field: value})
    assert list(response.context["form"].errors) == [field]
    assertContains(response, message)
    assert response.context["rows"] == ()


def test_a_period_that_ends_before_it_starts_is_refused(login, auditor):
    response = timeline(login(auditor), since="02/03/2026", until="01/03/2026")
    assert list(response.context["form"].errors) == ["until"]


def test_a_change_reason_is_kept_under_the_filters(login, drafter, auditor):
    agreement = draft(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, header={"software_version": "3"}, reason="Lý do")
    [row] = rows(login(auditor), agreement=f"#{agreement.pk}", person=drafter.pk, event="change",
                 model="agreements.agreement")[:1]
    assert row.reason == "Lý do"
