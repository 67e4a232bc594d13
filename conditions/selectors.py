"""Reads of the catalogue and of evidence that more than one page or command needs."""

from conditions import permissions
from conditions.models import Evidence, Notice


def notices_for(user, *, partner=None, condition_set=None, limit=10):
    """The latest expiry notices about evidence the user may see, newest first."""
    notices = Notice.objects.visible_to(user)
    if partner is not None:
        notices = notices.filter(evidence__partner=partner)
    if condition_set is not None:
        notices = notices.filter(evidence__condition__condition_set=condition_set)
    return list(notices.select_related("evidence__condition", "evidence__partner")[:limit])


def queue_size(user):
    """How many submissions wait for assessment, or None for someone who does not assess."""
    if not permissions.can_assess(user):
        return None
    return Evidence.objects.awaiting_assessment().count()
