"""What terminating signed minutes leaves to do (issue 13, item 4): the hand-back obligations their clauses name,
each recorded by the receiving party with evidence and confirmed by the Ministry, and the minutes of termination,
rendered once and frozen like the signed copy. agreements.services.handback and .termination write them."""

import datetime

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.querysets import AgreementOwnedQuerySet
from core.models import PrivateFile
from core.storage import private
from core.uploads import PrivateUploadTo

NOTES_MAX = 10_000


class HandbackObligation(models.Model):
    """One thing the receiving party owes once its minutes end: data or systems handed back, accounts closed,
    personal data deleted, a deletion certificate sent."""

    class Kind(models.TextChoices):
        DATA = "data", _("Data handed back")
        SYSTEMS = "systems", _("Systems handed back")
        ACCOUNTS = "accounts", _("Accounts closed")
        PERSONAL_DATA_DELETED = "personal_data_deleted", _("Personal data deleted")
        DELETION_CERTIFICATE = "deletion_certificate", _("Deletion certificate")

    # Days from the termination date, per kind. The library's termination clause (agreements.library_clauses):
    # data, systems, administrator accounts and documents are handed back within 30 days; the personal data left
    # is deleted and the deletion certificate sent within 15 days of the hand-back minutes, so at the latest on
    # day 45. Counted from the termination date so that every deadline is known the day the minutes end.
    DAYS = {Kind.DATA: 30, Kind.SYSTEMS: 30, Kind.ACCOUNTS: 30, Kind.PERSONAL_DATA_DELETED: 45,
            Kind.DELETION_CERTIFICATE: 45}

    class Status(models.TextChoices):
        OPEN = "open", _("Not yet done")  # not "Open": that word is a button elsewhere
        RECORDED = "recorded", _("Recorded by the receiving party")
        RETURNED = "returned", _("Returned by the Ministry")
        CONFIRMED = "confirmed", _("Confirmed by the Ministry")

    # Who may act from which status: the receiving party records an open or returned obligation, the Ministry
    # confirms or returns a recorded one (agreements.services.handback enforces it).
    RECORDABLE = (Status.OPEN, Status.RETURNED)
    PENDING = (Status.OPEN, Status.RETURNED)  # still owed by the receiving party: may fall overdue

    agreement = models.ForeignKey("agreements.Agreement", on_delete=models.PROTECT, related_name="handback_obligations",
                                  verbose_name=_("agreement"))
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    clause = models.ForeignKey("agreements.Clause", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("clause that names it"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN, editable=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
                                    blank=True, editable=False, verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), null=True, blank=True, editable=False)
    record_notes = models.TextField(_("what was done"), blank=True, editable=False, max_length=NOTES_MAX,
                                    validators=[MaxLengthValidator(NOTES_MAX)])
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
                                     blank=True, editable=False, verbose_name=_("confirmed or returned by"))
    confirmed_at = models.DateTimeField(_("confirmed or returned at"), null=True, blank=True, editable=False)
    confirmation_notes = models.TextField(_("the Ministry's notes"), blank=True, editable=False, max_length=NOTES_MAX,
                                          validators=[MaxLengthValidator(NOTES_MAX)])
    history = HistoricalRecords()

    objects = AgreementOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("hand-back obligation")
        verbose_name_plural = _("hand-back obligations")
        ordering = ["agreement", "due_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["agreement", "kind"], name="handback_obligation_once")]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.agreement}"

    def get_absolute_url(self):
        return reverse("agreements:handback", args=[self.agreement_id]) + f"#obligation-{self.pk}"

    @classmethod
    def due_for(cls, kind, terminated_on):
        return terminated_on + datetime.timedelta(days=cls.DAYS[kind])

    def is_overdue(self, day):
        return self.status in self.PENDING and self.due_on < day


class HandbackEvidence(PrivateFile):
    """A document the receiving party attached to what it recorded, kept privately under a name we chose."""

    obligation = models.ForeignKey(HandbackObligation, on_delete=models.PROTECT, related_name="files",
                                   verbose_name=_("hand-back obligation"))
    file = models.FileField(_("file"), storage=private, upload_to=PrivateUploadTo("handback"), max_length=200)
    history = HistoricalRecords()

    class Meta(PrivateFile.Meta):
        verbose_name = _("hand-back evidence")
        verbose_name_plural = _("hand-back evidence")


class TerminationMinutes(models.Model):
    """The minutes of termination ("Biên bản chấm dứt …"), numbered in the year with a symbol of their own and
    rendered once, in the termination transaction: later downloads return exactly these bytes, and /verify/
    finds them by their code or their bytes. `record` keeps what they say (the parties as signed, the
    obligations and their deadlines) as plain values."""

    agreement = models.OneToOneField("agreements.Agreement", on_delete=models.PROTECT,
                                     related_name="termination_minutes", verbose_name=_("agreement"))
    number = models.PositiveIntegerField(_("number"))
    number_year = models.PositiveIntegerField(_("numbering year"))
    symbol = models.CharField(_("symbol"), max_length=30)
    issued_on = models.DateField(_("issued on"))
    data = models.BinaryField(_("PDF"))
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, unique=True)
    content_sha256 = models.CharField(_("fingerprint of the text"), max_length=64)
    verification_code = models.CharField(_("verification code"), max_length=16, unique=True)
    record = models.JSONField(_("the minutes as issued"), default=dict, blank=True, editable=False)
    rendered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    editable=False, verbose_name=_("frozen by"))
    rendered_at = models.DateTimeField(_("rendered at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minutes of termination")
        verbose_name_plural = _("minutes of termination")
        constraints = [models.UniqueConstraint(fields=["number_year", "number", "symbol"],
                                               name="termination_minutes_number_unique_in_year")]

    def __str__(self):
        return self.number_and_symbol

    @property
    def number_and_symbol(self):
        """"03/BBCD-CNTT": numbers under 10 get a leading zero (Decree 30/2020/NĐ-CP)."""
        return f"{self.number:02d}/{self.symbol}"

    @property
    def filename(self):
        return f"bien-ban-cham-dut-{self.number_and_symbol.replace('/', '-')}-{self.number_year}.pdf"
