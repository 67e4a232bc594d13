"""The attack corpus of issue 11, logins: 40 wrong passwords for `signer`, then the right one, were all accepted,
on /login/ and /admin/login/ alike. Now 5 failures of one name from one address cool that pair off for 15 minutes
(core.lockout); other names and addresses log in as before, a forged X-Forwarded-For escapes nothing, and every
attempt, refused ones included, is an entry of the audit record."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertTemplateUsed

from tests.core.auditing import entries
from tests.portal.audit_pages import rows

pytestmark = pytest.mark.django_db

LOGIN, ADMIN_LOGIN = reverse("login"), reverse("admin:login")


def attempt(password, username="signer", path=LOGIN, **headers):
    """One login from a browser of its own (REMOTE_ADDR 127.0.0.1 unless `headers` say otherwise)."""
    return Client().post(path, {"username": username, "password": password, "next": "/"}, **headers)


def logs_in(response):
    return response.status_code == 302


def lock(username="signer", path=LOGIN, **headers):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        last = attempt("wrong-guess", username, path, **headers)
    assert last.status_code == 429
    return last


def test_forty_wrong_passwords_then_the_right_one_is_refused_while_cooling_off(signer):
    answers = [attempt(f"guess-{n}").status_code for n in range(40)]
    assert answers == [200] * 4 + [429] * 36
    refused = attempt("pw")
    assert not logs_in(refused) and refused.status_code == 429
    assertTemplateUsed(refused, "registration/locked_out.html")
    assert refused["Retry-After"] == "900"
    assert entries(kind="login") == []


def test_four_wrong_passwords_then_the_right_one_logs_in(signer):
    assert [attempt("wrong-guess").status_code for _ in range(4)] == [200] * 4
    assert logs_in(attempt("pw"))


def test_another_name_from_the_same_address_still_logs_in(signer, drafter):
    lock("signer")
    assert logs_in(attempt("pw", "drafter"))


def test_the_same_name_from_another_address_still_logs_in(signer):
    lock("signer")
    assert logs_in(attempt("pw", REMOTE_ADDR="203.0.113.9"))


def test_the_admin_login_is_throttled_the_same_way_and_shares_the_count(superuser):
    refused = lock("root", ADMIN_LOGIN)
    assertTemplateUsed(refused, "registration/locked_out.html")
    assert attempt("pw", "root", ADMIN_LOGIN).status_code == 429
    assert attempt("pw", "root", LOGIN).status_code == 429


def test_the_admin_login_logs_in_a_pair_not_cooling_off(superuser):
    assert logs_in(attempt("pw", "root", ADMIN_LOGIN))


def test_every_failure_is_an_audit_entry_and_a_refused_one_says_locked_out(client, signer, auditor, login):
    lock("signer")
    attempt("pw")
    failed = entries(kind="login_failed", label="signer")
    assert [entry.payload.get("locked_out", False) for entry in failed] == [False] * 5 + [True]
    assert {entry.payload["ip"] for entry in failed} == {"127.0.0.1"}
    [shown] = [row for row in rows(login(auditor), event="login") if row.entry == failed[-1]]
    assert (shown.who, shown.event, shown.reason) == (
        "signer", "Failed login", "Locked out: too many failed logins of this name from this address")


def test_the_right_password_logs_in_once_the_cool_off_is_over_and_the_failures_stay_recorded(signer, time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    lock("signer")
    time_machine.move_to(start + datetime.timedelta(minutes=14))
    assert attempt("pw").status_code == 429  # which starts the wait again
    time_machine.move_to(start + datetime.timedelta(minutes=14 + 16))
    assert logs_in(attempt("pw"))
    assert len(entries(kind="login_failed")) == 6 and len(entries(kind="login")) == 1


def test_a_successful_login_forgets_the_pairs_failures(signer):
    for _ in range(2):
        assert [attempt("wrong-guess").status_code for _ in range(4)] == [200] * 4
        assert logs_in(attempt("pw"))


def test_failures_across_a_successful_login_would_lock_without_the_reset(signer, settings):
    settings.AXES_RESET_ON_SUCCESS = False
    [attempt("wrong-guess") for _ in range(4)]
    assert logs_in(attempt("pw"))
    assert attempt("wrong-guess").status_code == 429


def test_a_forged_x_forwarded_for_does_not_escape_the_lockout(signer):
    for n in range(settings.AXES_FAILURE_LIMIT):  # a new "address" each time
        last = attempt("wrong-guess", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert last.status_code == 429
    assert attempt("pw", HTTP_X_FORWARDED_FOR="203.0.113.50").status_code == 429


def test_behind_our_proxy_the_address_it_appended_counts_not_the_ones_before(signer, settings):
    settings.BEHIND_PROXY = True
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(settings.AXES_FAILURE_LIMIT):
        last = attempt("wrong-guess", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.7", **proxy)
    assert last.status_code == 429
    assert attempt("pw", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7", **proxy).status_code == 429
    assert logs_in(attempt("pw", HTTP_X_FORWARDED_FOR="203.0.113.8", **proxy))  # another client, same proxy
    assert entries(kind="login_failed")[0].payload["ip"] == "203.0.113.7"


def test_an_administrator_lifts_a_lockout_with_a_command(signer):
    lock("signer")
    call_command("axes_reset_username", "signer", stdout=io.StringIO())
    assert logs_in(attempt("pw"))


def test_an_administrator_sees_the_pair_cooling_off_in_the_admin(signer, superuser, login):
    lock("signer")
    response = login(superuser).get(reverse("admin:axes_accessattempt_changelist"))
    assert response.status_code == 200 and "signer" in response.text


def test_the_test_clients_login_passes_through_the_lockout(client, signer):
    assert client.login(username="signer", password="pw")
    lock("signer")
    assert not Client().login(username="signer", password="pw")


def test_an_administrator_lifts_a_lockout_in_the_admin_and_the_auditors_read_who_did(signer, superuser, auditor,
                                                                                       login):
    from axes.models import AccessAttempt

    lock("signer")
    attempt_row = AccessAttempt.objects.get(username="signer")
    admin = login(superuser)
    response = admin.post(reverse("admin:axes_accessattempt_delete", args=[attempt_row.pk]), {"post": "yes"})
    assert response.status_code == 302 and not AccessAttempt.objects.exists()
    assert logs_in(attempt("pw"))
    lifted = rows(login(auditor), event="permission")
    assert [(row.who, row.action, row.details) for row in lifted][:1] == [
        ("root", "lockout lifted", [("Of", "signer"), ("Items", "127.0.0.1")])]


def test_a_successful_login_forgets_its_failures_without_an_entry_of_a_lockout_lifted(signer):
    attempt("wrong-guess")
    assert logs_in(attempt("pw"))
    assert [e for e in entries(kind="permission") if e.payload.get("action") == "lockout_lifted"] == []
