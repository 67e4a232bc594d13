"""The attack corpus of issue 11: a password alone opened every page, /admin/ included. Now Ministry staff,
auditors and administrators prove a second factor (an authenticator app's code, or one recovery code);
partner users may set one up. Wrong, replayed and throttled codes are refused; resets are recorded."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import roles
from core.exceptions import NotPermitted
from core.models import AuditEntry
from core.second_factor import services
from tests.core.test_production_settings import PRODUCTION_ENV, _manage
from tests.factories import UserFactory
from tests.sessions import authenticator, recovery_code, sign_in

pytestmark = pytest.mark.django_db


def _password_only(user):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the wording checked is the English one
    assert client.post(reverse("login"), {"username": user.username, "password": "pw"}).status_code == 302
    return client


def _code(device):
    return f"{totp(device.bin_key):06d}"


def _wrong(device):
    return "000000" if _code(device) != "000000" else "111111"


def _prove(client, code):
    return client.post(reverse("second_factor:verify"), {"code": code, "next": reverse("dashboard")})


def _asked_for(response):
    return response.status_code == 302 and response.url.split("?")[0] in (
        reverse("second_factor:verify"), reverse("second_factor:enrol"))


def test_a_drafter_with_only_a_password_cannot_reach_the_dashboard(drafter):
    assert _asked_for(_password_only(drafter).get(reverse("dashboard")))  # no app yet: set one up
    authenticator(drafter)
    response = _password_only(drafter).get(reverse("agreements:list"))
    assert response.url == reverse("second_factor:verify") + "?next=" + reverse("agreements:list")


def test_a_superuser_with_only_a_password_cannot_reach_the_admin(superuser):
    authenticator(superuser)
    assert _asked_for(_password_only(superuser).get(reverse("admin:index")))
    assert sign_in(Client(), superuser).get(reverse("admin:index")).status_code == 200


def test_an_unverified_session_still_reaches_the_public_page_and_logging_out(drafter):
    client = _password_only(drafter)
    assert client.get(reverse("verify")).status_code == 200
    assert client.post(reverse("logout")).url == reverse("login")


def test_the_right_code_lets_in(drafter):
    client = _password_only(drafter)
    assert _prove(client, _code(authenticator(drafter))).url == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200


def test_a_wrong_code_is_refused_and_recorded(drafter):
    client = _password_only(drafter)
    response = _prove(client, _wrong(authenticator(drafter)))
    assert response.status_code == 200
    assert "This code is not right, or it was already used." in response.context["form"].errors["code"]
    assert _asked_for(client.get(reverse("dashboard")))
    assert AuditEntry.objects.filter(kind="login_failed", actor=drafter, payload__second_factor="wrong_code").exists()


def test_after_a_wrong_code_even_the_right_one_waits(drafter):
    device = authenticator(drafter)
    client = _password_only(drafter)
    _prove(client, _wrong(device))
    errors = _prove(client, _code(device)).context["form"].errors["code"]
    assert errors[0].startswith("Too many wrong codes in a row: try again in")
    assert AuditEntry.objects.filter(kind="login_failed", actor=drafter, payload__second_factor="throttled").exists()


def test_the_same_code_is_not_accepted_twice(drafter):
    code = _code(authenticator(drafter))
    assert _prove(_password_only(drafter), code).status_code == 302
    replay = _password_only(drafter)
    assert _prove(replay, code).status_code == 200
    assert _asked_for(replay.get(reverse("dashboard")))


def test_a_recovery_code_works_once_and_is_recorded(signer):
    code = recovery_code(signer, "h7k2m4p6")
    assert _prove(_password_only(signer), "H7K2-M4P6").url == reverse("dashboard")
    entry = AuditEntry.objects.get(kind="login", actor=signer, payload__second_factor="recovery_code")
    assert entry.payload["recovery_codes_left"] == 0
    assert _prove(_password_only(signer), code).status_code == 200


def test_an_unverified_session_cannot_set_up_a_second_app_in_place_of_the_first(drafter):
    authenticator(drafter)
    client = _password_only(drafter)
    assert client.get(reverse("second_factor:enrol")).url.startswith(reverse("second_factor:verify"))
    assert _asked_for(client.get(reverse("second_factor:manage")))
    assert TOTPDevice.objects.filter(user=drafter).count() == 1


def test_setting_up_shows_an_inline_svg_qr_code_and_the_key_and_no_outside_address(drafter):
    response = _password_only(drafter).get(reverse("second_factor:enrol"))
    qr = response.context["qr"]
    assert qr.startswith("<svg") and "<path" in qr and "viewBox" in qr  # scales whole, quiet zone included
    assert "href" not in qr and "src" not in qr and "http" not in qr
    assert "<img" not in response.content.decode()
    device = TOTPDevice.objects.get(user=drafter, confirmed=False)
    assert response.context["secret"].replace(" ", "") == services.secret_text(device).replace(" ", "")


def test_the_first_code_confirms_the_app_gives_ten_recovery_codes_once_and_is_recorded(drafter):
    client = _password_only(drafter)
    client.get(reverse("second_factor:enrol"))
    device = TOTPDevice.objects.get(user=drafter, confirmed=False)
    response = client.post(reverse("second_factor:enrol"), {"code": _code(device), "next": "/"})
    codes = response.context["codes"]
    assert len(set(codes)) == 10 and "no-store" in response["Cache-Control"]
    assert client.get(reverse("dashboard")).status_code == 200
    assert AuditEntry.objects.filter(kind="permission", actor=drafter, payload__action="second_factor_enrolled",
                                     object_id=drafter.pk).exists()
    assert _prove(_password_only(drafter), codes[3]).status_code == 302


def test_a_partner_user_needs_no_second_factor_but_may_set_one_up(vnpt_user):
    assert _password_only(vnpt_user).get(reverse("dashboard")).status_code == 200
    client = _password_only(vnpt_user)
    client.get(reverse("second_factor:enrol"))
    device = TOTPDevice.objects.get(user=vnpt_user)
    assert client.post(reverse("second_factor:enrol"), {"code": _code(device)}).status_code == 200
    assert _asked_for(_password_only(vnpt_user).get(reverse("dashboard")))


def test_a_partner_user_who_also_holds_a_ministry_role_is_asked_and_one_with_no_role_is_not(vnpt_user):
    """A role beyond the partner's makes the second factor required; an account with no role opens nothing
    (404 for every object), so it is asked for nothing more."""
    assert _password_only(UserFactory(username="nobody", roles=[])).get(reverse("dashboard")).status_code == 200
    vnpt_user.groups.add(Group.objects.get(name=roles.ASSESSOR))
    assert _asked_for(_password_only(vnpt_user).get(reverse("dashboard")))


def test_a_partner_user_may_remove_their_own_second_factor_a_drafter_may_not(login, vnpt_user, drafter):
    authenticator(vnpt_user)
    login(vnpt_user).post(reverse("second_factor:remove"))
    assert not TOTPDevice.objects.filter(user=vnpt_user).exists()
    login(drafter).post(reverse("second_factor:remove"))
    assert TOTPDevice.objects.filter(user=drafter).exists()


def test_an_administrator_resets_a_device_and_the_reset_is_recorded(superuser, signer):
    recovery_code(signer)
    admin = sign_in(Client(), superuser)
    admin.post(reverse("admin:auth_user_changelist"), {"action": "reset_second_factor",
                                                       "_selected_action": [signer.pk]})
    assert not TOTPDevice.objects.filter(user=signer).exists()
    assert not StaticDevice.objects.filter(user=signer).exists()
    entry = AuditEntry.objects.get(kind="permission", payload__action="second_factor_reset", object_id=signer.pk)
    assert (entry.actor, entry.payload["items"]) == (superuser, ["authenticator app", "recovery codes"])
    assert _password_only(signer).get(reverse("dashboard")).url.startswith(reverse("second_factor:enrol"))


def test_the_auditors_read_the_reset_in_the_audit_record(login, superuser, signer, auditor):
    authenticator(signer)
    services.second_factor_reset(user=signer, by=superuser)
    rows = login(auditor).get(reverse("audit") + "?event=permission").context["rows"]
    assert [(row.who, row.action, row.details) for row in rows][:1] == [
        ("root", "second factor reset", [("Of", "signer"), ("Items", "authenticator app")])]


def test_no_one_else_resets_a_required_second_factor(drafter, signer):
    authenticator(signer)
    with pytest.raises(NotPermitted):
        services.second_factor_reset(user=signer, by=drafter)
    assert TOTPDevice.objects.filter(user=signer).exists()


def test_the_demo_switched_off_lets_a_drafter_in_with_a_password_alone(settings, drafter):
    settings.TWO_FACTOR_REQUIRED = False
    assert _password_only(drafter).get(reverse("dashboard")).status_code == 200


def test_the_demo_asks_for_no_second_factor_unless_told_and_production_refuses_it_off():
    local = {"DJANGO_SETTINGS_MODULE": "config.settings.local"}
    show = ("shell", "--no-imports", "-c", "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED)")
    assert _manage(*show, env=local).stdout.strip() == "False"
    assert _manage(*show, env={**local, "DJANGO_TWO_FACTOR_REQUIRED": "1"}).stdout.strip() == "True"
    assert _manage(*show, env=PRODUCTION_ENV).stdout.strip() == "True"
    refused = _manage("check", env={**PRODUCTION_ENV, "DJANGO_TWO_FACTOR_REQUIRED": "0"})
    assert refused.returncode != 0 and "DJANGO_TWO_FACTOR_REQUIRED is off" in refused.stderr


def test_a_session_yet_to_prove_its_second_factor_is_not_shown_the_menu_of_pages_it_cannot_open(drafter):
    client = _password_only(drafter)
    assert 'class="mainnav"' not in client.get(reverse("second_factor:enrol")).content.decode()
    device = TOTPDevice.objects.get(user=drafter)
    client.post(reverse("second_factor:enrol"), {"code": _code(device)})
    assert 'class="mainnav"' in client.get(reverse("dashboard")).content.decode()
