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
                .order_by("-effective_from", "-version").first())
