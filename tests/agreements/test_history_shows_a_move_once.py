"""Issue 14: the history's reason column repeated the move ("Draft → In review") when no reason was given.
The move shows once, in the changes column; the reason column shows a reason only when there is one."""

import re

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement
from core.tracking import tracked_save
from tests.factories import draft

pytestmark = pytest.mark.django_db


def _history(client, agreement):
    return client.get(reverse("agreements:history", args=[agreement.pk])).content.decode()


def test_a_move_with_a_reason_shows_the_move_and_the_reason(login, drafter, auditor):
    agreement = services.agreement_send_for_review(agreement=draft(by=drafter), by=drafter,
                                                   reason="Công văn 442/CNTT-TTUD")
    page = _history(login(auditor), agreement)
    assert page.count("Draft → In review") == 1
    assert re.search(r"<td[^>]*>Công văn 442/CNTT-TTUD</td>", page)


def test_a_move_recorded_with_the_old_default_reason_shows_the_move_once(login, drafter, auditor):
    agreement = draft(by=drafter)
    # A row from before issue 14, when the lifecycle wrote the move itself as the reason.
    agreement.status = Agreement.Status.REVIEW
    tracked_save(agreement, by=drafter, reason="Draft → In review")
    page = _history(login(auditor), agreement)
    assert page.count("Draft → In review") == 1

