from django.db import models
from guardian.shortcuts import get_objects_for_user

from core.permissions import has_grant


def own_unit_id(user):
    """The id of the unit a partner user acts for, or None. A user acts for one unit at most
    (Membership.user is one-to-one), so scoping is a plain `partner_id = <this id>` that costs what the
    unit's own rows cost. Django keeps the membership on the user object once read, where the inbox
    and acts_for read it too: one query per request at most.

    Membership is the fact: member_add grants the unit's object permissions with it and member_remove
    takes both away, so a former member loses sight of the unit at once."""
    membership = getattr(user, "membership", None)
    return membership.partner_id if membership is not None else None


def _visible(queryset, user, field):
    """`queryset` narrowed to the units `user` may see, by `field` ("pk" on units, "partner_id" on their rows)."""
    if not user.is_authenticated:
        return queryset.none()
    if has_grant(user, "partners.view_partner"):
        return queryset.all()
    unit = own_unit_id(user)
    return queryset.filter(**{field: unit}) if unit else queryset.none()


class PartnerQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Ministry staff and auditors see every unit; a partner user only their own."""
        return _visible(self, user, "pk")

    def editable_by(self, user):
        if has_grant(user, "partners.change_partner"):
            return self.all()
        return get_objects_for_user(user, "partners.change_partner", klass=self, accept_global_perms=False,
                                    with_superuser=False)


class PartnerOwnedQuerySet(models.QuerySet):
    """Rows that belong to a partner unit are visible exactly when the unit is."""

    def visible_to(self, user):
        return _visible(self, user, "partner_id")
