"""Every page every demo user can reach answers without a server error."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from agreements.models import Agreement
from conditions.models import ConditionSet
from partners.models import AuthorityDocument, Partner

pytestmark = pytest.mark.django_db

DEMO_USERS = ["drafter", "reviewer", "assessor", "signer", "auditor", "admin", "vnpt", "vietsens"]


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def _all_pages():
    pages = [reverse("dashboard"), reverse("partners:list"), reverse("agreements:list"), reverse("conditions:list"),
             reverse("partners:create"), reverse("agreements:create"),
             reverse("partners:list") + "?q=VNPT&status=active",
             reverse("agreements:list") + "?q=01&status=signed&page=2"]
    for partner in Partner.objects.all():
        pages += [reverse(f"partners:{name}", args=[partner.pk])
                  for name in ("detail", "edit", "document_add", "history", "member_add")]
    for document in AuthorityDocument.objects.all():
        pages.append(reverse("partners:document_download", args=[document.pk]))
    for agreement in Agreement.objects.all():
        pages += [reverse(f"agreements:{name}", args=[agreement.pk]) for name in ("detail", "edit", "history")]
        pages += [reverse("agreements:confirm", args=[agreement.pk, action])
                  for action in ("send", "return", "sign", "cancel", "terminate")]
    for condition_set in ConditionSet.objects.all():
        pages.append(reverse("conditions:detail", args=[condition_set.pk]))
    return pages


@pytest.mark.parametrize("username", DEMO_USERS)
def test_no_page_answers_a_server_error_to_any_demo_user(demo, client, username):
    client.force_login(get_user_model().objects.get(username=username))
    failures = []
    for url in _all_pages():
        response = client.get(url)
        if response.status_code >= 500 or response.status_code not in (200, 302, 403, 404):
            failures.append((url, response.status_code))
    assert failures == []


def test_the_demo_has_an_agreement_in_every_state(demo):
    states = set(Agreement.objects.values_list("status", flat=True))
    assert states == set(Agreement.Status.values)


def test_seeding_twice_changes_nothing(demo):
    before = (Agreement.objects.count(), Partner.objects.count(), get_user_model().objects.count())
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert (Agreement.objects.count(), Partner.objects.count(), get_user_model().objects.count()) == before
