"""Who may do what to an agreement they can see. Seeing is decided by visible_to()."""

from agreements.models import Agreement

S = Agreement.Status

# The permission each move needs, besides being allowed from the current status.
TRANSITION_PERMS = {
    "send": "agreements.transition_agreement",
    "return": "agreements.transition_agreement",
    "sign": "agreements.sign_agreement",
    "terminate": "agreements.transition_agreement",
    "cancel": "agreements.transition_agreement",
}

# Which status each action leads to, and from which statuses it is offered.
ACTIONS = {
    "send": (S.REVIEW, {S.DRAFT}),
    "return": (S.DRAFT, {S.REVIEW}),
    "sign": (S.SIGNED, {S.REVIEW}),
    "cancel": (S.TERMINATED, {S.DRAFT, S.REVIEW}),
    "terminate": (S.TERMINATED, {S.SIGNED}),
}


def can_create(user):
    return user.has_perm("agreements.add_agreement")


def can_edit(user, agreement):
    return agreement.is_editable and user.has_perm("agreements.change_agreement")


def may_act(user, action):
    """The role may take this action at all (403 if not)."""
    return user.has_perm(TRANSITION_PERMS[action])


def actions_for(user, agreement):
    """The actions to offer as buttons: allowed by the role and from the current status."""
    return [a for a, (_to, sources) in ACTIONS.items() if agreement.status in sources and may_act(user, a)]


def can_view_history(user):
    return user.has_perm("agreements.view_history")
