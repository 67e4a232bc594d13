"""The attack corpus of issue 11, headers and the demo: pages carried no Content-Security-Policy, no
Permissions-Policy and no Cache-Control behind login; the demo ran with DEBUG on, so a 404 was Django's English
debug page. Each check below once failed."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import path, reverse
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def _policy(response):
    """The CSP header as {directive: [sources]}."""
    parts = [p.split() for p in response["Content-Security-Policy"].split(";") if p.strip()]
    return {p[0]: p[1:] for p in parts}


@pytest.mark.parametrize("signed_in", [False, True], ids=["login page", "agreement list"])
def test_an_html_page_refuses_inline_script_and_style_and_any_frame(client, login, drafter, signed_in):
    response = login(drafter).get(reverse("agreements:list")) if signed_in else client.get(reverse("login"))
    policy = _policy(response)
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


INLINE = re.compile(r"""\sstyle\s*=|<style\b|<script\b(?![^>]*\bsrc=)|\son[a-z]+\s*=\s*["']|javascript:""", re.I)
TEMPLATES = Path(settings.BASE_DIR) / "templates"


@pytest.mark.parametrize("html,inline", [
    ('<div class="card" style="max-width:28rem">', True), ("<style>p{}</style>", True),
    ("<script>alert(1)</script>", True), ('<button onclick="go()">', True), ('<a href="javascript:go()">', True),
    ('<script src="/static/js/app.js"></script>', False), ('<div class="card narrow">', False),
])
def test_the_template_scan_tells_inline_code_from_files(html, inline):
    assert bool(INLINE.search(html)) is inline


def test_no_served_template_holds_an_inline_style_or_script():
    served = [t for t in TEMPLATES.rglob("*.html") if "pdf" not in t.relative_to(TEMPLATES).parts[:-1]]
    assert len(served) > 40
    assert [str(t.relative_to(TEMPLATES)) for t in served if INLINE.search(t.read_text())] == []


def test_every_page_denies_camera_microphone_location_payment_and_usb_and_keeps_its_referrer_and_opener(client):
    response = client.get(reverse("login"))
    denied = dict(p.strip().split("=", 1) for p in response["Permissions-Policy"].split(","))
    assert all(denied[f] == "()" for f in ("camera", "microphone", "geolocation", "payment", "usb"))
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_a_page_behind_login_is_stored_by_no_cache(login, drafter):
    assert "no-store" in login(drafter).get(reverse("agreements:list"))["Cache-Control"]


def test_the_public_verification_page_and_its_stylesheet_may_be_cached(client, login, drafter, settings):
    settings.WHITENOISE_USE_FINDERS = True  # as in the demo
    assert "no-store" not in client.get(reverse("verify")).get("Cache-Control", "")
    stylesheet = login(drafter).get("/static/css/app.css")
    assert stylesheet.status_code == 200 and "no-store" not in stylesheet.get("Cache-Control", "")


def test_our_404_page_is_vietnamese_unless_english_was_chosen(client, login, drafter):
    vietnamese = client.get("/no-such-page/")
    assert vietnamese.status_code == 404 and "Không tìm thấy" in vietnamese.text
    english = login(drafter).get("/agreements/999999/")
    assert english.status_code == 404 and "Not found" in english.text and "Không tìm thấy" not in english.text


def _boom(request):
    raise RuntimeError("a bug")


urlpatterns = [path("boom/", _boom)]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("language,lang", [(None, "vi"), ("en", "en")])
def test_a_bug_answers_our_500_page_with_the_same_headers(language, lang):
    client = Client(raise_request_exception=False)
    if language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/boom/")
    assert response.status_code == 500 and f'<html lang="{lang}">' in response.text
    assert "Traceback" not in response.text and "RuntimeError" not in response.text
    assert _policy(response)["frame-ancestors"] == ["'none'"]


def test_the_500_page_renders_with_no_context_and_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500 and "Server error" in response.text


def _settings_process(module, code, tmp_path, **env):
    """Run `code` in a fresh process under config.settings.<module>, as `make run` or a server starts."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    env = {"DJANGO_SETTINGS_MODULE": f"config.settings.{module}", **env}
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    result = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
                            cwd=settings.BASE_DIR, env={**clean, **env}, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("env,debug", [({}, False), ({"DJANGO_DEBUG": "1"}, True)], ids=["default", "DJANGO_DEBUG=1"])
def test_the_demo_runs_with_debug_off_unless_asked(tmp_path, env, debug):
    code = "import json; from django.conf import settings; print(json.dumps(settings.DEBUG))"
    assert _settings_process("local", code, tmp_path, **env) is debug


DEMO_REQUESTS = """import json
from django.test import Client
client = Client(SERVER_NAME="127.0.0.1")
missing, css = client.get("/no-such-page/"), client.get("/static/css/app.css")
print(json.dumps({"missing": [missing.status_code, missing.content.decode()],
                  "css": [css.status_code, type(css).__module__, b"".join(css.streaming_content).decode()[:200]]}))
"""


def test_the_demo_answers_a_missing_page_with_ours_and_serves_static_files_through_whitenoise(tmp_path):
    answers = _settings_process("local", DEMO_REQUESTS, tmp_path)
    status, page = answers["missing"]
    assert status == 404 and "Không tìm thấy" in page and "URLconf" not in page
    status, module, css = answers["css"]
    assert status == 200 and module.startswith("whitenoise") and "stylesheet" in css


PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x" * 20 + "-not-a-real-secret-but-long-and-random-enough-7f3a9c",
    "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none", "DJANGO_ALLOWED_HOSTS": "hssk.example.gov.vn",
    "DJANGO_PUBLIC_BASE_URL": "https://hssk.example.gov.vn", "DJANGO_AUDIT_SEAL_KEY": "not-a-real-seal-key",
}
COOKIES = """import json; from django.conf import settings as s
print(json.dumps([[getattr(s, f"{c}_COOKIE_{a}") for a in ("NAME", "SECURE", "PATH", "DOMAIN")]
                  for c in ("SESSION", "CSRF", "LANGUAGE")]))
"""


def test_production_cookies_are_host_only_secure_and_for_the_whole_site(tmp_path):
    for name, secure, cookie_path, domain in _settings_process("production", COOKIES, tmp_path, **PRODUCTION_ENV):
        assert name.startswith("__Host-") and secure is True and cookie_path == "/" and domain is None


def test_the_demo_keeps_plain_cookie_names_that_work_over_http(tmp_path):
    names = [name for name, *_ in _settings_process("local", COOKIES, tmp_path)]
    assert not any(name.startswith("__Host-") for name in names)
