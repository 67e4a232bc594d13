"""The daily watch of hand-back obligations (issue 13, item 4): an obligation still owed past its deadline is
told to the receiving party and the drafters, once. The pages flag it by its date (HandbackObligation.is_overdue);
the notice, unique per person and obligation (core.notices), is the memory of what was told, so a run repeated
the same day, or on another server, tells nobody twice."""

from django.db import connection, transaction

from agreements import notify
from agreements.models import HandbackObligation


@transaction.atomic
def check_all(*, day):
    """Tell each obligation overdue on `day` that was never told. Idempotent. Returns counts of what it did."""
    if connection.vendor == "postgresql":  # two runs at once would both send the same notices
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('watch_handback'))")
    overdue = (HandbackObligation.objects.filter(status__in=HandbackObligation.PENDING, due_on__lt=day)
               .select_related("agreement__partner").order_by("due_on", "pk"))
    done = {"overdue": 0, "told": 0}
    for obligation in overdue:
        done["overdue"] += 1
        if notify.handback_overdue(obligation):
            done["told"] += 1
    return done
