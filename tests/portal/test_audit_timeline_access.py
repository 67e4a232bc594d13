"""Who opens the auditors' timeline: those who may read the full history (auditors, Ministry staff with
the grant), offered in the menu; a partner's user or a reviewer gets 403 and no menu entry."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

pytestmark = pytest.mark.django_db
LINK = '<a href="/audit/">Audit record</a>'


@pytest.mark.parametrize("persona", ["auditor", "drafter", "signer"])
def test_those_who_read_the_history_find_the_timeline_in_the_menu(login, request, persona):
    response = login(request.getfixturevalue(persona)).get(reverse("dashboard"))
    assertContains(response, LINK, html=True)
    assert login(request.getfixturevalue(persona)).get(reverse("audit")).status_code == 200


@pytest.mark.parametrize("persona", ["vnpt_user", "reviewer"])
def test_a_partner_user_or_a_reviewer_gets_403_and_no_menu_entry(login, request, persona, drafter):
    client = login(request.getfixturevalue(persona))
    assertNotContains(client.get(reverse("dashboard")), LINK, html=True)
    response = client.get(reverse("audit"))
    assert response.status_code == 403
    assertNotContains(response, "drafter", status_code=403)
