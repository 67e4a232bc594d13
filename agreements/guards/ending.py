"""Cancelling minutes never signed, and terminating signed ones."""

from django.utils.translation import gettext as _

from agreements.models import Agreement, Clause


def cancelling_problems(agreement):
    if not agreement.cancelled_on:
        yield _("Give the date of cancellation.")


def termination_problems(agreement):
    """The reasons of DOMAIN.md; a refusal must cite a refusal case of this very agreement."""
    reason = agreement.termination_reason
    if not agreement.terminated_on:
        yield _("Give the date of termination.")
    if reason not in Agreement.TerminationReason.values:
        yield _("Choose the reason for termination.")
        return
    if reason == Agreement.TerminationReason.CANCELLED:
        yield _("A signed agreement cannot be cancelled; choose why it ends.")
    if reason == Agreement.TerminationReason.REFUSED:
        clause = agreement.termination_clause
        if clause is None or clause.agreement_id != agreement.pk or clause.section != Clause.Section.REFUSAL:
            yield _("A refusal must cite one of the refusal cases of this agreement.")
    if agreement.terminated_on and agreement.signed_on and agreement.terminated_on < agreement.signed_on:
        yield _("An agreement cannot end before it was signed.")
