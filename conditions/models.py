from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from conditions.querysets import ConditionSetQuerySet, EvidenceQuerySet, NoticeQuerySet
from core.dates import long_date
from core.models import PrivateFile
from core.storage import private
from core.uploads import PrivateUploadTo


class ConditionSet(models.Model):
    """One version of the necessary and sufficient conditions. Published sets are never edited."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        SUPERSEDED = "superseded", _("Superseded")

    version = models.PositiveIntegerField(_("version"), unique=True)
    title = models.CharField(_("title"), max_length=255)
    effective_from = models.DateField(_("effective from"))
    decision_number = models.CharField(_("issuing decision number"), max_length=60, blank=True,
                                       help_text=_("The Minister's decision that issues this version, e.g. "
                                                   "5120/QĐ-BYT: the minutes cite the conditions by it."))
    decision_date = models.DateField(_("issuing decision dated"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    superseded_on = models.DateField(_("superseded from"), null=True, blank=True, editable=False,
                                     help_text=_("The effective date of the version that replaced it."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = ConditionSetQuerySet.as_manager()

    class Meta:
        verbose_name = _("condition set")
        verbose_name_plural = _("condition sets")
        ordering = ["-version"]
        permissions = [("view_draft_conditionset", _("Can read draft condition sets"))]

    def __str__(self):
        return _("Conditions v%(version)s (from %(date)s)") % {
            "version": self.version, "date": self.effective_from.strftime("%d/%m/%Y")}

    def citation(self):
        """How the minutes name the conditions applied: by version and issuing decision."""
        text = f"Bộ điều kiện cần và đủ phiên bản {self.version}"
        if self.decision_number and self.decision_date:
            text += (f" ban hành kèm theo Quyết định số {self.decision_number} ngày {long_date(self.decision_date)} "
                     "của Bộ trưởng Bộ Y tế")
        return text

    def get_absolute_url(self):
        return reverse("conditions:detail", args=[self.pk])

    @property
    def is_editable(self):
        return self.status == self.Status.DRAFT

    def in_force_on(self, day):
        return (self.status != self.Status.DRAFT and self.effective_from <= day
                and (self.superseded_on is None or day < self.superseded_on))


class Condition(models.Model):
    class Category(models.TextChoices):
        LEGAL = "legal", _("Legal")
        TECHNICAL = "technical", _("Technical")
        SECURITY = "security", _("Information security")
        PERSONAL_DATA = "personal_data", _("Personal data protection")
        PERSONNEL = "personnel", _("Personnel")
        EXPERIENCE = "experience", _("Experience")

    condition_set = models.ForeignKey(ConditionSet, on_delete=models.CASCADE, related_name="conditions",
                                      verbose_name=_("condition set"))
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=255)
    # A TextField's max_length reaches only its form field; the validator makes full_clean refuse too.
    description = models.TextField(_("description"), blank=True, max_length=4_000,
                                   validators=[MaxLengthValidator(4_000)])
    category = models.CharField(_("category"), max_length=20, choices=Category)
    mandatory = models.BooleanField(_("mandatory"), default=True)
    evidence_required = models.TextField(_("evidence required"), blank=True, max_length=2_000,
                                         validators=[MaxLengthValidator(2_000)])
    validity_months = models.PositiveIntegerField(_("evidence valid for (months)"), default=12,
                                                  validators=[MinValueValidator(1), MaxValueValidator(120)])
    position = models.PositiveIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")
        ordering = ["condition_set", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["condition_set", "code"], name="condition_code_unique_in_set"),
        ]

    def __str__(self):
        return f"{self.code} — {self.title}"


class Evidence(models.Model):
    """What a partner submits for one condition: a statement and files. Each submission is a row
    of its own, so a resubmission never rewrites what the assessor decided before."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        INFO_REQUESTED = "info_requested", _("More information requested")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    # What an assessor decides; evidence_decide() gives no other.
    DECISIONS = (Status.ACCEPTED, Status.REJECTED, Status.INFO_REQUESTED)
    # The only legal moves: the assessor's decisions (evidence_decide) and the partner's answer to a request
    # for more information, which puts the same evidence back before the assessor (evidence_answer).
    MOVES = {
        Status.SUBMITTED: {Status.ACCEPTED, Status.REJECTED, Status.INFO_REQUESTED},
        Status.INFO_REQUESTED: {Status.SUBMITTED},
        Status.ACCEPTED: set(),
        Status.REJECTED: set(),
    }

    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="evidence",
                                verbose_name=_("partner unit"))
    condition = models.ForeignKey(Condition, on_delete=models.PROTECT, related_name="evidence",
                                  verbose_name=_("condition"))
    statement = models.TextField(_("statement"))
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.SUBMITTED, editable=False)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     editable=False, verbose_name=_("submitted by"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
                                   blank=True, editable=False, verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    decision_reason = models.TextField(_("reason given to the partner"), blank=True, editable=False)
    valid_from = models.DateField(_("valid from"), null=True, blank=True, editable=False)
    valid_until = models.DateField(_("valid until"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["-submitted_at", "-pk"]
        permissions = [("assess_evidence", _("Can accept or reject evidence"))]
        # The assessment queue and its count read only what waits, in the order it is assessed.
        indexes = [models.Index(fields=["submitted_at", "id"], name="evidence_awaiting_assessment",
                                condition=models.Q(status="submitted"))]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="accepted") | (models.Q(valid_from__isnull=False)
                                                          & models.Q(valid_until__gte=models.F("valid_from"))),
                name="accepted_evidence_has_validity"),
        ]

    def __str__(self):
        return f"{self.condition.code} — {self.partner.short_name} ({self.submitted_at:%d/%m/%Y})"

    @property
    def awaits_answer(self):
        """The assessor asked for more information: the partner answers on this same evidence."""
        return self.status == self.Status.INFO_REQUESTED

    def valid_on(self, day):
        return self.status == self.Status.ACCEPTED and self.valid_from <= day <= self.valid_until


