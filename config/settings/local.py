"""The one-command demo: embedded SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F401,F403
from .base import env, env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
# A fixed key is fine for a demo on the loopback address; production refuses it.
SECRET_KEY = env("DJANGO_SECRET_KEY", "local-demo-only-not-a-secret-8f3b1c2d9e7a")
