"""How often a user or an address may do a costly thing (render a PDF, check a copy anonymously).

django-ratelimit would need memcached or Redis for atomic counts (it refuses the database cache); the product
runs on PostgreSQL alone, whose INSERT … ON CONFLICT DO UPDATE counts atomically across every process. SQLite
(the demo) takes the same statement."""

import datetime
import hashlib
import random

from django.db import connection, transaction
from django.utils import timezone

from core.models import RateCount

# One call in this many also deletes the counts whose window has passed.
SWEEP_ONE_IN = 100


def _key(key):
    key = str(key)
    return key if len(key) <= 64 else hashlib.sha256(key.encode()).hexdigest()


def allow(scope, key, *, limit, per):
    """Count one more attempt of `key` at `scope`, and say whether it stays within `limit` attempts a window of
    `per` seconds. An attempt over the limit still counts (a client that keeps trying stays refused)."""
    now = timezone.now()
    slot = int(now.timestamp()) // per
    expires_at = datetime.datetime.fromtimestamp((slot + 1) * per, tz=datetime.UTC)
    q = connection.ops.quote_name
    table, n = q(RateCount._meta.db_table), q("count")
    columns = ", ".join(q(name) for name in ("scope", "key", "slot", "count", "expires_at"))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, 1, %s) "
            f"ON CONFLICT ({q('scope')}, {q('key')}, {q('slot')}) DO UPDATE SET {n} = {table}.{n} + 1 "
            f"RETURNING {n}",
            [scope, _key(key), slot, connection.ops.adapt_datetimefield_value(expires_at)],
        )
        (count,) = cursor.fetchone()
        if random.randrange(SWEEP_ONE_IN) == 0:
            RateCount.objects.filter(expires_at__lt=now).delete()
    return count <= limit
