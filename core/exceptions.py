def flash_refusal(request, refused):
    """Show every reason of a refusal on the next page the user sees."""
    from django.contrib import messages

    for reason in refused.reasons:
        messages.error(request, reason)


class Refused(Exception):
    """An action the rules do not allow; `reasons` are shown to the user, every one of them."""

    def __init__(self, reasons):
        if isinstance(reasons, str):
            reasons = [reasons]
        self.reasons = [str(r) for r in reasons]
        super().__init__("; ".join(self.reasons))
