"""Settings shared by every environment. The environment is read here and in the
sibling modules, nowhere else in the code base."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = env("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in env("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "guardian",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "core",
    "partners",
    "conditions",
    "agreements",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.VietnameseByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "core.middleware.SecondFactorMiddleware",
    "core.middleware.SignedInPagesAreNotStoredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as axes asks: it turns a refused login into core.lockout's page
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.roles",
                "portal.context_processors.abilities",
            ],
        },
    },
]
# Every text field states its maximum, and no maxlength attribute lets a browser cut a pasted text silently.
FORM_RENDERER = "core.forms.FormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The demo's SQLite: a writing transaction takes the write lock when it begins, and one that finds it
    # taken waits up to 20 s, instead of failing with "database is locked" halfway through.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    # Django's rules in our own words (core.passwords).
    {"NAME": "core.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "core.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "core.passwords.CommonPasswordValidator"},
    {"NAME": "core.passwords.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "core.lockout.LockoutBackend",  # first: a pair cooling off is refused before any password is checked
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
# Login throttling (core.lockout): 5 failed logins of one name from one address, and that pair waits 15 minutes
# from its last attempt; a successful login forgets the pair's failures. The site's and the admin's login alike.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.http.client_address"
AXES_LOCKOUT_CALLABLE = "core.lockout.locked_out"
# Logins and failures are in the audit record already; core.admin lists axes' attempts to lift a lockout.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
# A second factor (TOTP, core.second_factor) for everyone but partner users, for whom it is optional. Only the
# local demo may switch it off; production refuses to start without it.
TWO_FACTOR_REQUIRED = True
OTP_TOTP_ISSUER = "HSSK-BYT"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "static"

# Uploaded files (authority documents, evidence, opinion letters) never sit under a public URL: they are kept in
# the "private" storage (core.storage) and served only by views that check who asks, which stream them.
# PRIVATE_STORAGE=filesystem (the default): a directory of this server, PRIVATE_MEDIA_ROOT; one server only.
# PRIVATE_STORAGE=s3: a bucket of S3-compatible object storage that every server shares (django-storages), private
# objects, never overwritten. Without keys boto3 finds its own (instance role, ~/.aws). PRIVATE_MEDIA_ROOT then
# holds only this server's cache of rendered drafts (agreements.pdf_cache).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))
PRIVATE_STORAGE = env("PRIVATE_STORAGE", "filesystem")
PRIVATE_STORAGE_BACKENDS = {
    "filesystem": {"BACKEND": "core.storage.PrivateFileSystemStorage"},
    "s3": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("PRIVATE_S3_BUCKET", ""),
            "location": env("PRIVATE_S3_PREFIX", ""),  # a folder of a shared bucket, e.g. "hssk/"
            "endpoint_url": env("PRIVATE_S3_ENDPOINT_URL") or None,  # MinIO, Ceph, a provider's own; None: AWS
            "region_name": env("PRIVATE_S3_REGION") or None,
            "access_key": env("PRIVATE_S3_ACCESS_KEY_ID") or None,
            "secret_key": env("PRIVATE_S3_SECRET_ACCESS_KEY") or None,
            "addressing_style": env("PRIVATE_S3_ADDRESSING_STYLE") or None,  # "path" for most self-hosted servers
            "default_acl": "private",
            "querystring_auth": True,  # an object's URL is signed and expires; the views stream files anyway
            "file_overwrite": False,  # a name taken gets another, as on a file system
        },
    },
}
if PRIVATE_STORAGE not in PRIVATE_STORAGE_BACKENDS:
    raise ImproperlyConfigured(f"PRIVATE_STORAGE={PRIVATE_STORAGE}: choose {' or '.join(PRIVATE_STORAGE_BACKENDS)}.")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": PRIVATE_STORAGE_BACKENDS[PRIVATE_STORAGE],
}
UPLOAD_MAX_BYTES = 20 * 1024 * 1024
# What all of one partner unit's files (evidence, authority documents) may take together.
PARTNER_UPLOAD_QUOTA_BYTES = int(env("PARTNER_UPLOAD_QUOTA_BYTES", str(2 * 1024**3)))
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# A deployment report is overdue this many days after its period ends (agreements.deployment_watch).
DEPLOYMENT_REPORT_GRACE_DAYS = int(env("DEPLOYMENT_REPORT_GRACE_DAYS", "30"))

GUARDIAN_USER_OBJ_PERMS_MODEL = "guardian.UserObjectPermission"
ANONYMOUS_USER_NAME = None  # no anonymous guardian user: nothing is public but login

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
# "Revert" would write an old row back wholesale, status included, past every rule: never.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Behind a proxy of ours that appends the client's address to X-Forwarded-For (production may say so):
# rate limits and lockouts count by that address, never by one the client wrote (core.http.client_address).
BEHIND_PROXY = False

# Printed on signed minutes so that anyone can reach the public verification page.
PUBLIC_BASE_URL = env("DJANGO_PUBLIC_BASE_URL", "")

# The audit chain's head is sealed with a key the database never holds (core.seals), to a file an
# operator ships elsewhere. Production refuses to start without the key.
AUDIT_SEAL_KEY = env("DJANGO_AUDIT_SEAL_KEY", "")
# seed_demo creates accounts whose password the README prints: only the demo and the tests allow it.
DEMO_DATA_ALLOWED = False
AUDIT_SEAL_FILE = Path(env("DJANGO_AUDIT_SEAL_FILE", str(BASE_DIR / "var" / "audit-seals.jsonl")))

EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "hssk-handover@localhost")
# For the SMTP backend (DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend).
EMAIL_HOST = env("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("DJANGO_EMAIL_USE_TLS", "") == "1"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Every script and style comes from our own static files: an injected <script> or style="" does not run.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# No page of ours needs a camera, a microphone, a location or a payment: no script on them may ask.
# Features Chromium knows (it warns in the console of every page about one it does not).
PERMISSIONS_POLICY = {feature: [] for feature in (
    "accelerometer", "autoplay", "camera", "display-capture",
    "encrypted-media", "geolocation", "gyroscope", "hid", "idle-detection", "interest-cohort", "magnetometer",
    "microphone", "midi", "payment", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
)}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "WARNING")},
}
