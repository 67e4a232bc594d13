"""Taking the lifecycle actions of agreements.actions as a person at the confirmation page does: an
agreement in a state the action is offered from, and the form its page posts. And the one way these
tests see that nothing changed: every write the product makes leaves a version in a history table."""

from django.apps import apps

from agreements import services as agreement_services
from agreements.actions import ACTIONS
from agreements.models import Agreement
from core import roles
from tests.factories import SIGNATORIES, agreement_in, clerk

# A valid form for each action, as its confirmation page posts it.
FORMS = {
    "send": {"reason": "Công văn 442/CNTT-TTUD"},
    "return": {"reason": "Tiếp thu ý kiến góp ý"},
    "sign": {"number": "5", "signed_on": "20/12/2025", **SIGNATORIES},
    "cancel": {"cancelled_on": "22/12/2025", "notes": "Không triển khai nữa"},
    "terminate": {"terminated_on": "31/12/2027", "reason_code": "term_ended"},
}

# Every field a page of the application reads, each valid: each action's form, a partner's status and
# profile, an assessor's decision. Sent where only the method or the visitor should stop a change.
EVERY_FIELD = {"status": "suspended", "reason": "Tạm dừng để rà soát", "decision": "accepted", "short_name": "Đổi tên",
               "title": "Biên bản mới"} | {name: value for form in FORMS.values() for name, value in form.items()}


def ready_for(action, partner):
    """An agreement of `partner` in a state `action` is offered from, so that a refusal is about who
    asks, never about the state. A draft was sent once and taken back, so that the partner reads it."""
    status = sorted(ACTIONS[action].sources)[0]
    if status != Agreement.Status.DRAFT:
        return agreement_in(status, partner=partner)
    return agreement_services.agreement_return_for_revision(
        agreement=agreement_in(Agreement.Status.REVIEW, partner=partner), by=clerk(roles.DRAFTER), reason="Sửa")


def recorded_writes():
    """How many versions the history tables hold: a view that changed anything added one."""
    return sum(model.objects.count() for model in apps.get_models() if model.__name__.startswith("Historical"))


def as_posted(*forms):
    """What a browser posts for these forms and formsets as a page shows them (their initial values)."""
    data = {}
    for form in forms:
        if hasattr(form, "management_form"):
            data |= as_posted(form.management_form, *form.forms)
            continue
        for field in form:
            value, widget = field.value(), field.field.widget
            if value is None or value is False or value == "" or value == []:
                continue
            shown = "on" if value is True else widget.format_value(value)
            if isinstance(shown, list) and not getattr(widget, "allow_multiple_selected", False):
                shown = shown[0]  # a <select> of one
            data[field.html_name] = shown
    return data
