"""The signing waits for the review round (DOMAIN.md, lifecycle rules; issue 8): each addressee has
an opinion on the current version, or its due date has passed and either silence was to count as
agreement or the signer records why they go on; no "disagree" stands without the drafter's
explanation, acknowledged by the signer; and nobody who drafted the version or answered its comments
records its signing."""

from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Answer, Opinion


def opinion_problems(agreement, *, version, overdue_reason="", disagreements_acknowledged=False):
    if version is None:
        yield _("These minutes were sent before versions were kept: return them for revision and send them again.")
        return
    today = timezone.localdate()
    current = {o.request_id: o for o in Opinion.objects.filter(version=version, superseded_by__isnull=True)
               .prefetch_related("comments__answer")}
    for request in agreement.review_requests.select_related("department").order_by("to_partner", "department__name"):
        who = request.department.name if request.department_id else agreement.partner.short_name
        opinion = current.get(request.pk)
        if opinion is None:
            due = request.due_on.strftime("%d/%m/%Y") if request.due_on else "—"
            if request.due_on is None or request.due_on >= today:
                yield _("%(who)s has not given its opinion on %(version)s yet; its answer is due by %(date)s.") % {
                    "who": who, "version": version.label, "date": due}
            elif not _silence_counts(request) and not overdue_reason.strip():
                yield _("%(who)s has not given its opinion on %(version)s, due by %(date)s: record why you go on "
                        "without it.") % {"who": who, "version": version.label, "date": due}
        elif opinion.position == Opinion.Position.DISAGREE:
            comments = list(opinion.comments.all())
            unanswered = [c for c in comments if not _answered(c)]
            if unanswered:
                yield _("%(who)s disagrees (letter %(letter)s) and %(count)s of its comments have no answer from "
                        "the drafter yet.") % {"who": who, "letter": opinion.letter_number, "count": len(unanswered)}
            elif not disagreements_acknowledged:
                yield _("%(who)s disagrees (letter %(letter)s): acknowledge the drafter's explanation to go on.") % {
                    "who": who, "letter": opinion.letter_number}


def _silence_counts(request):
    """Silence is agreement only when the request said so and the addressee had the version before its
    due date: a due date already past when it was sent gave no time to answer."""
    sent_on = timezone.localdate(request.sent_at) if request.sent_at else None
    return request.silence_is_agreement and sent_on is not None and request.due_on >= sent_on


def _answered(comment):
    try:
        return comment.answer is not None
    except Answer.DoesNotExist:
        return False


def duty_problems(agreement, *, version, by):
    """Separation of duties: the signing is recorded by someone who neither wrote the version nor
    answered its comments, superusers included."""
    if version is None or by is None:
        return
    answered = Answer.history.filter(comment__opinion__version=version, history_user=by).exists()
    if by.pk in version.authors or answered:
        yield _("You drafted %(version)s or answered its comments: someone else must record its signing.") % {
            "version": version.label}
