from django.db import models
from guardian.shortcuts import get_objects_for_user

from core.permissions import has_grant


class PartnerQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Ministry staff and auditors see every unit; a partner user only their own."""
        if not user.is_authenticated:
            return self.none()
        if has_grant(user, "partners.view_partner"):
            return self.all()
        return get_objects_for_user(user, "partners.view_partner", klass=self, accept_global_perms=False,
                                    with_superuser=False)

    def editable_by(self, user):
        if has_grant(user, "partners.change_partner"):
            return self.all()
        return get_objects_for_user(user, "partners.change_partner", klass=self, accept_global_perms=False,
                                    with_superuser=False)


class PartnerOwnedQuerySet(models.QuerySet):
    """Rows that belong to a partner unit are visible exactly when the unit is."""

    def visible_to(self, user):
        from partners.models import Partner

        return self.filter(partner__in=Partner.objects.visible_to(user))
