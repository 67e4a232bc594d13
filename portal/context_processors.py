"""What the menus offer each user: the same answers the pages check on the server."""

from django.utils.functional import cached_property

from agreements import permissions as agreement_permissions
from conditions import permissions as condition_permissions
from core.permissions import can_view_downloads


class Abilities:
    """Asked lazily from templates ({% if can.assess %}): a page that shows no menu asks nothing."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def read_libraries(self):
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


def abilities(request):
    user = getattr(request, "user", None)
    return {"can": Abilities(user) if user is not None else None}
