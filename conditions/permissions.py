"""Who may do what with the catalogue and with evidence. Seeing is decided by visible_to()."""

from core.permissions import has_grant
from partners import permissions as partner_permissions


def can_manage_catalogue(user):
    return has_grant(user, "conditions.change_conditionset")


def can_assess(user):
    return has_grant(user, "conditions.assess_evidence")


def can_submit_for(user, partner):
    """Only a member of the unit submits its evidence: the Ministry assesses, it does not submit."""
    return (has_grant(user, "conditions.add_evidence")
            and not partner_permissions.can_edit_identity(user)
            and partner_permissions.can_edit(user, partner))
