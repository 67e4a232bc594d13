"""The review round (DOMAIN.md, Review): each sending freezes the text as a numbered version; each
addressee answers that version with an opinion; the drafter answers each comment."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agreements.models.agreement import Agreement, ReviewRequest
from agreements.querysets import AgreementOwnedQuerySet
from core.dates import sane_date
from core.storage import private
from core.uploads import PrivateUploadTo


class AgreementVersion(models.Model):
    """The text as it was sent for review, frozen: v1, v2, … Every addressee reads exactly this,
    and opinions are given on it, so comments never drift when the draft changes afterwards."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="versions",
                                  verbose_name=_("agreement"))
    number = models.PositiveIntegerField(_("version"))
    # {"minutes": what the PDF prints, "bases": [...], "clauses": [...]}: plain values only.
    content = models.JSONField(_("text"))
    fingerprint = models.CharField(_("fingerprint (SHA-256)"), max_length=64)
    # Who wrote any of this text, up to its sending: none of them may record its signing.
    authors = models.JSONField(_("drafted by"), default=list)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("sent by"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = AgreementOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("version sent for review")
        verbose_name_plural = _("versions sent for review")
        ordering = ["agreement", "number"]
        constraints = [models.UniqueConstraint(fields=["agreement", "number"], name="agreement_version_once")]

    def __str__(self):
        return f"v{self.number}"

    @property
    def label(self):
        return f"v{self.number}"

    def anchors(self):
        """(key, label) of every clause and legal basis of this version a comment may point to."""
        items = self.content.get("bases", []) + self.content.get("clauses", [])
        return [(item["key"], item["label"]) for item in items]


class Opinion(models.Model):
    """An addressee's formal answer to one version: its letter, signer, position and comments.
    A recorded opinion is never edited; a correction supersedes it and both stay."""

    class Position(models.TextChoices):
        AGREE = "agree", _("Agree")
        AGREE_WITH_COMMENTS = "agree_with_comments", _("Agree with comments")
        DISAGREE = "disagree", _("Disagree")

    request = models.ForeignKey(ReviewRequest, on_delete=models.PROTECT, related_name="opinions",
                                verbose_name=_("request"))
    version = models.ForeignKey(AgreementVersion, on_delete=models.PROTECT, related_name="opinions",
                                verbose_name=_("version"))
    letter_number = models.CharField(_("letter number"), max_length=60)
    letter_date = models.DateField(_("letter date"), validators=[sane_date])
    signatory = models.CharField(_("signed by"), max_length=120)
    signatory_title = models.CharField(_("signatory's title"), max_length=120)
    position = models.CharField(_("position"), max_length=24, choices=Position)
    letter = models.FileField(_("scanned letter"), storage=private, upload_to=PrivateUploadTo("opinions"),
                              max_length=200)
    letter_name = models.CharField(_("original file name"), max_length=255)
    letter_type = models.CharField(_("type"), max_length=40)
    letter_sha256 = models.CharField(_("SHA-256"), max_length=64)
    supersedes = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="superseded_by", verbose_name=_("corrects"))
    correction_reason = models.TextField(_("why corrected"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opinion")
        verbose_name_plural = _("opinions")
        ordering = ["recorded_at", "pk"]
        permissions = [("record_opinion", _("Can record the opinion of one's own department or unit"))]

    def __str__(self):
        return f"{self.letter_number} — {self.get_position_display()}"


class Comment(models.Model):
    """One comment of an opinion: general, or on a clause or a legal basis of the version answered."""

    opinion = models.ForeignKey(Opinion, on_delete=models.PROTECT, related_name="comments",
                                verbose_name=_("opinion"))
    position = models.PositiveIntegerField(_("number"), default=0)
    anchor = models.CharField(_("on"), max_length=40, blank=True)  # "" general, else a key of version.anchors()
    anchor_label = models.CharField(_("on"), max_length=255, blank=True)
    text = models.TextField(_("comment"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["opinion", "position", "pk"]

    def __str__(self):
        return self.text[:80]

    @property
    def anchor_html_id(self):
        """The id of the clause or legal basis on the version's page ("clause:12" → "clause-12")."""
        return self.anchor.replace(":", "-")


class Answer(models.Model):
    """The drafter's answer to a comment ("tiếp thu, giải trình"): taken in, saying where the text
    changed, or explained, saying why not."""

    class Kind(models.TextChoices):
        TAKEN_IN = "taken_in", _("Taken in")
        EXPLAINED = "explained", _("Explained (not taken in)")

    comment = models.OneToOneField(Comment, on_delete=models.PROTECT, related_name="answer",
                                   verbose_name=_("comment"))
    kind = models.CharField(_("answer"), max_length=12, choices=Kind)
    text = models.TextField(_("how"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                           verbose_name=_("answered by"))
    at = models.DateTimeField(_("answered at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("answer to a comment")
        verbose_name_plural = _("answers to comments")
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="answer_says_how")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"
