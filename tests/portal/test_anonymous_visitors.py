"""Nothing is public but the login page, the language switch and the page that checks a signed copy:
every other page sends a visitor who is not signed in to log in, whatever it sends, and changes nothing.
(What a GET of each page answers them is in test_url_access_by_persona.py.)"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django_otp.oath import totp

from tests.factories import UserFactory
from tests.portal.acting import EVERY_FIELD, recorded_writes
from tests.portal.routes import app_routes, case_id, url_of, with_actions
from tests.sessions import authenticator

pytestmark = pytest.mark.django_db

PUBLIC = {"login", "set_language", "verify"}
SIGNED_IN_ONLY = with_actions([route for route in app_routes() if not route.is_public])


def _sent_to_log_in(response, url):
    assert response.status_code == 302
    to = urlsplit(response["Location"])
    assert (to.path, parse_qs(to.query)) == (reverse("login"), {"next": [url]})


def test_only_the_login_language_and_verify_pages_are_public():
    assert {route.name for route in app_routes() if route.is_public} == PUBLIC


@pytest.mark.parametrize("route,action", SIGNED_IN_ONLY, ids=[case_id(*case) for case in SIGNED_IN_ONLY])
def test_a_post_from_a_visitor_not_signed_in_is_sent_to_log_in_and_changes_nothing(client, vnpt_objects, route,
                                                                                    action):
    url = url_of(route, vnpt_objects, action)
    before = recorded_writes()
    _sent_to_log_in(client.post(url, EVERY_FIELD), url)
    assert recorded_writes() == before


def test_the_login_page_answers_a_visitor_not_signed_in(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert set(response.context["form"].fields) == {"username", "password"}


def test_signing_in_brings_the_visitor_back_to_the_page_asked_for(client, vnpt_objects):
    app = authenticator(UserFactory(username="nguyen.an", roles=["auditor"]))
    page = reverse("agreements:detail", args=[vnpt_objects["agreement"].pk])
    _sent_to_log_in(client.get(page), page)
    response = client.post(f"{reverse('login')}?next={page}", {"username": "nguyen.an", "password": "pw"})
    assert response.status_code == 302
    assert response["Location"] == page
    # The second factor first (core.second_factor), then the page.
    second = client.get(page)["Location"]
    assert second == f"{reverse('second_factor:verify')}?next={page}"
    assert client.post(second, {"code": f"{totp(app.bin_key):06d}", "next": page})["Location"] == page
    assert client.get(page).context["agreement"] == vnpt_objects["agreement"]
