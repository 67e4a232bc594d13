from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.agreement import Agreement


class SignedCopy(models.Model):
    """The minutes as rendered once, at signing: later downloads return exactly these bytes.

    The bytes live in the database, written in the signing transaction itself: a signing that
    rolls back leaves nothing behind, and a backup of the database holds every signed copy."""

    agreement = models.OneToOneField(Agreement, on_delete=models.PROTECT, related_name="signed_copy")
    data = models.BinaryField(_("PDF"))
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, unique=True)
    content_sha256 = models.CharField(_("fingerprint of the text"), max_length=64)
    verification_code = models.CharField(_("verification code"), max_length=16, unique=True)
    rendered_at = models.DateTimeField(_("rendered at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("signed copy")
        verbose_name_plural = _("signed copies")

    def __str__(self):
        return f"{self.agreement} — {self.verification_code}"
