from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from simple_history.models import HistoricalRecords

from agreements.querysets import AgreementOwnedQuerySet, AgreementQuerySet
from conditions.models import ConditionSet
from core.dates import sane_date
from core.models import Department, Province
from partners.models import AuthorityDocument, Partner

DEFAULT_SOFTWARE = "Phần mềm Hồ sơ sức khỏe điện tử"
DEFAULT_TITLE = "Bàn giao quyền sử dụng để triển khai Phần mềm Hồ sơ sức khỏe điện tử"

# A clause is one article of the minutes (the longest standard clause is about 3,100 characters), a citation one
# line of "Căn cứ …". Unbounded, a 2.4 MB clause cost 52 s of CPU at every render of its draft (issue 11).
# A TextField's max_length reaches only its form field: the validator beside it makes full_clean, and so every
# service, refuse a longer text too.
CLAUSE_TEXT_MAX = 20_000
CITATION_MAX = 2_000
# Deployment reports come at least once a year.
REPORT_EVERY_MAX = 12

# "15/BB-CNTT": the symbol is written without spaces (Decree 30/2020/NĐ-CP).
def validate_symbol(value):
    """A document's symbol as Decree 30/2020/NĐ-CP writes it: capital letters (Vietnamese ones included),
    digits and hyphens between them, as BB-CNTT or BB-KHĐT."""
    parts = str(value).split("-")
    if not all(part and all(ch.isdigit() and ch.isascii() or ch.isalpha() and ch.isupper() for ch in part)
               for part in parts):
        raise ValidationError(_("A symbol is capital letters and digits joined by hyphens, as BB-CNTT or BB-KHĐT."),
                              code="invalid")


class Honorific(models.TextChoices):
    """How the minutes address a representative: data, never "Ông/Bà" printed as is."""
    MR = "Ông", _("Mr (Ông)")
    MS = "Bà", _("Ms (Bà)")


class Behalf(models.TextChoices):
    """The forms of signing on behalf that Decree 30/2020/NĐ-CP gives (Article 13, Appendix I)."""
    OWN = "", _("In their own right (the head signs)")
    TM = "TM", _("TM. — on behalf of a collective body")
    KT = "KT", _("KT. — a deputy signs for the head")
    TL = "TL", _("TL. — by order of the head")
    TL_KT = "TL_KT", _("TL. and KT. — by order of the head, a deputy signing for the unit's head")
    TUQ = "TUQ", _("TUQ. — by the head's written authorisation")
    Q = "Q", _("Q. — acting head")


# How the Department signs for the Ministry unless the signer says otherwise: by order of the Minister.
MINISTRY_SIGNS = (Behalf.TL, "Bộ trưởng")

# The abbreviation printed before the position signed for, and how the body of the minutes says it.
SIGN_PREFIX = {"TM": "TM.", "KT": "KT.", "TL": "TL.", "TUQ": "TUQ.", "Q": "Q."}
SIGN_WORDS = {"TM": "thay mặt", "KT": "ký thay", "TL": "thừa lệnh", "TUQ": "thừa ủy quyền", "Q": "quyền"}


def sign_lines(form, signed_for, signed_for_head, title):
    """The position lines above a signature, in Decree 30's order (the template prints them in capitals)."""
    if not form:
        return [title]
    if form == Behalf.Q:
        return [f"Q. {signed_for}"]
    if form == Behalf.TL_KT:
        return [f"TL. {signed_for}", f"KT. {signed_for_head}", title]
    return [f"{SIGN_PREFIX[form]} {signed_for}", title]


def behalf_words(form, signed_for, signed_for_head):
    """What the body says after the signer's title: on whose behalf they sign ("" in their own right)."""
    if not form:
        return ""
    if form == Behalf.TL_KT:
        return f"thừa lệnh {signed_for}, ký thay {signed_for_head}"
    return f"{SIGN_WORDS[form]} {signed_for}"


def term_problem(start, end):
    """The one wording of the term rule, for the edit page and for sending alike."""
    if start and end and end <= start:
        return _("The term must end after it starts.")
    return None


