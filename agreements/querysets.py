from django.db import models
from django.db.models import Q

from core.permissions import has_grant


class AgreementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one place that says which agreements a user may see.

        Ministry staff and auditors: all. A reviewer: those sent to their department.
        A partner user: their own unit's, once first sent for review."""
        from partners.models import Partner

        if not user.is_authenticated:
            return self.none()
        if has_grant(user, "agreements.view_agreement"):
            return self.all()
        department_id = getattr(getattr(user, "staff_profile", None), "department_id", None)
        # A partner reads its minutes from the day they are first sent, never an earlier draft.
        query = Q(partner__in=Partner.objects.visible_to(user), first_sent_at__isnull=False)
        if department_id:
            query |= Q(review_requests__department_id=department_id, review_requests__sent_at__isnull=False)
        return self.filter(pk__in=self.model.objects.filter(query).values("pk"))

    def in_force_between(self, start, end):
        """Signed agreements whose term meets [start, end]. The termination date is the last day
        in force, so one terminated with effect from a later day covers until then."""
        S = self.model.Status
        return self.filter(signed_on__isnull=False, term_start__lte=end, term_end__gte=start).filter(
            Q(status=S.SIGNED) | Q(status=S.TERMINATED, terminated_on__gte=start))

    def in_force_on(self, day):
        return self.in_force_between(day, day)

    def next_number(self, year, symbol="BB-CNTT"):
        """The next free number of the year for a symbol; numbering restarts at 01 each year."""
        last = (self.filter(number_year=year, symbol=symbol).order_by("-number")
                .values_list("number", flat=True).first())
        return (last or 0) + 1

    def awaiting_opinion_from(self, department):
        return self.filter(status=self.model.Status.REVIEW, review_requests__department=department,
                           review_requests__sent_at__isnull=False).distinct()


class AgreementOwnedQuerySet(models.QuerySet):
    def visible_to(self, user):
        from agreements.models import Agreement

        return self.filter(agreement__in=Agreement.objects.visible_to(user))


class LegalDocumentQuerySet(models.QuerySet):
    def in_force_on(self, day):
        """In force on `day`, both ends included; without a first day in force, from the day issued."""
        started = Q(in_force_from__lte=day) | Q(in_force_from__isnull=True, issued_on__lte=day) | Q(
            in_force_from__isnull=True, issued_on__isnull=True)
        return self.filter(started).filter(Q(in_force_until__isnull=True) | Q(in_force_until__gte=day))

    def offered_for(self, agreement):
        """What a draft may cite: active, in force on its signing day, and no other department's authority."""
        return self.filter(active=True).in_force_on(agreement.law_day()).filter(
            Q(department__isnull=True) | Q(department_id=agreement.handing_department_id))

    def citable_on(self, day):
        """What a clause's {law:<topic>} may name on `day`: offered, in force, and no department's own authority."""
        return self.filter(active=True, department__isnull=True).in_force_on(day)
