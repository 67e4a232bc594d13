"""Production settings fail fast without their secrets, pass Django's deployment checks, and hash
passwords with Argon2 (each run in a fresh process, as a server would start)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "x" * 20 + "-not-a-real-secret-but-long-and-random-enough-7f3a9c",
    "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    "DJANGO_ALLOWED_HOSTS": "hssk.example.gov.vn",
    "DJANGO_PUBLIC_BASE_URL": "https://hssk.example.gov.vn",
    "DJANGO_AUDIT_SEAL_KEY": "not-a-real-seal-key-but-only-the-environment-holds-it",
}


def _manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env={**clean, **env},
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_under_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DATABASE_URL", "DJANGO_PUBLIC_BASE_URL",
                                     "DJANGO_AUDIT_SEAL_KEY"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


@pytest.mark.parametrize("backend", ["console", "locmem", "dummy"])
def test_production_refuses_a_mail_backend_that_sends_nothing(backend):
    result = _manage("check", env={**PRODUCTION_ENV,
                                   "DJANGO_EMAIL_BACKEND": f"django.core.mail.backends.{backend}.EmailBackend"})
    assert result.returncode != 0
    assert "does not send mail" in result.stderr


def test_production_sends_mail_by_smtp_unless_told_otherwise():
    result = _manage("shell", "--no-imports", "-c",
                     "from django.conf import settings; print(settings.EMAIL_BACKEND)", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend"


def test_production_refuses_debug():
    result = _manage("check", env={**PRODUCTION_ENV, "DJANGO_DEBUG": "1"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG is on" in result.stderr


def test_seed_demo_refuses_to_run_under_production_settings():
    result = _manage("seed_demo", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "these settings do not allow demo data" in result.stderr


def test_passwords_are_hashed_with_argon2_outside_tests():
    result = _manage("shell", "--no-imports", "-c",
                     "from django.conf import settings; print(settings.PASSWORD_HASHERS[0])", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.contrib.auth.hashers.Argon2PasswordHasher"
