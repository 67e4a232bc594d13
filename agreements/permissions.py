"""Who may do what to an agreement they can see. Seeing is decided by visible_to(); the lifecycle
actions and the permission each needs are in agreements.actions."""

from agreements.actions import ACTIONS
from core.permissions import has_grant
from partners.querysets import own_unit_id


def can_read_all(user):
    """Ministry staff and auditors read every agreement; others only what is theirs or sent to them."""
    return has_grant(user, "agreements.view_agreement")


def can_create(user):
    return has_grant(user, "agreements.add_agreement")


def can_draft(user):
    """Edit drafts and keep the libraries they start from."""
    return has_grant(user, "agreements.change_agreement")


def can_edit(user, agreement):
    return agreement.is_editable and can_draft(user)


def may_record_opinion(user):
    """The role records opinions at all; agreements.services.review.acts_for says for whom."""
    return has_grant(user, "agreements.record_opinion")


def may_act(user, action):
    """The role may take this action at all (403 if not)."""
    return has_grant(user, action.permission)


def actions_for(user, agreement):
    """The actions to offer as buttons: allowed by the role and from the current status."""
    return [action for action in ACTIONS.values() if agreement.status in action.sources and may_act(user, action)]


def can_read_deployment(user, agreement):
    """The deployment reports of an agreement are read by Ministry staff and auditors, and by the receiving
    party's own users; a department asked for its opinion on the minutes does not read them."""
    return can_read_all(user) or (user.is_authenticated and own_unit_id(user) == agreement.partner_id)


def speaks_for_receiving_party(user, agreement):
    """One of the receiving party's own users: who files its deployment reports and asks to refuse the right to
    use under its minutes. The Ministry reads and decides; it does not write for the partner."""
    return user.is_authenticated and user.is_active and own_unit_id(user) == agreement.partner_id


can_file_report = can_ask_refusal = speaks_for_receiving_party


def can_decide_refusal(user):
    """Accepting a refusal may end the agreement: who may terminate agreements decides."""
    return has_grant(user, "agreements.transition_agreement")


def can_set_report_period(user):
    """The drafter sets how often the receiving party reports, in the draft and after signing."""
    return can_draft(user)


can_record_handback = speaks_for_receiving_party  # the receiving party records what it handed back


def can_confirm_handback(user):
    """Who may terminate agreements confirms (or returns) what the receiving party handed back."""
    return has_grant(user, ACTIONS["terminate"].permission)
