"""Production: every secret comes from the environment, and nothing starts without it."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import env, env_bool

# DJANGO_PUBLIC_BASE_URL is printed on every signed copy, whose bytes never change again.
for _name in ("DJANGO_SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOWED_HOSTS", "DJANGO_PUBLIC_BASE_URL",
              "DJANGO_AUDIT_SEAL_KEY"):
    if not env(_name):
        raise ImproperlyConfigured(f"{_name} must be set in the environment for production.")

if env_bool("DJANGO_DEBUG", False):
    raise ImproperlyConfigured("DJANGO_DEBUG is on: production never shows debug pages.")
DEBUG = False
TWO_FACTOR_REQUIRED = env_bool("DJANGO_TWO_FACTOR_REQUIRED", True)
if not TWO_FACTOR_REQUIRED:
    raise ImproperlyConfigured("DJANGO_TWO_FACTOR_REQUIRED is off: production asks Ministry staff for a second factor.")
# Notices carry names, addresses and reasons: never written to the server's log by the console backend.
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
if EMAIL_BACKEND.rsplit(".", 2)[-2] in ("console", "locmem", "dummy"):
    raise ImproperlyConfigured(f"DJANGO_EMAIL_BACKEND={EMAIL_BACKEND} does not send mail: production needs a real one.")
# More than one server needs PRIVATE_STORAGE=s3 (a directory of one server is not seen by the others).
if PRIVATE_STORAGE == "s3" and not PRIVATE_STORAGE_BACKENDS["s3"]["OPTIONS"]["bucket_name"]:  # noqa: F405
    raise ImproperlyConfigured("PRIVATE_STORAGE=s3 needs PRIVATE_S3_BUCKET: the bucket that keeps private files.")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
BEHIND_PROXY = env_bool("DJANGO_BEHIND_TLS_PROXY", False)
if BEHIND_PROXY:  # only a proxy we run may say the request was HTTPS, and who asked
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# __Host- cookies are sent only over HTTPS, for path / and this very host: no sibling subdomain can set them.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_NAME = "__Host-language"
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_AGE = 8 * 3600
