import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "x" * 20 + "-not-a-real-secret-but-long-and-random-enough-7f3a9c",
    "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    "DJANGO_ALLOWED_HOSTS": "hssk.example.gov.vn",
    "DJANGO_PUBLIC_BASE_URL": "https://hssk.example.gov.vn",
}


def _manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env={**clean, **env},
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_under_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DATABASE_URL", "DJANGO_PUBLIC_BASE_URL"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_passwords_are_hashed_with_argon2_outside_tests():
    result = _manage("shell", "-c", "from django.conf import settings; print(settings.PASSWORD_HASHERS[0])",
                     env=PRODUCTION_ENV)
    assert "Argon2PasswordHasher" in result.stdout


def test_the_login_page_is_vietnamese_whatever_the_browser_asks(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Đăng nhập" in response.content.decode()


def test_the_language_switch_shows_english(client, drafter):
    client.force_login(drafter)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("agreements:list"))
    assert "Handover agreements" in response.content.decode()


def test_dates_show_as_day_month_year(client, drafter):
    from tests.factories import make_agreement

    agreement = make_agreement(by=drafter)
    client.force_login(drafter)
    page = client.get(reverse("agreements:detail", args=[agreement.pk])).content.decode()
    assert "01/01/2026" in page and "31/12/2027" in page
