"""The one-command demo: embedded SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F401,F403
from .base import env, env_bool

# The demo answers as production would: our own 404 and 500 pages, never a traceback (DJANGO_DEBUG=1 for one).
DEBUG = env_bool("DJANGO_DEBUG", False)
# With DEBUG off runserver serves no static files: WhiteNoise serves them, straight from static/ and the apps.
WHITENOISE_USE_FINDERS = True
# A fixed key is fine for a demo on the loopback address; production refuses it.
SECRET_KEY = env("DJANGO_SECRET_KEY", "local-demo-only-not-a-secret-8f3b1c2d9e7a")
# The signed copy prints the full address of the verification page; the demo serves it here.
PUBLIC_BASE_URL = env("DJANGO_PUBLIC_BASE_URL", "http://127.0.0.1:8000")
# The demo seals its audit chain with a fixed key; production refuses to start without one of its own.
AUDIT_SEAL_KEY = env("DJANGO_AUDIT_SEAL_KEY", "local-demo-only-seal-key")
# The one-command demo loads its demo data (seed_demo); production never does.
DEMO_DATA_ALLOWED = True
# The demo's accounts log in with their password alone (their logins are in the README), unless asked for a
# second factor; production refuses to start without it.
TWO_FACTOR_REQUIRED = env_bool("DJANGO_TWO_FACTOR_REQUIRED", False)
