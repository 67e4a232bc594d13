import functools
import operator

from django.db import models
from django.db.models import Exists, OuterRef, Q

from core.permissions import has_grant


def _seen_without_read_all(user, path=""):
    """What a user who does not read every agreement sees, as a filter on agreements reached through
    `path` ("" on agreements, "agreement__" on the rows they own), or None for nothing. Plain indexed
    conditions, never `pk IN (subquery)`: a partner's pages cost what its own rows cost."""
    from agreements.models import ReviewRequest
    from partners.querysets import own_unit_id

    seen = []
    unit = own_unit_id(user)
    if unit:
        # A partner reads its minutes from the day they are first sent, never an earlier draft.
        seen.append(Q(**{f"{path}partner_id": unit, f"{path}first_sent_at__isnull": False}))
    department_id = getattr(getattr(user, "staff_profile", None), "department_id", None)
    if department_id:
        # Exists, not a join: an agreement asked of the department is one row, however often asked.
        asked = ReviewRequest.objects.filter(agreement_id=OuterRef("agreement_id" if path else "pk"),
                                             department_id=department_id, sent_at__isnull=False)
        seen.append(Q(Exists(asked)))
    return functools.reduce(operator.or_, seen) if seen else None


def _visible(queryset, user, path=""):
    """`queryset` (agreements, or rows owned by one through `path`) narrowed to what `user` may see."""
    if not user.is_authenticated:
        return queryset.none()
    if has_grant(user, "agreements.view_agreement"):
        return queryset.all()
    seen = _seen_without_read_all(user, path)
    return queryset.none() if seen is None else queryset.filter(seen)


class AgreementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one place that says which agreements a user may see.

        Ministry staff and auditors: all. A reviewer: those sent to their department.
        A partner user: their own unit's, once first sent for review."""
        return _visible(self, user)

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
        from agreements.models import ReviewRequest

        asked = ReviewRequest.objects.filter(agreement_id=OuterRef("pk"), department=department, sent_at__isnull=False)
        return self.filter(Exists(asked), status=self.model.Status.REVIEW)


class AgreementOwnedQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Rows of an agreement are visible exactly when the agreement is."""
        return _visible(self, user, "agreement__")


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
