"""Issue 14: one name per state. The same evidence read "Đã nộp" on its page and "Chờ thẩm định" in the
eligibility table. Each state's label comes from its model's choices: a list or table shows the same word
as the detail page, for every state of evidence, agreements, condition sets, hand-back obligations and
review requests."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.models import Agreement, ReviewRequest
from conditions.models import ConditionSet, Evidence
from tests.factories import agreement_in, condition_set, decide, in_review, on_day, reviewer_of, submit, terminated

pytestmark = pytest.mark.django_db


def _page(client, name, *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


def _badges(page, css_class, within=None):
    if within:
        page = re.search(rf'<table id="{within}"[^>]*>.*?</table>', page, re.S).group(0)
    return re.findall(rf'<span class="badge ?{css_class}">([^<]*)</span>', page)


@pytest.mark.parametrize("status", [s for s in Evidence.Status if s != Evidence.Status.SUBMITTED] + [None])
def test_evidence_reads_the_same_in_the_eligibility_table_and_on_its_page(login, assessor, vnpt, status):
    condition = condition_set("PL-01").conditions.get()
    evidence = submit(vnpt, condition)
    if status:
        decide(evidence, status, reason="Thiếu chữ ký", valid_from=datetime.date(2020, 1, 1),
               valid_until=datetime.date(2030, 12, 31))
        evidence.refresh_from_db()
    client = login(assessor)
    [on_its_page] = _badges(_page(client, "conditions:evidence", evidence.pk), evidence.status)
    table = _page(client, "conditions:partner_eligibility", vnpt.pk)
    # The condition's history of submissions: "<a href=…>date</a>: state (validity) — reason".
    [in_the_table] = re.findall(rf'href="{reverse("conditions:evidence", args=[evidence.pk])}">[^<]*</a>: '
                                r'([^(<—]*[^(<—\s])', table)
    assert on_its_page == in_the_table == Evidence.Status(evidence.status).label
    if evidence.status != Evidence.Status.ACCEPTED:  # a condition waiting on its evidence reads as the evidence
        assert re.findall(r'<span class="badge standing [a-z_]+">([^<]*)</span>', table) == [on_its_page]


@pytest.mark.parametrize("status", list(Agreement.Status))
def test_an_agreement_reads_the_same_in_the_list_and_on_its_page(login, drafter, status):
    agreement = agreement_in(status, by=drafter)
    client = login(drafter)
    assert (_badges(_page(client, "agreements:list"), status)
            == _badges(_page(client, "agreements:detail", agreement.pk), status)
            == [Agreement.Status(status).label])


def test_a_condition_set_reads_the_same_in_the_list_and_on_its_page_in_every_state(login, assessor):
    first = condition_set("PL-01")
    condition_set("PL-01", effective_from=first.effective_from + datetime.timedelta(days=365))
    condition_set("PL-02", effective_from=first.effective_from + datetime.timedelta(days=730), publish=False)
    client = login(assessor)
    listing = _page(client, "conditions:list")
    for made in ConditionSet.objects.all():
        assert (_badges(listing, made.status) == _badges(_page(client, "conditions:detail", made.pk), made.status)
                == [ConditionSet.Status(made.status).label])
    assert {made.status for made in ConditionSet.objects.all()} == set(ConditionSet.Status)


def test_a_hand_back_obligation_reads_the_same_on_the_agreement_and_on_the_hand_back_page(login, drafter):
    agreement = terminated(by=drafter)
    client = login(drafter)
    on_the_agreement = _badges(_page(client, "agreements:detail", agreement.pk), "open")
    assert on_the_agreement and set(on_the_agreement) == {"Not yet done"}
    assert _badges(_page(client, "agreements:handback", agreement.pk), "open") == on_the_agreement


@pytest.mark.parametrize("days_later, state", [(0, ReviewRequest.State.PENDING), (12, ReviewRequest.State.DUE_SOON),
                                                (15, ReviewRequest.State.OVERDUE)])
def test_a_review_request_reads_the_same_in_the_inbox_and_on_the_agreement(login, days_later, state):
    agreement = in_review()  # its department is asked to answer within 14 days
    [request] = agreement.review_requests.all()
    with on_day(timezone.localdate() + datetime.timedelta(days=days_later)):
        client = login(reviewer_of(request.department))
        inbox = _badges(_page(client, "agreements:inbox"), "[a-z ]*", within="inbox")
        detail = _badges(_page(client, "agreements:detail", agreement.pk), "[a-z ]*", within="addressees")
    assert inbox == detail == [state.label]
