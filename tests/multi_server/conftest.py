"""Two app instances on one PostgreSQL (the test database) and one S3 bucket (the moto server bin/with-s3 starts),
as production runs several behind a proxy: real server processes (manage.py runserver), each with a private
directory of its own that must stay empty of uploads, and a person visiting them with a browser's cookies.

The tests are transactional (the instances read what the test commits); serialized_rollback brings back the
migrations' data (provinces, role groups) for the tests that follow. Without bin/with-s3 they are skipped."""

import os
import re
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from email import message_from_string
from email.header import decode_header, make_header
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection
from django.test import Client

from core.storage import private_storage
from tests.sessions import sign_in


@pytest.fixture(scope="module")
def prefix():
    """This module's own folder of the shared bucket: tests running in parallel never see each other's files."""
    if not settings.PRIVATE_STORAGE_BACKENDS["s3"]["OPTIONS"]["bucket_name"]:
        pytest.skip("no S3-compatible server: run under bin/with-s3 (make test does)")
    return f"test-{uuid.uuid4().hex[:12]}/"


@pytest.fixture
def bucket(settings, prefix):
    """The test's private files in the bucket, as PRIVATE_STORAGE=s3 keeps them, instead of a directory; emptied
    after the test, as its database is."""
    s3 = settings.PRIVATE_STORAGE_BACKENDS["s3"]
    settings.STORAGES = {**settings.STORAGES, "private": {**s3, "OPTIONS": {**s3["OPTIONS"], "location": prefix}}}
    objects = private_storage.bucket.objects
    yield private_storage
    objects.filter(Prefix=prefix).delete()


@dataclass
class Instance:
    url: str
    private_root: Path  # its own PRIVATE_MEDIA_ROOT: the PDF cache may be there, uploads never
    mail: Path  # its mail, one file per connection
    env: dict
    process: subprocess.Popen = None
    log: object = None

    def run(self, *command):
        """A manage.py command on this instance, started now; .communicate() waits for it."""
        return subprocess.Popen([sys.executable, "manage.py", *command], env=self.env, cwd=settings.BASE_DIR,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def uploads(self):
        return [p for p in self.private_root.rglob("*") if p.is_file() and "pdf-cache" not in p.parts]

    def mails(self):
        """(to, subject) of every mail this instance sent."""
        sent = []
        for path in sorted(self.mail.glob("*")):
            for text in path.read_text().split("-" * 79):
                if text.strip():
                    mail = message_from_string(text.strip())
                    sent.append((mail["To"], str(make_header(decode_header(mail["Subject"])))))
        return sent


def _free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture(scope="module")
def instances(django_db_setup, prefix, tmp_path_factory):
    """Two servers on the test database and the bucket, started once for the module."""
    started = []
    for name in ("a", "b"):
        home = tmp_path_factory.mktemp(f"instance-{name}")
        port = _free_port()
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.multi_server.instance_settings",
               "DATABASE_URL": _database_url(), "PRIVATE_S3_PREFIX": prefix,
               "PRIVATE_MEDIA_ROOT": str(home / "private"), "HSSK_MAIL_DIR": str(home / "mail")}
        instance = Instance(f"http://127.0.0.1:{port}", home / "private", home / "mail", env)
        instance.log = open(home / "server.log", "w")  # closed at teardown
        instance.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
            env=env, cwd=settings.BASE_DIR, stdout=instance.log, stderr=subprocess.STDOUT)
        started.append(instance)
    try:
        for instance in started:
            _wait_until_up(instance)
        yield started
    finally:
        for instance in started:
            instance.process.terminate()
            instance.process.wait(10)
            instance.log.close()


def _wait_until_up(instance, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if instance.process.poll() is not None:
            break
        try:
            requests.get(f"{instance.url}/login/", timeout=2)
            return
        except requests.ConnectionError:
            time.sleep(0.1)
    instance.log.flush()
    pytest.fail(f"instance {instance.url} did not start:\n{Path(instance.log.name).read_text()}")


@pytest.fixture
def mailboxes(instances):
    """Each instance's mail, emptied for this test."""
    for instance in instances:
        for path in instance.mail.glob("*"):
            path.unlink()
    return instances


class Visitor:
    """`user` in a browser, signed in (second factor proved), reading English; the same cookies reach either
    instance, as they would through one proxy."""

    def __init__(self, user):
        client = Client()
        sign_in(client, user)
        self.http = requests.Session()
        self.http.cookies.set(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
        self.http.cookies.set(settings.LANGUAGE_COOKIE_NAME, "en")

    def get(self, instance, path):
        return self.http.get(instance.url + path, allow_redirects=False, timeout=60)

    def post(self, instance, form_page, path, data, files=None):
        """POST `data` as the form on `form_page` would, with its CSRF token."""
        token = csrf_token(self.get(instance, form_page))
        return self.http.post(instance.url + path, data={**data, "csrfmiddlewaretoken": token}, files=files,
                              allow_redirects=False, timeout=60)


def csrf_token(page):
    """The CSRF token of the form on `page`."""
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
