from django.db import models


class ConditionSetQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Everyone signed in may read published conditions; drafts only those who manage them."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("conditions.change_conditionset") or user.has_perm("agreements.view_agreement"):
            return self.all()
        return self.exclude(status="draft")

    def in_force_on(self, day):
        """The published set in force on a day: the latest effective on or before it."""
        return (self.exclude(status="draft").filter(effective_from__lte=day)
                .filter(models.Q(superseded_on__isnull=True) | models.Q(superseded_on__gt=day))
                .order_by("-effective_from", "-version").first())


    def open_for_evidence(self, day):
        """Sets a partner may submit evidence under: the latest published (even if it takes effect
        later), the one in force, and any that a signed agreement still in force was judged by."""
        from agreements.models import Agreement

        return self.exclude(status="draft").filter(
            models.Q(status="published")
            | models.Q(effective_from__lte=day, superseded_on__gt=day)
            | models.Q(pk__in=Agreement.objects.in_force_on(day).values("condition_set"))
        )


class EvidenceQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Ministry staff and auditors see all evidence; a partner user only their own unit's."""
        from partners.models import Partner

        if not user.is_authenticated:
            return self.none()
        if user.has_perm("conditions.view_evidence"):
            return self.all()
        return self.filter(partner__in=Partner.objects.visible_to(user))

    def awaiting_assessment(self):
        return self.filter(status="submitted").order_by("submitted_at", "pk")
