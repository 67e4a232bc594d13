from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from conditions.querysets import ConditionSetQuerySet


class ConditionSet(models.Model):
    """One version of the necessary and sufficient conditions. Published sets are never edited."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        SUPERSEDED = "superseded", _("Superseded")

    version = models.PositiveIntegerField(_("version"), unique=True)
    title = models.CharField(_("title"), max_length=255)
    effective_from = models.DateField(_("effective from"))
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = ConditionSetQuerySet.as_manager()

    class Meta:
        verbose_name = _("condition set")
        verbose_name_plural = _("condition sets")
        ordering = ["-version"]

    def __str__(self):
        return _("Conditions v%(version)s (from %(date)s)") % {
            "version": self.version, "date": self.effective_from.strftime("%d/%m/%Y")}


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
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category)
    mandatory = models.BooleanField(_("mandatory"), default=True)
    evidence_required = models.TextField(_("evidence required"), blank=True)
    validity_months = models.PositiveIntegerField(_("evidence valid for (months)"), default=12,
                                                  validators=[MinValueValidator(1)])
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