class Agreement(models.Model):
    """The handover minutes ("Biên bản bàn giao quyền sử dụng") and where they stand."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        SIGNED = "signed", _("Signed")
        TERMINATED = "terminated", _("Terminated")
        CANCELLED = "cancelled", _("Cancelled")  # dropped before signing: never in force, so never terminated

    # The only legal moves; agreement_transition() enforces them.
    MOVES = {
        Status.DRAFT: {Status.REVIEW, Status.CANCELLED},
        Status.REVIEW: {Status.DRAFT, Status.SIGNED, Status.CANCELLED},
        Status.SIGNED: {Status.TERMINATED},
        Status.TERMINATED: set(),
        Status.CANCELLED: set(),
    }

    class TerminationReason(models.TextChoices):
        # Only in history from before cancelling had a status of its own (migration 0020); never chosen now.
        CANCELLED = "cancelled", _("Cancelled before signing")
        TERM_ENDED = "term_ended", _("The term ended")
        MUTUAL = "mutual", _("By agreement of the parties")
        REFUSED = "refused", _("The receiving party refused the right to use under a refusal clause")
        BREACH = "breach", _("Breach, including a security or personal-data incident")
        ABANDONED = "abandoned", _("The receiving party abandoned the work")
        ELIGIBILITY_LOST = "eligibility_lost", _("The receiving party is no longer eligible")

    title = models.CharField(_("subject"), max_length=255, default=DEFAULT_TITLE)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True, editable=False)
    symbol = models.CharField(_("symbol"), max_length=30, blank=True, editable=False, validators=[validate_symbol])
    number_year = models.PositiveIntegerField(_("numbering year"), null=True, blank=True, editable=False)

    handing_department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="agreements",
                                           verbose_name=_("handing party"))
    handing_representative = models.CharField(_("handing party's representative"), max_length=120)
    handing_title = models.CharField(_("handing representative's title"), max_length=120)
    handing_honorific = models.CharField(_("handing representative addressed as"), max_length=3, choices=Honorific,
                                         blank=True)
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="agreements",
                                verbose_name=_("receiving party"))
    receiving_representative = models.CharField(_("receiving party's representative"), max_length=120)
    receiving_title = models.CharField(_("receiving representative's title"), max_length=120)
    receiving_honorific = models.CharField(_("receiving representative addressed as"), max_length=3,
                                           choices=Honorific, blank=True)

    software_name = models.CharField(_("software"), max_length=200, default=DEFAULT_SOFTWARE)
    software_version = models.CharField(_("software version"), max_length=40)
    provinces = models.ManyToManyField(Province, through="AgreementProvince", related_name="agreements",
                                       verbose_name=_("provinces in scope"), blank=True)
    term_start = models.DateField(_("term starts"), null=True, blank=True, validators=[sane_date])
    term_end = models.DateField(_("term ends"), null=True, blank=True, validators=[sane_date])
    # How often the receiving party reports its deployment, per province (issue 13): quarterly unless the
    # drafter sets otherwise; agreements.models.deployment.report_periods counts the periods from it.
    report_every_months = models.PositiveSmallIntegerField(
        _("deployment reported every (months)"), default=3,
        validators=[MinValueValidator(1), MaxValueValidator(REPORT_EVERY_MAX)],
        help_text=_("The receiving party files a deployment report for each province once per period."))
    condition_set = models.ForeignKey(ConditionSet, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="agreements", verbose_name=_("judged under conditions"))
    place = models.CharField(_("place of signing"), max_length=100, default="Hà Nội")
    planned_signing_on = models.DateField(_("planned signing date"), null=True, blank=True, validators=[sane_date],
                                          help_text=_("The minutes cite the law in force on this day; until it is "
                                                      "known, on the day the term starts."))

    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT, editable=False)
    signed_on = models.DateField(_("signed on"), null=True, blank=True, editable=False)
    handing_signatory = models.CharField(_("signed for the handing party by"), max_length=120, blank=True,
                                         editable=False)
    handing_signatory_title = models.CharField(_("handing signatory's title"), max_length=120, blank=True,
                                               editable=False)
    receiving_signatory = models.CharField(_("signed for the receiving party by"), max_length=120, blank=True,
                                           editable=False)
    receiving_signatory_title = models.CharField(_("receiving signatory's title"), max_length=120, blank=True,
                                                 editable=False)
    handing_signatory_honorific = models.CharField(_("handing signatory addressed as"), max_length=3,
                                                   choices=Honorific, blank=True, editable=False)
    handing_sign_form = models.CharField(_("handing party signs"), max_length=6, choices=Behalf, blank=True,
                                         editable=False)
    handing_signed_for = models.CharField(_("handing party signs for"), max_length=120, blank=True, editable=False)
    handing_signed_for_head = models.CharField(_("handing party's deputy signs for"), max_length=120, blank=True,
                                               editable=False)
    receiving_signatory_honorific = models.CharField(_("receiving signatory addressed as"), max_length=3,
                                                     choices=Honorific, blank=True, editable=False)
    receiving_sign_form = models.CharField(_("receiving party signs"), max_length=6, choices=Behalf, blank=True,
                                           editable=False)
    receiving_signed_for = models.CharField(_("receiving party signs for"), max_length=120, blank=True,
                                            editable=False)
    receiving_signed_for_head = models.CharField(_("receiving party's deputy signs for"), max_length=120,
                                                 blank=True, editable=False)
    first_sent_at = models.DateTimeField(_("first sent for review"), null=True, blank=True, editable=False)
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True, editable=False)
    termination_reason = models.CharField(_("termination reason"), max_length=20, choices=TerminationReason,
                                          blank=True, editable=False)
    termination_clause = models.ForeignKey("Clause", on_delete=models.PROTECT, null=True, blank=True,
                                           related_name="+", editable=False,
                                           verbose_name=_("refusal clause cited"))
    termination_notes = models.TextField(_("termination notes"), blank=True, editable=False)
    cancelled_on = models.DateField(_("cancelled on"), null=True, blank=True, editable=False)
    cancellation_notes = models.TextField(_("cancellation notes"), blank=True, editable=False)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   editable=False, verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    objects = AgreementQuerySet.as_manager()

    # What the edit page changes of a draft; everything else moves only through the lifecycle services.
    DRAFT_FIELDS = ("title", "handing_department", "handing_representative", "handing_title", "handing_honorific",
                    "receiving_representative", "receiving_title", "receiving_honorific", "software_name",
                    "software_version", "term_start", "term_end", "condition_set", "place", "planned_signing_on",
                    "report_every_months")

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-updated_at"]
        # The list's orders (core.paging adds the id to each) and a partner user's list, which starts from
        # its unit; read backwards as well as forwards.
        indexes = [
            models.Index(fields=["updated_at", "id"], name="agreement_by_update"),
            models.Index(fields=["partner", "updated_at", "id"], name="agreement_partner_by_update"),
            models.Index(fields=["status", "updated_at", "id"], name="agreement_status_by_update"),
            models.Index(fields=["title", "id"], name="agreement_by_subject"),
            models.Index(fields=["number_year", "number", "id"], name="agreement_by_number"),
            models.Index(fields=["term_end", "id"], name="agreement_by_term_end"),
            models.Index(fields=["signed_on", "id"], name="agreement_by_signing"),
            # Sorted the other way, rows without a number, term or signing date still come last
            # (core.paging.ordering): PostgreSQL reads a second index of each in that order, made by migration
            # 0019 (SQLite cannot index NULLS LAST; the demo sorts its few rows without one).
            # The dashboard's blocks (agreements.selectors) read one status in the order they show: the
            # status-and-update index above, and this one for the signed agreements by end of term.
            models.Index(fields=["status", "term_end", "id"], name="agreement_status_term_end"),
        ]
        permissions = [
            ("transition_agreement", _("Can send, return, cancel and terminate agreements")),
            ("sign_agreement", _("Can record the signing of agreements")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["number_year", "number", "symbol"], name="agreement_number_unique_in_year",
                                    condition=Q(number__isnull=False)),
            models.CheckConstraint(condition=Q(term_end__isnull=True) | Q(term_start__isnull=True)
                                   | Q(term_end__gt=models.F("term_start")), name="agreement_term_end_after_start"),
            models.CheckConstraint(condition=Q(report_every_months__gte=1, report_every_months__lte=REPORT_EVERY_MAX),
                                   name="agreement_report_period_in_range"),
        ]

    # The one name of an agreement on every page, notice and export (issue 14): its number and symbol once
    # signed, this before. Notices store it untranslated (agreements.notify).
    DRAFT_NAME = gettext_noop("Draft #%(pk)s — %(partner)s")

    def __str__(self):
        if self.number:
            return self.number_and_symbol
        return _(self.DRAFT_NAME) % self.draft_name_params()

    def draft_name_params(self):
        return {"pk": self.pk, "partner": self.partner.short_name}

    def get_absolute_url(self):
        return reverse("agreements:detail", args=[self.pk])

    def clean(self):
        problem = term_problem(self.term_start, self.term_end)
        if problem:
            raise ValidationError({"term_end": problem})

    @property
    def number_and_symbol(self):
        """"15/BB-CNTT"; numbers under 10 get a leading zero (Decree 30/2020/NĐ-CP)."""
        if not self.number:
            return ""
        return f"{self.number:02d}/{self.symbol}"

    def law_day(self):
        """The day whose law the minutes cite: the signing day, else the planned one, else the term's start
        (today while none is known)."""
        return self.signed_on or self.planned_signing_on or self.term_start or timezone.localdate()

    def in_force_until(self):
        """The last day the agreement is in force: its term's end, or earlier if terminated."""
        if self.terminated_on and self.term_end:
            return min(self.terminated_on, self.term_end)
        return self.term_end

    @property
    def is_editable(self):
        return self.status == self.Status.DRAFT


