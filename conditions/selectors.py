"""Reads of the catalogue and of evidence that more than one page or command needs."""

from django.db.models import Exists, OuterRef, Q

from conditions import permissions
from conditions.models import ConditionSet, Evidence, Notice


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


def waiting_on_unit(user, day):
    """What the user's own unit has to do about its evidence, oldest first: the newest submission for a condition
    of a set still open for evidence, when it was rejected (to submit again) or asks for more information (to
    answer on it). One query, however many conditions and submissions."""
    from partners.querysets import own_unit_id

    unit = own_unit_id(user)
    if unit is None:
        return []
    newer = Evidence.objects.filter(partner_id=OuterRef("partner_id"), condition_id=OuterRef("condition_id")).filter(
        Q(submitted_at__gt=OuterRef("submitted_at")) | Q(submitted_at=OuterRef("submitted_at"), pk__gt=OuterRef("pk")))
    return list(Evidence.objects.visible_to(user)
                .filter(partner_id=unit, status__in=(Evidence.Status.REJECTED, Evidence.Status.INFO_REQUESTED),
                        condition__condition_set__in=ConditionSet.objects.open_for_evidence(day))
                .exclude(Exists(newer))
                .select_related("condition", "partner").order_by("decided_at", "pk"))
