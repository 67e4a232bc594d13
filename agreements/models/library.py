"""The libraries drafters start from: legal documents to cite and standard clause wording."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.agreement import Clause
from core.dates import long_date


class LegalDocument(models.Model):
    """A law, decree, circular or decision the minutes may cite ("Căn cứ …")."""

    class Kind(models.TextChoices):
        LAW = "law", _("Law")
        DECREE = "decree", _("Decree")
        CIRCULAR = "circular", _("Circular")
        DECISION = "decision", _("Decision")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    number = models.CharField(_("number and symbol"), max_length=60, help_text=_("e.g. 91/2025/QH15"))
    name = models.CharField(_("name"), max_length=255, blank=True,
                            help_text=_("For a law, its name: laws are cited by name."))
    issuer = models.CharField(_("issued by"), max_length=255, blank=True)
    issued_on = models.DateField(_("dated"), null=True, blank=True)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0,
                                           help_text=_("Order of citation: laws, then decrees, circulars, decisions."))
    active = models.BooleanField(_("offered to drafters"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["number"], name="legal_document_number_unique")]

    def __str__(self):
        return self.citation()

    def clean(self):
        errors = {}
        if self.kind == self.Kind.LAW and not self.name:
            errors["name"] = _("A law is cited by its name.")
        if self.kind and self.kind != self.Kind.LAW and not self.issuer:
            errors["issuer"] = _("Say who issued it: instruments other than laws are cited with their issuer.")
        if errors:
            raise ValidationError(errors)

    def citation(self):
        """How the minutes cite it, in Vietnamese whatever the UI language: laws by name,
        other instruments by type, number, date, issuer and summary (Decree 30/2020/NĐ-CP)."""
        with translation.override("vi"):
            dated = f" ngày {long_date(self.issued_on)}" if self.issued_on else ""
            if self.kind == self.Kind.LAW:
                return f"{self.name} số {self.number}{dated}".strip()
            parts = [f"{self.get_kind_display()} số {self.number}{dated}"]
            if self.issuer:
                parts.append(f"của {self.issuer}")
            if self.summary:
                parts.append(self.summary)
            return " ".join(parts)


class ClauseTemplate(models.Model):
    """Standard wording for one section, with placeholders filled from the agreement:
    {partner}, {provinces}, {software}, {version}, {term_start}, {term_end}."""

    section = models.CharField(_("section"), max_length=20, choices=Clause.Section)
    heading = models.CharField(_("heading"), max_length=255)
    text = models.TextField(_("text"))
    position = models.PositiveIntegerField(_("position"), default=0)
    active = models.BooleanField(_("offered to drafters"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("standard clause")
        verbose_name_plural = _("standard clauses")
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.get_section_display()}: {self.heading}"
