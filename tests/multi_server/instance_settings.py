"""What each app instance of tests/multi_server runs with: the test settings, its private files in the bucket that
bin/with-s3 started (under the prefix PRIVATE_S3_PREFIX the test gives), and its mail written as files the test
reads (HSSK_MAIL_DIR), since a mail sent in another process never reaches the test's outbox."""

import os

from config.settings.test import *  # noqa: F401,F403
from config.settings.test import PRIVATE_STORAGE_BACKENDS, STORAGES

STORAGES = {**STORAGES, "private": PRIVATE_STORAGE_BACKENDS["s3"]}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["HSSK_MAIL_DIR"]
