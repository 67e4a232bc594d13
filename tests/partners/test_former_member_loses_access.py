"""A user taken out of a partner unit loses sight of its data at once: what it read the moment before
answers 404, as for any outsider."""

import pytest
from django.urls import reverse

from core import roles
from partners.models import Membership
from partners.services import member_remove
from tests.factories import AuthorityDocumentFactory, clerk, in_review
from tests.samples import upload

pytestmark = pytest.mark.django_db


def _leaves(user):
    member_remove(membership=Membership.objects.get(user=user), by=clerk(roles.ADMINISTRATOR), reason="Nghỉ việc")
    return user


@pytest.mark.parametrize("name", ["partners:detail", "partners:edit", "partners:document_add"])
def test_a_former_member_gets_404_for_its_former_units_pages(login, vnpt_user, vnpt, name):
    client = login(vnpt_user)
    assert client.get(reverse(name, args=[vnpt.pk])).status_code == 200
    _leaves(vnpt_user)
    assert client.get(reverse(name, args=[vnpt.pk])).status_code == 404


def test_a_former_member_gets_404_for_its_former_units_agreement(login, vnpt_user, vnpt):
    url = reverse("agreements:detail", args=[in_review(partner=vnpt).pk])
    client = login(vnpt_user)
    assert client.get(url).status_code == 200
    _leaves(vnpt_user)
    assert client.get(url).status_code == 404


def test_a_former_member_gets_404_for_its_former_units_document(login, vnpt_user, vnpt):
    document = AuthorityDocumentFactory(partner=vnpt, upload=upload("dieu-le.pdf"))
    url = reverse("partners:document_download", args=[document.pk])
    client = login(vnpt_user)
    assert client.get(url).status_code == 200
    _leaves(vnpt_user)
    assert client.get(url).status_code == 404


def test_a_former_members_agreement_list_is_empty(login, vnpt_user, vnpt):
    agreement = in_review(partner=vnpt)
    client = login(vnpt_user)
    assert list(client.get(reverse("agreements:list")).context["page"].object_list) == [agreement]
    _leaves(vnpt_user)
    assert list(client.get(reverse("agreements:list")).context["page"].object_list) == []
