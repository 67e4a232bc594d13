"""The receiving party's request to refuse the right to use (DOMAIN.md: only by citing one of the refusal
cases of its own agreement), and the Ministry's decision on it. agreements.services.refusal writes them."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.querysets import AgreementOwnedQuerySet
from core.models import PrivateFile
from core.storage import private
from core.uploads import PrivateUploadTo

FACTS_MAX = 10_000


class RefusalRequest(models.Model):
    """A partner's request to refuse the right to use for some or all provinces of a signed agreement."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the Ministry")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    class Outcome(models.TextChoices):
        NONE = "", _("None yet")
        TERMINATED = "terminated", _("The agreement was terminated")
        NARROWED = "narrowed", _("The provinces asked were released from the scope")

    agreement = models.ForeignKey("agreements.Agreement", on_delete=models.PROTECT, related_name="refusal_requests",
                                  verbose_name=_("agreement"))
    clause = models.ForeignKey("agreements.Clause", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("refusal clause cited"))
    provinces = models.ManyToManyField("agreements.AgreementProvince", through="RefusalProvince",
                                       related_name="refusal_requests", verbose_name=_("provinces asked"))
    facts = models.TextField(_("facts"), max_length=FACTS_MAX, validators=[MaxLengthValidator(FACTS_MAX)])
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING, editable=False)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                 editable=False, verbose_name=_("filed by"))
    filed_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
                                   blank=True, editable=False, verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    decision_reason = models.TextField(_("reason for the decision"), blank=True, editable=False)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome, blank=True, editable=False)
    history = HistoricalRecords()

    objects = AgreementOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("refusal request")
        verbose_name_plural = _("refusal requests")
        ordering = ["-filed_at", "-pk"]
        constraints = [
            # One request waits at a time: the Ministry decides on a scope that does not move under it.
            models.UniqueConstraint(fields=["agreement"], condition=Q(status="pending"),
                                    name="one_pending_refusal_per_agreement"),
        ]

    def __str__(self):
        return _("Refusal request #%(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        return reverse("agreements:refusal", args=[self.agreement_id, self.pk])

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


class RefusalProvince(models.Model):
    """A province a request asks to refuse; its own row so the history keeps what was asked."""

    request = models.ForeignKey(RefusalRequest, on_delete=models.PROTECT, related_name="asked",
                                verbose_name=_("refusal request"))
    scope = models.ForeignKey("agreements.AgreementProvince", on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("province in scope"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("province asked")
        verbose_name_plural = _("provinces asked")
        constraints = [models.UniqueConstraint(fields=["request", "scope"], name="refusal_province_once")]

    def __str__(self):
        return str(self.scope)


class RefusalRequestFile(PrivateFile):
    """A document attached to a refusal request, kept privately under a name we chose."""

    request = models.ForeignKey(RefusalRequest, on_delete=models.PROTECT, related_name="files",
                                verbose_name=_("refusal request"))
    file = models.FileField(_("file"), storage=private, upload_to=PrivateUploadTo("refusals"), max_length=200)
    history = HistoricalRecords()

    class Meta(PrivateFile.Meta):
        verbose_name = _("refusal request file")
        verbose_name_plural = _("refusal request files")