class AgreementProvince(models.Model):
    """A province in scope of an agreement; its own row so its history is kept."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="scope",
                                  verbose_name=_("agreement"))
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("province"))
    # A province released from a signed agreement's scope (an accepted refusal) stays on record, since the
    # signed text never changes, but is no longer in force for this agreement from that day.
    released_on = models.DateField(_("released on"), null=True, blank=True, editable=False)
    released_reason = models.TextField(_("why released"), blank=True, editable=False)
    history = HistoricalRecords()

    objects = AgreementOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("province in scope")
        verbose_name_plural = _("provinces in scope")
        constraints = [models.UniqueConstraint(fields=["agreement", "province"], name="agreement_province_once",
                                               violation_error_message=_("This province is already in the scope."))]

    def __str__(self):
        return str(self.province)


class LegalBasis(models.Model):
    """One "Căn cứ …" line; the partner's authority documents belong among them."""

    class Kind(models.TextChoices):
        LAW = "law", _("Law")
        DECREE = "decree", _("Decree")
        CIRCULAR = "circular", _("Circular")
        DECISION = "decision", _("Decision")
        AUTHORITY = "authority", _("Partner's authority document")
        OTHER = "other", _("Other")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="legal_bases",
                                  verbose_name=_("agreement"))
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.LAW)
    citation = models.TextField(_("citation"), blank=True, max_length=CITATION_MAX,
                                validators=[MaxLengthValidator(CITATION_MAX)])
    authority_document = models.ForeignKey(AuthorityDocument, on_delete=models.PROTECT, null=True, blank=True,
                                           related_name="citations", verbose_name=_("authority document"))
    legal_document = models.ForeignKey("agreements.LegalDocument", on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="citations", verbose_name=_("from the library"))
    history = HistoricalRecords()

    objects = AgreementOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        ordering = ["agreement", "position", "pk"]

    def __str__(self):
        return self.citation[:80]

    def clean(self):
        """Citing an authority document makes the line an authority basis, worded as the document
        cites itself unless the drafter wrote otherwise."""
        if self.authority_document_id:
            self.kind = self.Kind.AUTHORITY
            if not self.citation.strip():
                self.citation = self.authority_document.citation()
        elif not self.citation.strip():
            raise ValidationError({"citation": _("Write the citation, or choose an authority document.")})


