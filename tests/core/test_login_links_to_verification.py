"""Issue 14: one who holds a signed copy and no account finds the public verification page from the login page."""

from django.urls import reverse


def test_the_login_page_links_to_the_public_verification_page(client):
    page = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("verify")}"' in page


def test_the_verification_page_it_links_to_needs_no_login(client, db):
    assert client.get(reverse("verify")).status_code == 200
