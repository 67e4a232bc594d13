"""The daily reminders of the review round (DOMAIN.md, Review): each addressee that has not answered
the version it was sent is told 3 days before its due date, and again, with the drafters, once the
date has passed.

send_reminders() is meant for a daily timer (the command send_review_reminders). Each reminder is a
notice keyed by kind, request and version (agreements.notify.due_reminder), so a second run on the
same day, or the next day, tells nobody twice."""

from django.db import connection, transaction
from django.db.models import Exists, OuterRef

from agreements import notify
from agreements.models import Agreement, AgreementVersion, Opinion, ReviewRequest
from agreements.selectors import DUE_SOON  # the inbox's "due within 3 days": the same days


def waiting(day):
    """Requests sent on minutes in review, for the current version, with no opinion standing on it,
    due by `day` + 3 days (overdue ones included)."""
    answered = Opinion.objects.filter(request=OuterRef("pk"), version=OuterRef("version"),
                                      superseded_by__isnull=True)
    newer = AgreementVersion.objects.filter(agreement=OuterRef("agreement"), number__gt=OuterRef("version__number"))
    return (ReviewRequest.objects
            .filter(sent_at__isnull=False, version__isnull=False, agreement__status=Agreement.Status.REVIEW,
                    due_on__lte=day + DUE_SOON)
            .exclude(Exists(answered)).exclude(Exists(newer))
            .select_related("agreement__partner", "department", "version").order_by("due_on", "pk"))


@transaction.atomic
def send_reminders(*, day):
    """Remind, for `day`, every addressee whose opinion is due within 3 days or overdue. Idempotent.
    Returns how many notices went out of each kind, one per person and request:
    {"review_due_soon": n, "review_overdue": m}."""
    if connection.vendor == "postgresql":  # two servers running at once would both tell the same people
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('send_review_reminders'))")
    told = {"review_due_soon": 0, "review_overdue": 0}
    for request in waiting(day):
        kind = "review_overdue" if request.due_on < day else "review_due_soon"
        told[kind] += len(notify.due_reminder(request, kind=kind))
    return told
