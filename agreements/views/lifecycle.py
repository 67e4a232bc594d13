"""The lifecycle actions of agreements.actions: a confirmation page, then the POST that performs it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from agreements import permissions, selectors
from agreements.views.agreement import visible_agreement
from core.exceptions import NotPermitted, Refused


def _allowed(request, pk, action):
    agreement = visible_agreement(request, pk)
    if not permissions.may_act(request.user, action):
        raise PermissionDenied
    return agreement


def _page(request, agreement, action, form, status=200, refusals=()):
    # The signer sees where the round stands before confirming: the signing waits for it.
    review = selectors.review_state(request.user, agreement) if action.name == "sign" else None
    return render(request, "agreements/agreement_transition.html", {
        "agreement": agreement, "action": action, "form": form, "refusals": refusals, "review": review,
        "offered": agreement.status in action.sources}, status=status)


@require_GET
def transition_confirm(request, pk, action):
    """The confirmation step: what is about to happen, and the details it needs."""
    agreement = _allowed(request, pk, action)
    return _page(request, agreement, action, action.form(agreement=agreement))


@require_POST
def transition(request, pk, action):
    agreement = _allowed(request, pk, action)
    form = action.form(request.POST, agreement=agreement)
    if not form.is_valid():
        return _page(request, agreement, action, form, status=400)
    try:
        action.perform(agreement=agreement, by=request.user, **form.cleaned_data)
    except NotPermitted:
        raise
    except Refused as refused:
        return _page(request, agreement, action, form, status=409, refusals=refused.reasons)
    messages.success(request, action.done)
    return redirect(agreement)
