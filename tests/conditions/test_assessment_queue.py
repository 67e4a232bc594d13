"""The assessment queue lists what waits, oldest first; only assessors open it and decide."""

import pytest
from django.urls import reverse

from conditions import services
from conditions.models import Evidence
from core.exceptions import NotPermitted
from tests.factories import decide, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(vnpt, codes):
    return submit(vnpt, codes["PL-01"])


def test_the_queue_lists_only_submitted_evidence_oldest_first(login, assessor, vnpt, vietsens, codes):
    first = submit(vnpt, codes["PL-01"])
    second = submit(vietsens, codes["PL-01"])
    decided = submit(vnpt, codes["ATTT-01"])
    third = submit(vnpt, codes["KN-01"])
    decide(decided, Evidence.Status.REJECTED, reason="Thiếu chữ ký")
    response = login(assessor).get(reverse("conditions:queue"))
    assert response.status_code == 200
    assert list(response.context["page"]) == [first, second, third]


def test_an_assessor_decides_from_the_evidence_page(login, assessor, pending):
    response = login(assessor).get(reverse("conditions:evidence", args=[pending.pk]))
    assert response.context["can_decide"] is True
    assert response.context["form"] is not None


def test_a_decided_submission_offers_no_decision(login, assessor, pending):
    decide(pending, Evidence.Status.REJECTED, reason="Thiếu chữ ký")
    response = login(assessor).get(reverse("conditions:evidence", args=[pending.pk]))
    assert (response.context["can_decide"], response.context["form"]) == (False, None)


@pytest.mark.parametrize("persona", ["drafter", "signer", "auditor", "superuser", "vnpt_user"])
def test_who_is_not_an_assessor_gets_403_on_the_queue_and_on_deciding(login, request, pending, persona):
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse("conditions:queue")).status_code == 403
    response = client.post(reverse("conditions:decide", args=[pending.pk]), {"decision": "accepted"})
    assert response.status_code == 403
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == (Evidence.Status.SUBMITTED, None)


def test_the_service_refuses_who_is_not_an_assessor(signer, pending):
    with pytest.raises(NotPermitted, match="^Your roles do not allow assessing evidence.$"):
        services.evidence_decide(evidence=pending, by=signer, decision=Evidence.Status.REJECTED, reason="Không")
    pending.refresh_from_db()
    assert pending.status == Evidence.Status.SUBMITTED


def test_another_partners_user_gets_404_on_deciding(login, vietsens_user, pending):
    response = login(vietsens_user).post(reverse("conditions:decide", args=[pending.pk]), {"decision": "accepted"})
    assert response.status_code == 404
    pending.refresh_from_db()
    assert pending.status == Evidence.Status.SUBMITTED


def test_deciding_by_get_answers_405(login, assessor, pending):
    assert login(assessor).get(reverse("conditions:decide", args=[pending.pk])).status_code == 405
    pending.refresh_from_db()
    assert pending.status == Evidence.Status.SUBMITTED