class Clause(models.Model):
    """A clause of the minutes, in one of the sections the seed letter names."""

    class Section(models.TextChoices):
        OWNERSHIP = "ownership", _("Ownership and copyright")
        HANDING_PARTY = "handing_party", _("Rights and obligations of the handing party")
        RECEIVING_PARTY = "receiving_party", _("Rights and obligations of the receiving party")
        SECURITY = "security", _("Information security and personal data")
        CONFIDENTIALITY = "confidentiality", _("Confidentiality")
        REFUSAL = "refusal", _("Cases in which the receiving party may refuse the right to use")
        ABANDONMENT = "abandonment", _("Abandonment of the work")
        TERMINATION = "termination", _("Termination")
        FORCE_MAJEURE = "force_majeure", _("Force majeure")
        DISPUTES = "disputes", _("Liability and dispute resolution")
        EFFECT = "effect", _("Effect")

    # Every one of these must be present before the minutes go for review.
    REQUIRED_SECTIONS = tuple(Section)

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="clauses",
                                  verbose_name=_("agreement"))
    section = models.CharField(_("section"), max_length=20, choices=Section)
    position = models.PositiveIntegerField(_("position"), default=0)
    heading = models.CharField(_("heading"), max_length=255, blank=True)
    text = models.TextField(_("text"), max_length=CLAUSE_TEXT_MAX, validators=[MaxLengthValidator(CLAUSE_TEXT_MAX)])
    history = HistoricalRecords()

    objects = AgreementOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        ordering = ["agreement", "position", "pk"]

    def __str__(self):
        return self.heading or self.text[:80]

    def article_number(self):
        """The article that prints this clause: the minutes' Article 1 is the scope, the clauses follow in order."""
        before = self.agreement.clauses.filter(Q(position__lt=self.position) | Q(position=self.position,
                                                                                 pk__lt=self.pk)).count()
        return before + 2

    def clean(self):
        from agreements.placeholders import text_problems

        problems = text_problems(self.text or "")
        if problems:
            raise ValidationError({"text": problems})


