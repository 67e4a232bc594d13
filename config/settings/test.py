"""The test suite: PostgreSQL from DATABASE_URL (make test starts a throwaway one)."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F401,F403
from .base import env

SECRET_KEY = "test-only-not-a-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed, tests only
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", tempfile.mkdtemp(prefix="hssk-private-")))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="hssk-static-"))  # WhiteNoise reads it; the tests collect nothing
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The suite keeps private files in PRIVATE_MEDIA_ROOT whatever PRIVATE_STORAGE says; tests/multi_server switches
# to the bucket that bin/with-s3 starts.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": PRIVATE_STORAGE_BACKENDS["filesystem"],  # noqa: F405
}
# Threads of the live server and the concurrency tests must not keep connections past their work.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Between transactional tests the runner empties its throwaway databases (test_…) with TRUNCATE, which the
# audit tables refuse in any other database (core.protection).
AUDIT_TRUNCATABLE_DATABASES = "test\\_%"
# Signing prints the full address of the public verification page on the signed copy.
PUBLIC_BASE_URL = "https://hssk.example.vn"
AUDIT_SEAL_KEY = "test-only-seal-key"
AUDIT_SEAL_FILE = Path(tempfile.mkdtemp(prefix="hssk-seals-")) / "audit-seals.jsonl"
DEMO_DATA_ALLOWED = True  # the demo pages' tests load the demo data
# The test client's login() passes no request to authenticate(); axes stays on, and counts it as 127.0.0.1.
AUTHENTICATION_BACKENDS = ["tests.client_login.ClientLoginLockoutBackend" if backend == "core.lockout.LockoutBackend"  # noqa: F405
                           else backend for backend in AUTHENTICATION_BACKENDS]  # noqa: F405
