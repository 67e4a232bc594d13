"""What a service raises when the rules say no. The reasons are shown to the user, every one of them."""

from django.core.exceptions import PermissionDenied, ValidationError


class Refused(Exception):
    """An action the rules do not allow; `reasons` are shown to the user, every one of them."""

    def __init__(self, reasons):
        if isinstance(reasons, str):
            reasons = [reasons]
        self.reasons = [str(r) for r in reasons]
        super().__init__("; ".join(self.reasons))


class AlreadyRecorded(Exception):
    """The same submission sent again: `existing` is what the first one recorded, for the view to show."""

    def __init__(self, existing):
        self.existing = existing
        super().__init__(f"already recorded: {existing!r}")


class NotPermitted(Refused, PermissionDenied):
    """The person acting may not do this at all. Services raise it themselves, so no caller can skip
    the check; a view that does not catch it answers 403 like any PermissionDenied."""


def full_clean_or_refuse(obj, **kwargs):
    """Model.full_clean(), its errors raised as a refusal that names each of them. Forms check the
    same before a service runs; this is the rule for every other caller."""
    try:
        obj.full_clean(**kwargs)
    except ValidationError as error:
        raise Refused(error.messages) from None
    return obj