class ReviewRequest(models.Model):
    """An addressee asked for its formal opinion: a department of the Ministry, or the receiving party."""

    class State(models.TextChoices):
        # Derived, never stored (agreements.selectors.inbox_state): the inbox and the agreement's page
        # name a request's state with these words only.
        ANSWERED = "answered", _("Answered")
        OVERDUE = "overdue", _("Overdue")
        DUE_SOON = "due_soon", _("Due within 3 days")
        PENDING = "pending", _("Pending")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="review_requests",
                                  verbose_name=_("agreement"))
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="review_requests",
                                   null=True, blank=True, verbose_name=_("department"))
    to_partner = models.BooleanField(_("the receiving party"), default=False)
    letter_number = models.CharField(_("request letter number"), max_length=60, blank=True)
    letter_date = models.DateField(_("request letter date"), null=True, blank=True, validators=[sane_date])
    due_on = models.DateField(_("answer due by"), null=True, blank=True, validators=[sane_date])
    silence_is_agreement = models.BooleanField(_("no answer by the due date is taken as agreement"), default=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    version = models.ForeignKey("agreements.AgreementVersion", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="requests", editable=False, verbose_name=_("version sent"))
    history = HistoricalRecords()

    objects = AgreementOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("addressee asked")
        verbose_name_plural = _("addressees asked")
        ordering = ["to_partner", "department__name", "pk"]
        constraints = [
            # Our own words where Django's would be "Constraint “review_department_once” is violated."
            models.UniqueConstraint(fields=["agreement", "department"], name="review_department_once",
                                    condition=Q(department__isnull=False),
                                    violation_error_message=_("This department is already asked.")),
            models.UniqueConstraint(fields=["agreement"], name="review_partner_once", condition=Q(to_partner=True),
                                    violation_error_message=_("The receiving party is already asked.")),
            models.CheckConstraint(condition=Q(department__isnull=True, to_partner=True)
                                   | Q(department__isnull=False, to_partner=False), name="review_one_addressee"),
        ]

    def __str__(self):
        return self.addressee

    @property
    def addressee(self):
        """The department's name, or the receiving party's short name (load partner with select_related)."""
        return self.department.name if self.department_id else self.agreement.partner.short_name

    def clean(self):
        if bool(self.department_id) == bool(self.to_partner):
            raise ValidationError(_("Choose a department, or tick “the receiving party”, not both."))


class StatusChange(models.Model):
    """One move of an agreement's lifecycle: who, when, from what to what, and why."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="status_changes",
                                  verbose_name=_("agreement"))
    from_status = models.CharField(_("from"), max_length=12, choices=Agreement.Status)
    to_status = models.CharField(_("to"), max_length=12, choices=Agreement.Status)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                           verbose_name=_("by"))
    at = models.DateTimeField(_("at"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.agreement_id}: {self.from_status} → {self.to_status}"


class EligibilityFlag(models.Model):
    """Raised on a signed agreement whose partner is no longer eligible; eligibility is watched
    for the whole term, not only at signing. Cleared when the partner is eligible again."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="eligibility_flags",
                                  verbose_name=_("agreement"))
    raised_on = models.DateField(_("raised on"))
    reasons = models.TextField(_("unmet conditions"))
    cleared_on = models.DateField(_("cleared on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("eligibility flag")
        verbose_name_plural = _("eligibility flags")
        ordering = ["-raised_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["agreement"], condition=Q(cleared_on__isnull=True),
                                               name="one_open_flag_per_agreement")]

    def __str__(self):
        return f"{self.agreement} — {self.raised_on:%d/%m/%Y}"
