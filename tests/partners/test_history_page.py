"""A unit's history page: its profile, documents and members, who changed what and why; for those who
hold core.view_history (Ministry staff and auditors), never for the unit's own members."""

import pytest
from django.urls import reverse

from partners import services

pytestmark = pytest.mark.django_db


def test_the_history_page_shows_the_unit_its_documents_and_members(login, auditor, drafter, vnpt, vnpt_user):
    services.partner_update(partner=vnpt, by=drafter, reason="Đổi địa chỉ", address="Đà Nẵng")
    response = login(auditor).get(reverse("partners:history", args=[vnpt.pk]))
    entries = response.context["entries"]
    assert [(str(e["model"]), str(e["action"])) for e in entries] == [
        ("partner unit", "Changed"), ("member", "Created"), ("partner unit", "Created")]
    assert (entries[0]["user"], entries[0]["reason"]) == (drafter, "Đổi địa chỉ")
    assert [(c.label, c.old, c.new) for c in entries[0]["changes"]] == [("address", "Hà Nội", "Đà Nẵng")]


def test_a_member_cannot_read_its_own_units_history(login, vnpt, vnpt_user):
    client = login(vnpt_user)
    assert client.get(reverse("partners:detail", args=[vnpt.pk])).status_code == 200
    assert client.get(reverse("partners:history", args=[vnpt.pk])).status_code == 403


def test_another_units_member_gets_404_on_the_history_page(login, vnpt, vietsens_user):
    assert login(vietsens_user).get(reverse("partners:history", args=[vnpt.pk])).status_code == 404
