"""Everyone changes their own password: at least 12 characters, not a common one, not like their user name;
the change keeps this session and ends every other (issue 11, item 3)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.sessions import sign_in

pytestmark = pytest.mark.django_db
OLD = "pw"  # the factories' password (tests hash with MD5, and the validators judge only new passwords)


def _change(client, new, again=None):
    return client.post(reverse("password_change"), {"old_password": OLD, "new_password1": new,
                                                    "new_password2": again or new})


@pytest.mark.parametrize("new,said", [
    ("Ngan-Ha-2026", None),
    ("short-pw-26", "Too short: a password has at least 12 characters."),
    ("password1234", "Too common: this password is on the list of passwords tried first."),
    ("drafter12345", "Too like your user name, name or e-mail address."),
    ("202620262026", "Digits only: add letters."),
], ids=["accepted", "eleven characters", "common", "like the user name", "digits only"])
def test_a_new_password_is_long_uncommon_and_unlike_the_user_name(login, drafter, new, said):
    response = _change(login(drafter), new)
    drafter.refresh_from_db()
    if said is None:
        assert response.status_code == 302 and response["Location"] == reverse("password_change_done")
        assert drafter.check_password(new)
    else:
        assert response.status_code == 200
        assert said in response.context["form"].errors["new_password2"]
        assert drafter.check_password(OLD)


def test_changing_the_password_ends_the_other_sessions_and_keeps_this_one(login, drafter):
    elsewhere = Client()
    sign_in(elsewhere, drafter)
    here = login(drafter)
    assert _change(here, "Ngan-Ha-2026").status_code == 302
    assert here.get(reverse("dashboard")).status_code == 200
    assert elsewhere.get(reverse("dashboard")).status_code == 302  # back to the login page


def test_the_menu_offers_the_password_page(login, vnpt_user):
    response = login(vnpt_user).get(reverse("dashboard"))
    assert reverse("password_change") in response.content.decode()
