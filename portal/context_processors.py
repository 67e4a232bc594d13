"""What the menus offer each user: the same answers the pages check on the server."""

from django.utils.functional import cached_property

from agreements import permissions as agreement_permissions
from agreements import selectors as agreement_selectors
from conditions import permissions as condition_permissions
from core import notices
from core.permissions import can_view_audit_record, can_view_downloads


class Abilities:
    """Asked lazily from templates ({% if can.assess %}): a page that shows no menu asks nothing."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def read_libraries(self):
        return agreement_permissions.can_read_all(self.user)

    @cached_property
    def read_coverage(self):
        """The coverage page shows every partner's provinces: for those who read every agreement."""
        return agreement_permissions.can_read_all(self.user)

    @cached_property
    def create_agreement(self):
        return agreement_permissions.can_create(self.user)

    @cached_property
    def assess(self):
        return condition_permissions.can_assess(self.user)

    @cached_property
    def view_downloads(self):
        return can_view_downloads(self.user)

    @cached_property
    def view_audit(self):
        return can_view_audit_record(self.user)

    @cached_property
    def unread_notices(self):
        """How many of the user's notices are unread: one query, only on a page that shows the menu."""
        return notices.unread_count(self.user)

    @cached_property
    def inbox_count(self):
        """Requests waiting for the user's department or unit to answer; None for those who record no
        opinions (they have no inbox)."""
        return agreement_selectors.inbox_count(self.user) if self.user.is_authenticated else None


def abilities(request):
    user = getattr(request, "user", None)
    return {"can": Abilities(user) if user is not None else None}
