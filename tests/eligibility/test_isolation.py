"""A partner never sees another partner's evidence, decisions or eligibility."""

import pytest
from django.urls import reverse

from conditions import services
from tests.eligibility.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def vnpt_evidence(vnpt, vnpt_user, assessor, codes):
    """VNPT's rejected submission for PL-01, with a file."""
    evidence = submit(vnpt, codes["PL-01"], vnpt_user)
    return services.evidence_decide(evidence=evidence, by=assessor, decision="rejected", reason="Bí mật của VNPT")


def _url(page, partner, evidence):
    return {
        "eligibility": reverse("conditions:partner_eligibility", args=[partner.pk]),
        "evidence": reverse("conditions:evidence", args=[evidence.pk]),
        "download": reverse("conditions:download", args=[evidence.files.get().pk]),
    }[page]


@pytest.mark.parametrize("page", ["eligibility", "evidence", "download"])
def test_another_partners_user_gets_404_on_vnpts_pages(client, vietsens_user, vnpt, vnpt_evidence, page):
    url = _url(page, vnpt, vnpt_evidence)
    client.force_login(vietsens_user)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("page", ["eligibility", "evidence", "download"])
def test_vnpts_own_user_opens_the_same_pages(client, vnpt_user, vnpt, vnpt_evidence, page):
    url = _url(page, vnpt, vnpt_evidence)
    client.force_login(vnpt_user)
    assert client.get(url).status_code == 200


def test_the_overview_lists_only_the_partner_users_own_unit(client, vietsens_user, vietsens, vnpt, vnpt_evidence):
    client.force_login(vietsens_user)
    response = client.get(reverse("conditions:eligibility"))
    assert [partner for partner, _verdict in response.context["rows"]] == [vietsens]
    assert "VNPT" not in response.content.decode()


def test_ministry_staff_see_every_unit_in_the_overview(client, auditor, vietsens, vnpt):
    client.force_login(auditor)
    response = client.get(reverse("conditions:eligibility"))
    assert {partner for partner, _verdict in response.context["rows"]} == {vietsens, vnpt}


def test_a_partner_user_does_not_see_another_units_decision_on_its_own_page(client, vietsens_user, vietsens,
                                                                            vnpt_evidence):
    client.force_login(vietsens_user)
    response = client.get(reverse("conditions:partner_eligibility", args=[vietsens.pk]))
    assert response.status_code == 200
    assert "Bí mật của VNPT" not in response.content.decode()
    assert all(standing.latest is None for standing in response.context["verdict"].standings)


def test_a_partner_user_sees_no_queue(client, vietsens_user, vnpt_evidence):
    client.force_login(vietsens_user)
    assert client.get(reverse("conditions:queue")).status_code == 403
