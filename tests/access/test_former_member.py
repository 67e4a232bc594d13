"""A user taken out of a partner unit loses sight of its data at once."""

import pytest
from django.urls import reverse

from partners.models import Membership
from partners.services import member_remove

pytestmark = pytest.mark.django_db


@pytest.fixture
def former_member(vnpt_user, drafter):
    member_remove(membership=Membership.objects.get(user=vnpt_user), by=drafter, reason="Nghỉ việc")
    return vnpt_user


@pytest.mark.parametrize("name", ["partners:detail", "partners:edit", "partners:document_add"])
def test_a_former_member_gets_404_for_its_former_units_pages(login, former_member, vnpt, name):
    assert login(former_member).get(reverse(name, args=[vnpt.pk])).status_code == 404


def test_a_former_member_gets_404_for_its_former_units_agreement(login, former_member, vnpt_agreement):
    response = login(former_member).get(reverse("agreements:detail", args=[vnpt_agreement.pk]))
    assert response.status_code == 404


def test_a_former_member_gets_404_for_its_former_units_document(login, former_member, vnpt_document):
    response = login(former_member).get(reverse("partners:document_download", args=[vnpt_document.pk]))
    assert response.status_code == 404


def test_a_former_members_agreement_list_is_empty(login, former_member, vnpt_agreement):
    response = login(former_member).get(reverse("agreements:list"))
    assert list(response.context["page"].object_list) == []
