from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from core.dates import long_date
from core.storage import private
from core.uploads import PrivateUploadTo
from partners.querysets import PartnerOwnedQuerySet, PartnerQuerySet

tax_code_validator = RegexValidator(
    r"\A[0-9]{10}(-[0-9]{3})?\Z",  # ASCII digits only, and no trailing newline
    _("A tax code is 10 digits, or 10 digits, a dash and 3 digits for a branch (e.g. 0101234567-001)."),
)


class Partner(models.Model):
    """A partner unit: an IT company that deploys the software in some provinces."""

    class Kind(models.TextChoices):
        STATE_ENTERPRISE = "state_enterprise", _("State-owned enterprise")
        JOINT_STOCK = "joint_stock", _("Joint-stock company")
        LIMITED = "limited", _("Limited liability company")
        BRANCH = "branch", _("Dependent accounting unit / branch")
        PUBLIC_SERVICE = "public_service", _("Public service unit")
        OTHER = "other", _("Other organisation")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    legal_name = models.CharField(_("legal name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=60)
    kind = models.CharField(_("kind of organisation"), max_length=20, choices=Kind, default=Kind.JOINT_STOCK)
    tax_code = models.CharField(_("tax code"), max_length=14, unique=True, validators=[tax_code_validator],
                                error_messages={"unique": _("A partner unit with this tax code is already "
                                                            "registered.")})
    registration_number = models.CharField(_("business registration number"), max_length=50, blank=True)
    registration_date = models.DateField(_("registered on"), null=True, blank=True)
    registration_issuer = models.CharField(_("registered by"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255)
    representative_name = models.CharField(_("legal representative"), max_length=120)
    representative_title = models.CharField(_("representative's title"), max_length=120)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.ACTIVE, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    objects = PartnerQuerySet.as_manager()

    # What the profile pages change; the status changes only through partner_set_status.
    PROFILE_FIELDS = (
        "legal_name", "short_name", "kind", "tax_code", "registration_number", "registration_date",
        "registration_issuer", "address", "representative_name", "representative_title",
        "contact_name", "contact_email", "contact_phone",
    )
    # The unit's identity: only the Ministry corrects it, never the unit's own members.
    IDENTITY_FIELDS = ("legal_name", "tax_code", "kind")

    class Meta:
        verbose_name = _("partner unit")
        verbose_name_plural = _("partner units")
        ordering = ["short_name"]
        permissions = [("change_partner_status", _("Can suspend, withdraw or reinstate a partner unit"))]
        indexes = [models.Index(fields=["short_name", "id"], name="partner_by_name")]  # the lists' order

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("partners:detail", args=[self.pk])


class PartnerUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Partner, on_delete=models.CASCADE)


class PartnerGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Partner, on_delete=models.CASCADE)


class AuthorityDocument(models.Model):
    """An instrument that gives the unit authority to sign (the seed letter, point 2.2 a)."""

    class Kind(models.TextChoices):
        CHARTER = "charter", _("Charter of organisation and operation")
        ESTABLISHMENT = "establishment", _("Establishment decision")
        DECISION = "decision", _("Decision issuing the unit's regulations")
        REGISTRATION = "registration", _("Business registration certificate")
        POWER_OF_ATTORNEY = "power_of_attorney", _("Power of attorney")
        PARENT_AUTHORISATION = "parent_authorisation", _("Authorisation from the parent legal entity (a branch)")
        OTHER = "other", _("Other instrument")

    # Kinds with no number of their own, and kinds the citation needs a summary for.
    UNNUMBERED = {Kind.CHARTER}
    SUMMARISED = {Kind.ESTABLISHMENT, Kind.DECISION, Kind.POWER_OF_ATTORNEY, Kind.PARENT_AUTHORISATION, Kind.OTHER}

    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="authority_documents",
                                verbose_name=_("partner unit"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    number = models.CharField(_("number"), max_length=60, blank=True,
                              help_text=_("For a business registration, the enterprise or branch code."))
    issued_on = models.DateField(_("dated"), help_text=_("For a charter, the day it was adopted; for a business "
                                                         "registration, the first registration."))
    issuer = models.CharField(_("issued by"), max_length=255,
                              help_text=_("For a charter, the body that adopted it (e.g. the general meeting of "
                                          "shareholders); for a branch's authorisation, the parent legal entity."))
    summary = models.CharField(_("summary"), max_length=500, blank=True,
                               help_text=_("What it decides or authorises, as cited after its issuer "
                                           "(e.g. “về việc thành lập …”, “ủy quyền cho … ký …”)."))
    file = models.FileField(_("file"), storage=private, upload_to=PrivateUploadTo("authority"),
                            blank=True, max_length=200)
    original_filename = models.CharField(_("original file name"), max_length=255, blank=True, editable=False)
    size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = PartnerOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("authority document")
        verbose_name_plural = _("authority documents")
        ordering = ["partner", "-issued_on"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number} ({self.issued_on:%d/%m/%Y})"

    def clean(self):
        errors = {}
        if self.kind not in self.UNNUMBERED and not self.number.strip():
            errors["number"] = _("Give its number.")
        if self.kind in self.SUMMARISED and not self.summary.strip():
            errors["summary"] = _("Say what it decides or authorises: the minutes cite it with that.")
        if errors:
            raise ValidationError(errors)

    def citation(self):
        """How the minutes cite it among the legal bases, one pattern per kind. In Vietnamese whatever
        the UI language: the citation becomes part of the document's text."""
        K = self.Kind
        date = long_date(self.issued_on)
        summary = self.summary.strip().rstrip(";.")
        if self.kind == K.CHARTER:
            return (f"Điều lệ tổ chức và hoạt động của {self.partner.legal_name} được {self.issuer} "
                    f"thông qua ngày {date}")
        if self.kind == K.REGISTRATION:
            what = ("Giấy chứng nhận đăng ký hoạt động chi nhánh, mã số chi nhánh"
                    if self.partner.kind == Partner.Kind.BRANCH
                    else "Giấy chứng nhận đăng ký doanh nghiệp, mã số doanh nghiệp")
            return f"{what} {self.number}, do {self.issuer} cấp, đăng ký lần đầu ngày {date}"
        name = {K.ESTABLISHMENT: "Quyết định", K.DECISION: "Quyết định", K.POWER_OF_ATTORNEY: "Giấy ủy quyền",
                K.PARENT_AUTHORISATION: "Văn bản ủy quyền"}.get(self.kind)
        if name is None:  # another instrument: its summary is its name
            return f"{summary} số {self.number} ngày {date} của {self.issuer}"
        return f"{name} số {self.number} ngày {date} của {self.issuer} {summary}"


class Membership(models.Model):
    """A user who acts for a partner unit. A partner user belongs to exactly one unit."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="membership", verbose_name=_("user"))
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="members",
                                verbose_name=_("partner unit"))
    title = models.CharField(pgettext_lazy("of a person", "title"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = PartnerOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return f"{self.user} — {self.partner}"
