import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.querysets import ProvinceQuerySet

# Viet Nam's 63 provincial-level units became 34 on this day (Resolution 202/2025/QH15).
REORGANISATION_DAY = datetime.date(2025, 7, 1)


class Province(models.Model):
    """A provincial-level unit during the period it was in force. A code alone is not
    unique: seven codes name different provinces before and after 01/07/2025."""

    code = models.CharField(_("code"), max_length=3)
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=60)
    valid_from = models.DateField(_("in force from"), null=True, blank=True)
    valid_to = models.DateField(_("in force until"), null=True, blank=True)
    successor = models.ForeignKey(
        "self", verbose_name=_("became part of"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="predecessors",
    )
    history = HistoricalRecords()

    objects = ProvinceQuerySet.as_manager()

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["-valid_from", "code"]
        constraints = [
            # A code names one unit per period: once before the reorganisation, once after it.
            models.UniqueConstraint(fields=["code"], condition=models.Q(valid_from__isnull=True),
                                    name="province_code_unique_before"),
            models.UniqueConstraint(fields=["code", "valid_from"], condition=models.Q(valid_from__isnull=False),
                                    name="province_code_unique_from"),
        ]

    def __str__(self):
        return f"{self.name} ({self.code}, {self.period_label})"

    @property
    def period_label(self):
        if self.valid_to:
            return _("until %(d)s") % {"d": self.valid_to.strftime("%d/%m/%Y")}
        return _("from %(d)s") % {"d": self.valid_from.strftime("%d/%m/%Y")} if self.valid_from else ""

    def in_force_on(self, day):
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def shares_territory_with(self, other):
        """The same unit, or an earlier unit and the one it became part of. Two earlier units
        merged into one were separate territories, so they do not share."""
        return self.pk == other.pk or self.successor_id == other.pk or other.successor_id == self.pk


class Department(models.Model):
    """A department of the Ministry of Health."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    is_handing_unit = models.BooleanField(
        _("hands over the software"), default=False,
        help_text=_("The department that drafts and signs the minutes for the Ministry."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]

    def __str__(self):
        return self.name


class StaffProfile(models.Model):
    """Where a Ministry user works."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="staff_profile", verbose_name=_("user"))
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="staff",
                                   verbose_name=_("department"))
    title = models.CharField(pgettext_lazy("of a person", "title"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return f"{self.user} — {self.department}"


class DownloadRecord(models.Model):
    """Who downloaded which file and when: auditors read this."""

    class What(models.TextChoices):
        EVIDENCE_FILE = "evidence_file", _("Evidence file")
        AUTHORITY_DOCUMENT = "authority_document", _("Authority document")
        OPINION_LETTER = "opinion_letter", _("Opinion letter")
        CONSOLIDATION_TABLE = "consolidation_table", _("Consolidation table")
        VERSION_MINUTES = "version_minutes", _("Minutes as sent for review")
        SIGNED_MINUTES = "signed_minutes", _("Signed minutes")
        DRAFT_MINUTES = "draft_minutes", _("Draft minutes")
        AGREEMENT_LIST = "agreement_list", _("Export of the agreement list")
        DEPLOYMENT_REPORT_FILE = "deployment_report_file", _("Deployment report file")
        REFUSAL_FILE = "refusal_file", _("File of a refusal request")
        HANDBACK_EVIDENCE = "handback_evidence", _("Evidence of a hand-back obligation")
        TERMINATION_MINUTES = "termination_minutes", _("Minutes of termination")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("user"))
    what = models.CharField(_("what"), max_length=40, choices=What)
    object_id = models.PositiveBigIntegerField(_("object"))
    filename = models.CharField(_("file name"), max_length=255)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        ordering = ["-at", "-pk"]
        # Reading history is about every app's records; it hangs here, on core's own audit record,
        # so that no app needs another app's permission to show a history page.
        permissions = [("view_history", _("Can read the full history"))]
        indexes = [models.Index(fields=["at", "id"], name="download_latest")]  # the download log's order

    def __str__(self):
        return f"{self.user} — {self.filename} ({self.at:%d/%m/%Y %H:%M})"


class Notification(models.Model):
    """Something that waits for one person, shown in the app and sent by mail. Its text comes from
    the template notices/<kind>.txt (first line the subject), rendered in the reader's language.
    `key` names the event: a person is told of one event once, however often the sender runs."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications",
                             verbose_name=_("user"))
    kind = models.CharField(_("kind"), max_length=40)
    params = models.JSONField(_("details"), default=dict)
    url = models.CharField(_("link"), max_length=200, blank=True)
    key = models.CharField(_("event"), max_length=200)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notification_once_per_event")]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread"),
                   models.Index(fields=["user", "created_at", "id"], name="notification_latest")]  # one's list

    def __str__(self):
        return f"{self.user} — {self.kind} ({self.created_at:%d/%m/%Y %H:%M})"


class AuditEntry(models.Model):
    """One event in the audit record: a history row of a tracked model, a download, a login or logout, a
    failed login, a change of groups or object permissions, an export of the record itself. Written in
    the same transaction as the event; `digest` is the SHA-256 of its content. Entries are never changed
    or deleted (PostgreSQL triggers refuse it). Their order and integrity are kept by AuditLink."""

    class Kind(models.TextChoices):
        CHANGE = "change", _("Change")
        DOWNLOAD = "download", _("Download")
        LOGIN = "login", _("Login")
        LOGOUT = "logout", _("Logout")
        LOGIN_FAILED = "login_failed", _("Failed login")
        PERMISSION = "permission", _("Permission")
        EXPORT = "export", _("Export of the audit record")

    at = models.DateTimeField(_("at"), db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+", verbose_name=_("by"))
    kind = models.CharField(_("kind of event"), max_length=20, choices=Kind)
    model = models.CharField(_("kind of object"), max_length=100, blank=True, help_text=_("app.model"))
    object_id = models.PositiveBigIntegerField(_("object"), null=True, blank=True)
    partner_id = models.PositiveBigIntegerField(_("partner"), null=True, blank=True)
    agreement_id = models.PositiveBigIntegerField(_("agreement"), null=True, blank=True)
    source = models.CharField(_("record"), max_length=120, blank=True,
                              help_text=_("The row this entry recorded, as app.model:id."))
    label = models.CharField(_("name then"), max_length=200, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    payload = models.JSONField(_("content"), default=dict)
    digest = models.CharField(_("content hash"), max_length=64)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-id"]
        # Everyone's logins, failed logins, addresses and downloads: for the auditors, not for every
        # member of staff who may read an object's history.
        permissions = [("view_audit_record", _("Can read the whole audit record"))]
        # Keyset paging newest first, under each filter: (filter column, id).
        indexes = [
            models.Index(fields=["kind", "id"], name="audit_kind_id"),
            models.Index(fields=["actor", "id"], name="audit_actor_id"),
            models.Index(fields=["partner_id", "id"], name="audit_partner_id"),
            models.Index(fields=["agreement_id", "id"], name="audit_agreement_id"),
            models.Index(fields=["model", "id"], name="audit_model_id"),
            models.Index(fields=["model", "object_id", "id"], name="audit_object_id"),
        ]

    def __str__(self):
        return f"{self.pk} {self.kind} {self.model}:{self.object_id}"


class AuditLink(models.Model):
    """The chain: each link names one entry and hashes the entry's content hash with the previous link's
    hash, in the order links were made. A link is made just after its entry's transaction commits, under
    a short lock, so the chain never forks and no writer waits for another's whole transaction."""

    entry = models.OneToOneField(AuditEntry, on_delete=models.PROTECT, related_name="link",
                                 verbose_name=_("entry"))
    prev_hash = models.CharField(_("previous link"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)
    linked_at = models.DateTimeField(_("linked at"))

    class Meta:
        verbose_name = _("audit chain link")
        verbose_name_plural = _("audit chain links")
        ordering = ["id"]

    def __str__(self):
        return f"{self.pk} → {self.hash[:12]}"


class RateCount(models.Model):
    """How often one key (a user, an address) did one costly thing (scope) in one window of time; core.ratelimit
    counts here, atomically, so that every process of the server shares the count. Not domain data: no history,
    rows past their window are deleted."""

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=64)
    slot = models.BigIntegerField(help_text="The number of the window: seconds since the epoch // its length.")
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key", "slot"], name="ratecount_one_per_window")]


class SearchDocument(models.Model):
    """What a search matches one object by: its words folded (core.search.fold), written by the code that
    changes the object. Not domain data: no history; it is rebuilt from the objects it describes."""

    model = models.CharField(max_length=60)
    object_id = models.BigIntegerField()
    text = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["model", "object_id"], name="search_document_one_per_object")]


class PrivateFile(models.Model):
    """What every privately kept upload records beside its file (each concrete model declares `file` with its own
    folder, and its history): the name it came with, what its content is, its size and fingerprint."""

    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=40)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self):
        return self.original_name