class EvidenceMessage(models.Model):
    """One turn of the thread on a piece of evidence: the assessor's request for more information, or the
    partner's answer (with files of its own). The thread is never edited: the assessor decides on all of it."""

    class Kind(models.TextChoices):
        REQUEST = "request", _("Request for more information")
        ANSWER = "answer", _("Answer from the partner")

    evidence = models.ForeignKey(Evidence, on_delete=models.PROTECT, related_name="messages",
                                 verbose_name=_("evidence"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, editable=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               editable=False, verbose_name=_("author"))
    text = models.TextField(_("text"), max_length=4_000, validators=[MaxLengthValidator(4_000)])
    at = models.DateTimeField(_("at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence message")
        verbose_name_plural = _("evidence messages")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.evidence_id} ({self.at:%d/%m/%Y %H:%M})"


class EvidenceFile(PrivateFile):
    """One file of a submission, or of an answer in its thread (`message`), kept privately under a name we
    chose. Either way it is the evidence's: the same scoping, downloads and quota apply."""

    evidence = models.ForeignKey(Evidence, on_delete=models.PROTECT, related_name="files",
                                 verbose_name=_("evidence"))
    message = models.ForeignKey(EvidenceMessage, on_delete=models.PROTECT, related_name="files", null=True,
                                blank=True, editable=False, verbose_name=_("answer"))
    file = models.FileField(_("file"), storage=private, upload_to=PrivateUploadTo("evidence"), max_length=200)
    history = HistoricalRecords()

    class Meta(PrivateFile.Meta):
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")


class Notice(models.Model):
    """A notice sent about a piece of evidence; the unique key makes each event notify once."""

    class Kind(models.TextChoices):
        EXPIRING = "expiring", _("Evidence expires within 30 days")
        EXPIRED = "expired", _("Evidence has expired")

    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="notices",
                                 verbose_name=_("evidence"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    sent_on = models.DateField(_("sent on"))
    recipients = models.TextField(_("recipients"))
    history = HistoricalRecords()

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-sent_on", "-pk"]
        indexes = [models.Index(fields=["sent_on", "id"], name="notice_latest")]  # the dashboard's newest first
        constraints = [models.UniqueConstraint(fields=["evidence", "kind"], name="one_notice_per_event")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.evidence}"
