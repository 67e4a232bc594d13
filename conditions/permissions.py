"""Who may do what with the catalogue and with evidence. Seeing is decided by visible_to()."""

from partners.models import Partner


def can_manage_catalogue(user):
    return user.has_perm("conditions.change_conditionset")


def can_assess(user):
    return user.has_perm("conditions.assess_evidence")


def can_submit_for(user, partner):
    """Only a member of the unit submits its evidence: the Ministry assesses, it does not submit."""
    return (user.has_perm("conditions.add_evidence")
            and Partner.objects.editable_by(user).filter(pk=partner.pk).exists()
            and not user.has_perm("partners.change_partner"))
