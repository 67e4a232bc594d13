"""The demo's SQLite takes writers at once without "database is locked" (issue 11, item 7): a writing
transaction takes the write lock when it begins and waits for it (config/settings/base.py). Run in a
process of its own on a throwaway SQLite file, as `make run` serves it; every entry is chained."""

import subprocess
import sys

from django.conf import settings

WRITERS = """
import os, sys, threading
sys.path.insert(0, os.getcwd())
import django
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
from core import roles
from core.models import AuditEntry
from partners.services import partner_update
from tests.factories import PartnerFactory, UserFactory
drafter = UserFactory(username="d", roles=[roles.DRAFTER])
partners = [PartnerFactory() for _ in range(6)]
failures, barrier = [], threading.Barrier(6)
def write(partner):
    try:
        barrier.wait(10)
        for n in range(5):
            partner_update(partner=partner, by=drafter, contact_phone=f"024 0000 {n}")
    except Exception as failure:
        failures.append(repr(failure))
    finally:
        connection.close()
threads = [threading.Thread(target=write, args=(p,)) for p in partners]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(60)
print("failures", failures)
print("unlinked", AuditEntry.objects.filter(link__isnull=True).count())
"""


def on_the_demos_sqlite(tmp_path, code):
    """Run `code` in a process of its own under the demo's settings, on a throwaway SQLite file; its output."""
    script = tmp_path / "script.py"
    script.write_text(code)
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.local",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}", "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
           "DJANGO_AUDIT_SEAL_FILE": str(tmp_path / "seals.jsonl")}
    result = subprocess.run([sys.executable, str(script)], cwd=settings.BASE_DIR, env=env, capture_output=True,
                            text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def test_six_writers_at_once_on_the_demos_sqlite_all_succeed(tmp_path):
    result = on_the_demos_sqlite(tmp_path, WRITERS)
    assert "failures []" in result.stdout, result.stdout
    assert "unlinked 0" in result.stdout
