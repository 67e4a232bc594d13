from django.db import models

from core.permissions import has_grant

# Apps above conditions may keep a set open for evidence after it is superseded (agreements: the set
# that a signed agreement still in force was judged by). Each registers here at start-up a function
# day -> queryset of condition set ids, so that conditions never imports them (apps depend one way).
SET_KEEPERS = []


class ConditionSetQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Everyone signed in may read published conditions; drafts only Ministry staff."""
        if not user.is_authenticated:
            return self.none()
        if has_grant(user, "conditions.view_draft_conditionset"):
            return self.all()
        return self.exclude(status=self.model.Status.DRAFT)

    def published(self):
        return self.exclude(status=self.model.Status.DRAFT)

    def in_force_on(self, day):
        """The published set in force on a day: the latest effective on or before it."""
        return (self.published().filter(effective_from__lte=day)
                .filter(models.Q(superseded_on__isnull=True) | models.Q(superseded_on__gt=day))
                .order_by("-effective_from", "-version").first())

    def open_for_evidence(self, day):
        """Sets a partner may submit evidence under: the latest published (even if it takes effect
        later), the one in force, and any that an app above keeps open (SET_KEEPERS)."""
        open_sets = (models.Q(status=self.model.Status.PUBLISHED)
                     | models.Q(effective_from__lte=day, superseded_on__gt=day))
        for kept_on in SET_KEEPERS:
            open_sets |= models.Q(pk__in=kept_on(day))
        return self.published().filter(open_sets)


def _evidence_seen(queryset, user, path=""):
    """Ministry staff and auditors see all evidence; a partner user only their own unit's (a plain
    filter on partner_id), for evidence reached through `path`."""
    from partners.querysets import own_unit_id

    if not user.is_authenticated:
        return queryset.none()
    if has_grant(user, "conditions.view_evidence"):
        return queryset.all()
    unit = own_unit_id(user)
    return queryset.filter(**{f"{path}partner_id": unit}) if unit else queryset.none()


class EvidenceQuerySet(models.QuerySet):
    def visible_to(self, user):
        return _evidence_seen(self, user)

    def awaiting_assessment(self):
        # Read through the partial index evidence_awaiting_assessment (Evidence.Meta).
        return self.filter(status=self.model.Status.SUBMITTED).order_by("submitted_at", "pk")


class NoticeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A notice is visible exactly when its evidence is."""
        return _evidence_seen(self, user, "evidence__")
