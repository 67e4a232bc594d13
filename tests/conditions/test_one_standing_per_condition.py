"""Each condition shows one standing on the eligibility page, the verdict's, with every submission listed under
it: older evidence still accepted and a newer one rejected reads "Met", the rejection in the history."""

import datetime
import re

import pytest
from django.urls import reverse

from conditions.eligibility import Standing
from conditions.models import Evidence
from tests.factories import accept, decide, on_day, submit

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 3, 1)


def _row(response, code):
    html = response.content.decode()
    rows = re.findall(r"<tr class=\"standing-.*?</tr>", html, re.S)
    return next(row for row in rows if re.search(rf"<td[^>]*>{code}</td>", row))


def _page(client, vnpt):
    with on_day(DAY):
        return client.get(reverse("conditions:partner_eligibility", args=[vnpt.pk]))


def test_accepted_evidence_and_a_newer_rejection_show_one_standing_met_with_both_in_the_history(login, vnpt_user,
                                                                                               vnpt, codes):
    older = accept(vnpt, codes["PL-01"])
    newer = decide(submit(vnpt, codes["PL-01"]), Evidence.Status.REJECTED, reason="Bản chụp mờ")
    response = _page(login(vnpt_user), vnpt)
    [standing] = [s for s in response.context["verdict"].standings if s.condition.code == "PL-01"]
    assert standing.standing == Standing.MET
    assert [e.pk for e in standing.history] == [newer.pk, older.pk]
    row = _row(response, "PL-01")
    assert re.findall(r'class="badge standing [a-z_]+">([^<]*)<', row) == ["Met"]
    history = row[row.index("<details"):]
    assert "Rejected" in history and "Bản chụp mờ" in history and "Accepted" in history
    assert "Rejected" not in row[:row.index("<details")]


def test_a_rejection_with_nothing_accepted_is_the_standing_with_its_reason(login, vnpt_user, vnpt, codes):
    decide(submit(vnpt, codes["PL-01"]), Evidence.Status.REJECTED, reason="Bản chụp mờ")
    row = _row(_page(login(vnpt_user), vnpt), "PL-01")
    before_history = row[:row.index("<details")]
    assert re.findall(r'class="badge standing [a-z_]+">([^<]*)<', row) == ["Rejected"]
    assert "Bản chụp mờ" in before_history


def test_a_request_for_more_information_links_to_the_answer_on_the_evidence(login, vnpt_user, vnpt, codes):
    asked = decide(submit(vnpt, codes["PL-01"]), Evidence.Status.INFO_REQUESTED, reason="Thiếu trang 2")
    row = _row(_page(login(vnpt_user), vnpt), "PL-01")
    assert f'href="{reverse("conditions:evidence", args=[asked.pk])}">Answer on the evidence</a>' in row


def test_a_condition_without_evidence_has_no_history(login, vnpt_user, vnpt, codes):
    row = _row(_page(login(vnpt_user), vnpt), "PL-01")
    assert "<details" not in row and "No evidence" in row
