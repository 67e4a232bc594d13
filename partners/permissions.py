"""Who may do what with partner units they can see. Seeing is decided by visible_to()."""

from core.permissions import has_grant
from partners.models import Partner


def can_create(user):
    return has_grant(user, "partners.add_partner")


def can_edit(user, partner):
    """Ministry staff who manage partners, and the unit's own members (object permission)."""
    return Partner.objects.editable_by(user).filter(pk=partner.pk).exists()


def can_edit_identity(user):
    """Legal name, tax code and kind are the unit's identity: only the Ministry corrects them."""
    return has_grant(user, "partners.change_partner")


def can_change_status(user):
    return has_grant(user, "partners.change_partner_status")


def can_add_members(user):
    return has_grant(user, "partners.add_membership")


def can_remove_members(user):
    return has_grant(user, "partners.delete_membership")
