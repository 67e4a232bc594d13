"""The libraries drafters start from: legal documents to cite and standard clause wording."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.agreement import CLAUSE_TEXT_MAX, Clause
from agreements.querysets import LegalDocumentQuerySet
from core.dates import long_date
from core.models import Department


class LegalDocument(models.Model):
    """A law, decree, circular or decision the minutes may cite ("Căn cứ …")."""

    class Kind(models.TextChoices):
        LAW = "law", _("Law")
        DECREE = "decree", _("Decree")
        CIRCULAR = "circular", _("Circular")
        DECISION = "decision", _("Decision")
        OTHER = "other", _("Other")

    class Topic(models.TextChoices):
        """What a clause text names as {law:<topic>}: the documents of that topic in force on the signing day."""
        INFORMATION_TECHNOLOGY = "information_technology", _("Information technology, digital transformation")
        CYBERSECURITY = "cybersecurity", _("Network information security, cybersecurity")
        PERSONAL_DATA = "personal_data", _("Personal data protection")
        SECURITY_LEVELS = "security_levels", _("Security of information systems by levels")
        HEALTH_DATA = "health_data", _("Health data")
        INTELLECTUAL_PROPERTY = "intellectual_property", _("Intellectual property")
        PUBLIC_ASSETS = "public_assets", _("Public assets")
        CIVIL_CODE = "civil_code", _("Civil Code")
        ELECTRONIC_HEALTH_RECORDS = "electronic_health_records", _("Electronic health records")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    number = models.CharField(_("number and symbol"), max_length=60, help_text=_("e.g. 91/2025/QH15"))
    name = models.CharField(_("name"), max_length=255, blank=True,
                            help_text=_("For a law, its name: laws are cited by name."))
    issuer = models.CharField(_("issued by"), max_length=255, blank=True)
    issued_on = models.DateField(_("dated"), null=True, blank=True)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    in_force_until = models.DateField(_("in force until"), null=True, blank=True,
                                      help_text=_("The last day it is in force; empty while it is."))
    successors = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="predecessors",
                                        verbose_name=_("replaced by"))
    topics = models.JSONField(_("topics"), default=list, blank=True,
                              help_text=_("What clause texts cite it for, as {law:topic}; the first is its own "
                                          "subject, the others what it also covers until a document of their own "
                                          "is in force."))
    department = models.ForeignKey(Department, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="authority_instruments", verbose_name=_("authority of the department"),
                                   help_text=_("For an instrument that lets a department act for the Ministry "
                                               "(its functions, an authorisation): the department."))
    position = models.PositiveIntegerField(_("position"), default=0,
                                           help_text=_("Order of citation: laws, then decrees, circulars, decisions."))
    active = models.BooleanField(_("offered to drafters"), default=True)
    history = HistoricalRecords(m2m_fields=[successors])

    objects = LegalDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["number"], name="legal_document_number_unique",
                                               violation_error_message=_("The library already has a document "
                                                                         "with this number."))]

    def __str__(self):
        return self.citation()

    def clean(self):
        errors = {}
        if self.kind == self.Kind.LAW and not self.name:
            errors["name"] = _("A law is cited by its name.")
        if self.kind and self.kind != self.Kind.LAW and not self.issuer:
            errors["issuer"] = _("Say who issued it: instruments other than laws are cited with their issuer.")
        if self.issued_on and self.in_force_from and self.in_force_from < self.issued_on:
            errors["in_force_from"] = _("A document cannot be in force before it is issued.")
        if self.in_force_from and self.in_force_until and self.in_force_until < self.in_force_from:
            errors["in_force_until"] = _("The last day in force cannot come before the first.")
        unknown = [t for t in self.topics or [] if t not in self.Topic.values]
        if not isinstance(self.topics, list) or unknown:
            errors["topics"] = _("Unknown topic: %(topics)s.") % {"topics": ", ".join(map(str, unknown))}
        if errors:
            raise ValidationError(errors)

    def in_force_on(self, day):
        """In force on `day`: from its first day (or, without one, its issue) to its last, both included."""
        start = self.in_force_from or self.issued_on
        return (start is None or start <= day) and (self.in_force_until is None or day <= self.in_force_until)

    def short_citation(self):
        """How a clause names it in a sentence: a law by name and number, others by type and number."""
        with translation.override("vi"):
            if self.kind == self.Kind.LAW:
                return f"{self.name} số {self.number}"
            return f"{self.get_kind_display()} số {self.number}"

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
    """Standard wording for one section, with the placeholders of agreements.placeholders: the
    agreement's facts ({partner}, {provinces}, …) and the law in force on the signing day ({law:<topic>})."""

    section = models.CharField(_("section"), max_length=20, choices=Clause.Section)
    heading = models.CharField(_("heading"), max_length=255)
    # Copied as it is into a draft's clause: no longer than a clause may be.
    text = models.TextField(_("text"), max_length=CLAUSE_TEXT_MAX, validators=[MaxLengthValidator(CLAUSE_TEXT_MAX)])
    position = models.PositiveIntegerField(_("position"), default=0)
    active = models.BooleanField(_("offered to drafters"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("standard clause")
        verbose_name_plural = _("standard clauses")
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.get_section_display()}: {self.heading}"

    def clean(self):
        from agreements.placeholders import text_problems

        problems = text_problems(self.text or "")
        if problems:
            raise ValidationError({"text": problems})
