"""Nothing is public but the login page: every other page sends an anonymous visitor to log in."""

import pytest
from django.urls import reverse

from agreements.models import Agreement
from partners.models import Partner
from tests.access.helpers import ACTIONS
from tests.factories import ConditionSetFactory

pytestmark = pytest.mark.django_db

PAGES = [
    ("dashboard", None),
    ("partners:list", None),
    ("partners:create", None),
    ("partners:detail", "partner"),
    ("partners:edit", "partner"),
    ("partners:history", "partner"),
    ("partners:document_add", "partner"),
    ("partners:document_download", "document"),
    ("agreements:list", None),
    ("agreements:create", None),
    ("agreements:detail", "agreement"),
    ("agreements:edit", "agreement"),
    ("agreements:history", "agreement"),
    ("conditions:list", None),
    ("conditions:detail", "condition_set"),
]


@pytest.fixture
def objects(vnpt, vnpt_document, vnpt_agreement):
    return {"partner": vnpt, "document": vnpt_document, "agreement": vnpt_agreement,
            "condition_set": ConditionSetFactory()}


def _assert_sent_to_login(response, url):
    assert response.status_code == 302
    assert response.url.startswith(reverse("login") + "?next=")
    assert url in response.url.replace("%2F", "/")


@pytest.mark.parametrize("name,kind", PAGES, ids=[name for name, _ in PAGES])
def test_an_anonymous_visitor_is_sent_to_the_login_page(client, objects, name, kind):
    url = reverse(name, args=[objects[kind].pk] if kind else [])
    _assert_sent_to_login(client.get(url), url)


@pytest.mark.parametrize("action", ACTIONS)
def test_an_anonymous_visitor_is_sent_to_log_in_before_a_confirmation_page(client, vnpt_agreement, action):
    url = reverse("agreements:confirm", args=[vnpt_agreement.pk, action])
    _assert_sent_to_login(client.get(url), url)


@pytest.mark.parametrize("action", ["send", "cancel"])
def test_an_anonymous_post_to_a_transition_changes_nothing(client, vnpt_agreement, action):
    url = reverse("agreements:transition", args=[vnpt_agreement.pk, action])
    data = {"reason": "x", "cancelled_on": "22/12/2025"}
    _assert_sent_to_login(client.post(url, data), url)
    vnpt_agreement.refresh_from_db()
    assert vnpt_agreement.status == Agreement.Status.DRAFT


def test_an_anonymous_post_to_partner_status_changes_nothing(client, vnpt):
    url = reverse("partners:status", args=[vnpt.pk])
    _assert_sent_to_login(client.post(url, {"status": "suspended", "reason": "x"}), url)
    vnpt.refresh_from_db()
    assert vnpt.status == Partner.Status.ACTIVE


def test_the_login_page_answers_an_anonymous_visitor(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "form" in response.context
