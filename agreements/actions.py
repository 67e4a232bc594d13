"""The lifecycle actions, each declared once. The permissions, the transition view, its URL and the
templates read this table; agreements.services holds one service per action, named here.

Adding an action: one entry below, one service (which calls its guards), and the form it needs.
An action's form's cleaned data are exactly its service's keyword arguments."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from agreements import forms
from agreements.models import Agreement

S = Agreement.Status


@dataclass(frozen=True)
class Action:
    name: str  # in the URL: /agreements/<pk>/<name>/
    to: str  # the status it leads to
    sources: frozenset  # the statuses it is offered from
    permission: str  # the role's permission to take it
    form: type  # built as form(data, agreement=agreement)
    service: str  # the function of agreements.services that performs it
    button: Promise  # on the agreement's page
    heading: Promise  # on the confirmation page
    explanation: Promise  # what is about to happen, on the confirmation page
    done: Promise  # the message once it is done
    dangerous: bool = False  # shown in red: it cannot be undone

    def perform(self, *, agreement, by, **data):
        from agreements import services  # the services read this table: look them up only when acting

        return getattr(services, self.service)(agreement=agreement, by=by, **data)


ACTIONS = {action.name: action for action in [
    Action(
        name="send", to=S.REVIEW, sources=frozenset({S.DRAFT}), permission="agreements.transition_agreement",
        form=forms.SendForm, service="agreement_send_for_review",
        button=_("Send for review"), heading=_("Send for review"),
        explanation=_("The minutes will go to the departments asked, and cannot be edited while in review."),
        done=_("Sent for review."),
    ),
    Action(
        name="return", to=S.DRAFT, sources=frozenset({S.REVIEW}), permission="agreements.transition_agreement",
        form=forms.ReturnForm, service="agreement_return_for_revision",
        button=_("Return for revision"), heading=_("Return for revision"),
        explanation=_("The minutes go back to draft so the text can change."),
        done=_("Returned for revision."),
    ),
    Action(
        name="sign", to=S.SIGNED, sources=frozenset({S.REVIEW}), permission="agreements.sign_agreement",
        form=forms.SignForm, service="agreement_sign",
        button=_("Record signing"), heading=_("Record signing"),
        explanation=_("Once signing is recorded, the text never changes again; only termination is left."),
        done=_("Signing recorded. The minutes are now frozen."),
    ),
    Action(
        name="cancel", to=S.CANCELLED, sources=frozenset({S.DRAFT, S.REVIEW}),
        permission="agreements.transition_agreement", form=forms.CancelForm, service="agreement_cancel",
        button=_("Cancel"), heading=_("Cancel the agreement"),
        explanation=_("A cancelled draft cannot be reopened."),
        done=_("Agreement cancelled."), dangerous=True,
    ),
    Action(
        name="terminate", to=S.TERMINATED, sources=frozenset({S.SIGNED}),
        permission="agreements.transition_agreement", form=forms.TerminateForm, service="agreement_terminate",
        button=_("Terminate"), heading=_("Terminate the agreement"),
        explanation=_("A terminated agreement cannot be reopened."),
        done=_("Agreement terminated."), dangerous=True,
    ),
]}


class ActionConverter:
    """URLs name only the actions of the table: any other word is a 404 before a view runs."""

    regex = "|".join(ACTIONS)

    def to_python(self, value):
        return ACTIONS[value]

    def to_url(self, value):
        return value.name if isinstance(value, Action) else value
