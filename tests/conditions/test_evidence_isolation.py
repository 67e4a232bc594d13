"""A partner never sees another partner's evidence, decisions or eligibility."""

import pytest
from django.urls import reverse

from conditions.models import Evidence
from tests.factories import decide, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def vnpt_evidence(vnpt, codes):
    """VNPT's rejected submission for PL-01, with a file."""
    return decide(submit(vnpt, codes["PL-01"]), Evidence.Status.REJECTED, reason="Bí mật của VNPT")


def _url(page, partner, evidence):
    return {
        "eligibility": reverse("conditions:partner_eligibility", args=[partner.pk]),
        "evidence": reverse("conditions:evidence", args=[evidence.pk]),
        "download": reverse("conditions:download", args=[evidence.files.get().pk]),
    }[page]


@pytest.mark.parametrize("page", ["eligibility", "evidence", "download"])
def test_another_partners_user_gets_404_on_vnpts_pages(login, vietsens_user, vnpt, vnpt_evidence, page):
    response = login(vietsens_user).get(_url(page, vnpt, vnpt_evidence))
    assert response.status_code == 404
    assert "Bí mật của VNPT" not in response.content.decode()


@pytest.mark.parametrize("page", ["eligibility", "evidence", "download"])
def test_vnpts_own_user_opens_the_same_pages(login, vnpt_user, vnpt, vnpt_evidence, page):
    response = login(vnpt_user).get(_url(page, vnpt, vnpt_evidence))
    assert response.status_code == 200
    if page != "download":
        assert "Bí mật của VNPT" in response.content.decode()


def test_the_overview_lists_only_the_partner_users_own_unit(login, vietsens_user, vietsens, vnpt, vnpt_evidence):
    response = login(vietsens_user).get(reverse("conditions:eligibility"))
    assert [partner for partner, _verdict in response.context["rows"]] == [vietsens]
    assert "VNPT" not in response.content.decode()


def test_ministry_staff_see_every_unit_in_the_overview(login, auditor, vietsens, vnpt):
    response = login(auditor).get(reverse("conditions:eligibility"))
    assert {partner for partner, _verdict in response.context["rows"]} == {vietsens, vnpt}


def test_a_partner_user_does_not_see_another_units_decision_on_its_own_page(login, vietsens_user, vietsens,
                                                                            vnpt_evidence):
    response = login(vietsens_user).get(reverse("conditions:partner_eligibility", args=[vietsens.pk]))
    assert response.status_code == 200
    assert "Bí mật của VNPT" not in response.content.decode()
    assert [standing.latest for standing in response.context["verdict"].standings] == [None, None, None]


def test_a_partner_user_sees_no_queue(login, vietsens_user, vnpt_evidence):
    response = login(vietsens_user).get(reverse("conditions:queue"))
    assert response.status_code == 403
    assert "Bí mật của VNPT" not in response.content.decode()
