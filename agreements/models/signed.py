from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.agreement import Agreement


class SignedCopy(models.Model):
    """The minutes as rendered once, at signing: later downloads return exactly these bytes, and later
    pages name the parties as `record` kept them that day, whatever is renamed since.

    The bytes live in the database, written in the signing transaction itself: a signing that
    rolls back leaves nothing behind, and a backup of the database holds every signed copy."""

    agreement = models.OneToOneField(Agreement, on_delete=models.PROTECT, related_name="signed_copy",
                                  verbose_name=_("agreement"))
    data = models.BinaryField(_("PDF"))
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, unique=True)
    content_sha256 = models.CharField(_("fingerprint of the text"), max_length=64)
    verification_code = models.CharField(_("verification code"), max_length=16, unique=True)
    record = models.JSONField(_("the minutes as signed"), default=dict, blank=True, editable=False,
                              help_text=_("The parties' names, addresses and representatives and the department's "
                                          "name as they were on the signing day: what every later page shows."))
    rendered_at = models.DateTimeField(_("rendered at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("signed copy")
        verbose_name_plural = _("signed copies")

    def __str__(self):
        return f"{self.agreement} — {self.verification_code}"


def signed_names(agreement):
    """Who the signed minutes name, as kept at signing (None before signing, or for a copy signed before
    the record was kept): {"handing_department", "partner": {"legal_name", "address", "tax_code"},
    "handing"/"receiving": {"name", "honorific", "title", …}}."""
    copy = getattr(agreement, "signed_copy", None) if agreement.signed_on else None
    return (copy.record or None) if copy is not None else None
