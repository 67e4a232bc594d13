"""Who opens the auditors' timeline: the auditors, offered in the menu. Everyone else gets 403 and no menu
entry: Ministry staff who may read an object's history do not read everyone's logins and addresses."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

pytestmark = pytest.mark.django_db
LINK = '<a href="/audit/">Audit record</a>'


@pytest.mark.parametrize("persona", ["auditor"])
def test_the_auditors_find_the_timeline_in_the_menu(login, request, persona):
    response = login(request.getfixturevalue(persona)).get(reverse("dashboard"))
    assertContains(response, LINK, html=True)
    assert login(request.getfixturevalue(persona)).get(reverse("audit")).status_code == 200


@pytest.mark.parametrize("persona", ["vnpt_user", "reviewer", "drafter", "signer", "administrator", "superuser"])
def test_anyone_else_gets_403_and_no_menu_entry(login, request, persona, drafter):
    client = login(request.getfixturevalue(persona))
    assertNotContains(client.get(reverse("dashboard")), LINK, html=True)
    response = client.get(reverse("audit"))
    assert response.status_code == 403
    assert "portal/audit_timeline.html" not in [template.name for template in response.templates]
