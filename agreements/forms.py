from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.models import ModelChoiceIterator
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from agreements.guards.review import provinces_not_in_force
from agreements.models import (
    Agreement,
    Answer,
    Clause,
    ClauseTemplate,
    LegalBasis,
    LegalDocument,
    Opinion,
    ReviewRequest,
)
from agreements.models.agreement import MINISTRY_SIGNS, Behalf, Honorific, validate_symbol
from conditions.models import ConditionSet
from core.dates import sane_date
from core.models import Department, Province
from core.uploads import validate_upload
from partners.models import AuthorityDocument, Partner

DATE = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy", "class": "date"})


def province_label(province):
    return f"{province.name} ({province.code}) — {province.period_label}"


class ProvinceChoiceField(forms.ModelMultipleChoiceField):
    """Accepts any province, so that the form can say which ones are of another period (AgreementForm.clean);
    offers only those in force on one day, and those already chosen."""

    def label_from_instance(self, obj):
        return province_label(obj)

    def offer(self, queryset):
        offered = ModelChoiceIterator(self)
        offered.queryset = queryset
        self.widget.choices = offered


def province_picker():
    """A plain <select multiple> that static/js/province-picker.js turns into a search-as-you-type picker."""
    return forms.SelectMultiple(attrs={"size": 12, "data-province-picker": "",
                                       "data-source": reverse_lazy("agreements:province_options"),
                                       "data-placeholder": _("Type a province's name"),
                                       "data-no-results": _("No province in force on the term's start has that "
                                                            "name.")})


class ProvinceDayForm(forms.Form):
    """The day the province picker asks for the provinces in force on: the term's start as typed."""

    on = forms.DateField(required=False, validators=[sane_date])


class AgreementForm(forms.ModelForm):
    provinces = ProvinceChoiceField(label=_("Provinces in scope"), required=False,
                                    queryset=Province.objects.none(), widget=province_picker())

    class Meta:
        model = Agreement
        fields = ["partner", *Agreement.DRAFT_FIELDS]
        widgets = {"term_start": DATE, "term_end": DATE, "planned_signing_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.visible_to(user).filter(status=Partner.Status.ACTIVE)
        handing = Department.objects.filter(is_handing_unit=True)
        self.fields["handing_department"].queryset = handing
        if not self.instance.pk:
            self.fields["handing_department"].initial = handing.values_list("pk", flat=True).first()
        self.fields["provinces"].queryset = Province.objects.order_by("-valid_from", "name")
        # Sets a partner can still be judged under: in force, or published to take effect later.
        self.fields["condition_set"].queryset = ConditionSet.objects.published().filter(
            Q(superseded_on__isnull=True) | Q(superseded_on__gt=timezone.localdate()))
        if self.instance.pk:
            self.fields["provinces"].initial = list(self.instance.provinces.values_list("pk", flat=True))
            # The receiving party is fixed once the draft exists: its authority is cited in the text.
            self.fields["partner"].disabled = True
        self._offer_provinces()
        # Left empty (or sent by a page that does not show it), the draft keeps its reporting period.
        self.fields["report_every_months"].required = False

    def term_start_typed(self):
        """The term's start as typed (or saved, or proposed); today when there is none or it is not a date."""
        if self.is_bound:
            try:
                day = self.fields["term_start"].clean(self.data.get(self.add_prefix("term_start")))
            except ValidationError:
                day = None
        else:
            day = self.initial.get("term_start") or self.instance.term_start
        return day or timezone.localdate()

    def _offer_provinces(self):
        """Only the provinces in force on the term's start, and those already chosen (a stale one stays shown,
        with its message, until it is taken out)."""
        day = self.term_start_typed()
        field = self.fields["provinces"]
        if self.is_bound:
            name = self.add_prefix("provinces")
            sent = self.data.getlist(name) if hasattr(self.data, "getlist") else self.data.get(name) or []
            chosen = [pk for pk in sent if str(pk).isdigit()]
        else:
            chosen = field.initial or []
        field.offer(Province.objects.filter(Q(pk__in=Province.objects.in_force_on(day)) | Q(pk__in=chosen))
                    .order_by("name", "-valid_from"))
        field.help_text = _("The provinces in force when the term starts (%(date)s); type part of a name to find "
                            "one.") % {"date": day.strftime("%d/%m/%Y")}

    def clean_report_every_months(self):
        return self.cleaned_data.get("report_every_months") or self.instance.report_every_months

    def clean(self):
        data = super().clean()
        start = data.get("term_start")
        if start and data.get("provinces"):
            problem = provinces_not_in_force(data["provinces"], start)
            if problem:
                self.add_error("provinces", problem)
        return data


class LegalBasisForm(forms.ModelForm):
    class Meta:
        model = LegalBasis
        fields = ["position", "kind", "citation", "authority_document"]
        widgets = {"citation": forms.Textarea(attrs={"rows": 2}), "position": forms.NumberInput(attrs={"class": "pos"})}

    def __init__(self, *args, partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        docs = AuthorityDocument.objects.filter(partner=partner) if partner else AuthorityDocument.objects.none()
        self.fields["authority_document"].queryset = docs


class ClauseForm(forms.ModelForm):
    class Meta:
        model = Clause
        fields = ["position", "section", "heading", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4}), "position": forms.NumberInput(attrs={"class": "pos"})}


class ReviewRequestForm(forms.ModelForm):
    class Meta:
        model = ReviewRequest
        fields = ["department", "to_partner", "letter_number", "letter_date", "due_on", "silence_is_agreement"]
        widgets = {"due_on": DATE, "letter_date": DATE}
        labels = {"silence_is_agreement": _("No answer by then counts as agreement")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(is_handing_unit=False)

    def clean(self):
        data = super().clean()
        if data.get("department") and data.get("to_partner"):
            self.add_error("to_partner", _("Choose a department, or tick “the receiving party”, not both."))
        elif self.has_changed() and not data.get("department") and not data.get("to_partner") \
                and not data.get("DELETE"):
            self.add_error("department", _("Choose a department, or tick “the receiving party”."))
        return data


class SharedChoicesFormSet(forms.BaseInlineFormSet):
    """Each select's options are read once for the whole formset, not once per row."""

    shared_choice_fields = ()

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if not hasattr(self, "_shared_choices"):
            self._shared_choices = {name: list(form.fields[name].choices) for name in self.shared_choice_fields}
        for name, choices in self._shared_choices.items():
            form.fields[name].choices = choices
        return form


class OrderedFormSet(SharedChoicesFormSet):
    def get_queryset(self):
        if not hasattr(self, "_ordered"):  # evaluated once, not once per form
            self._ordered = super().get_queryset().order_by("position", "pk")
        return self._ordered


class LegalBasisRowsFormSet(OrderedFormSet):
    shared_choice_fields = ("authority_document",)


class UniqueDepartmentFormSet(SharedChoicesFormSet):
    shared_choice_fields = ("department",)

    def clean(self):
        super().clean()
        seen, partner_asked = set(), False
        for form in self.forms:
            if form in self.deleted_forms or not hasattr(form, "cleaned_data"):
                continue
            department = form.cleaned_data.get("department")
            if department in seen:
                form.add_error("department", _("This department is already asked."))
            if department:
                seen.add(department)
            if form.cleaned_data.get("to_partner"):
                if partner_asked:
                    form.add_error("to_partner", _("The receiving party is already asked."))
                partner_asked = True


LegalBasisFormSet = forms.inlineformset_factory(Agreement, LegalBasis, form=LegalBasisForm,
                                                formset=LegalBasisRowsFormSet,
                                                extra=2, can_delete=True)
ClauseFormSet = forms.inlineformset_factory(Agreement, Clause, form=ClauseForm, formset=OrderedFormSet,
                                            extra=2, can_delete=True)
ReviewRequestFormSet = forms.inlineformset_factory(Agreement, ReviewRequest, form=ReviewRequestForm,
                                                   formset=UniqueDepartmentFormSet, extra=1, can_delete=True)


# The forms of the lifecycle actions (agreements.actions): each is built as Form(data, agreement=...),
# and its cleaned data are exactly the keyword arguments of the action's service.

class ActionForm(forms.Form):
    def __init__(self, data=None, *, agreement):
        super().__init__(data, initial=None if data is not None else self.initial_for(agreement))

    def initial_for(self, agreement):
        return {}


class SendForm(ActionForm):
    reason = forms.CharField(label=_("Reason or note"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class ReturnForm(ActionForm):
    reason = forms.CharField(label=_("Why it goes back for revision"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class SignForm(ActionForm):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=9999)
    symbol = forms.CharField(label=_("Symbol"), max_length=30, initial="BB-CNTT", validators=[validate_symbol])
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE, validators=[sane_date])
    place = forms.CharField(label=_("Place of signing"), max_length=100)
    handing_signatory = forms.CharField(label=_("Signed for the handing party by"), max_length=120)
    handing_signatory_title = forms.CharField(label=pgettext_lazy("of a person", "Title"), max_length=120)
    receiving_signatory = forms.CharField(label=_("Signed for the receiving party by"), max_length=120)
    receiving_signatory_title = forms.CharField(label=pgettext_lazy("of a person", "Title"), max_length=120)
    handing_signatory_honorific = forms.ChoiceField(
        label=_("Handing signatory addressed as"), choices=[("", "—"), *Honorific.choices], required=False,
        help_text=_("Left empty, the form of address of the representative the minutes name, when they sign."))
    handing_sign_form = forms.ChoiceField(
        label=_("The handing party signs"), choices=Behalf, required=False,
        help_text=_("The Department signs for the Ministry: by order of the Minister (TL.), with its deputy head "
                    "signing for its head (TL. and KT.), or by the Minister's written authorisation (TUQ.) "
                    "(Decree 30/2020/NĐ-CP, Article 13)."))
    handing_signed_for = forms.CharField(label=_("On behalf of"), max_length=120, required=False,
                                         help_text=_("The position signed for, e.g. “Bộ trưởng”."))
    handing_signed_for_head = forms.CharField(label=_("The deputy signs for"), max_length=120, required=False,
                                              help_text=_("With TL. and KT. only, e.g. “Cục trưởng”."))
    receiving_signatory_honorific = forms.ChoiceField(
        label=_("Receiving signatory addressed as"), choices=[("", "—"), *Honorific.choices], required=False)
    receiving_sign_form = forms.ChoiceField(label=_("The receiving party signs"), choices=Behalf, required=False)
    receiving_signed_for = forms.CharField(label=_("On behalf of"), max_length=120, required=False)
    receiving_signed_for_head = forms.CharField(label=_("The deputy signs for"), max_length=120, required=False)
    reason = forms.CharField(label=_("Note"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))
    overdue_reason = forms.CharField(
        label=_("Why you go on without an overdue opinion"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed only when an addressee's due date has passed without its opinion and silence was not "
                    "to count as agreement."))
    disagreements_acknowledged = forms.BooleanField(
        label=_("I have read the drafter's explanation of every disagreement and go on"), required=False)

    def initial_for(self, agreement):
        today = timezone.localdate()
        return {"number": Agreement.objects.next_number(today.year), "symbol": "BB-CNTT", "signed_on": today,
                "place": agreement.place, "handing_signatory": agreement.handing_representative,
                "handing_signatory_title": agreement.handing_title,
                "receiving_signatory": agreement.receiving_representative,
                "receiving_signatory_title": agreement.receiving_title,
                "handing_signatory_honorific": agreement.handing_honorific,
                "receiving_signatory_honorific": agreement.receiving_honorific,
                "handing_sign_form": MINISTRY_SIGNS[0], "handing_signed_for": MINISTRY_SIGNS[1]}


class CancelForm(ActionForm):
    cancelled_on = forms.DateField(label=_("Cancelled on"), widget=DATE, validators=[sane_date])
    notes = forms.CharField(label=_("Notes"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))

    def initial_for(self, agreement):
        return {"cancelled_on": timezone.localdate()}


class TerminateForm(ActionForm):
    terminated_on = forms.DateField(label=_("Terminated on"), widget=DATE, validators=[sane_date])
    reason_code = forms.ChoiceField(label=_("Reason"), choices=[
        c for c in Agreement.TerminationReason.choices if c[0] != Agreement.TerminationReason.CANCELLED])
    clause = forms.ModelChoiceField(label=_("Refusal case cited"), required=False, queryset=Clause.objects.none(),
                                    help_text=_("Required when the receiving party refused the right to use."))
    notes = forms.CharField(label=_("Notes"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, data=None, *, agreement):
        super().__init__(data, agreement=agreement)
        self.fields["clause"].queryset = agreement.clauses.filter(section=Clause.Section.REFUSAL)

    def initial_for(self, agreement):
        return {"terminated_on": timezone.localdate()}


class LibraryPickForm(forms.Form):
    """What to add to a draft from the libraries; each choice lists only what fits this draft."""

    SECTIONS = ("legal_documents", "authority_documents", "templates")

    legal_documents = forms.ModelMultipleChoiceField(label=_("Legal documents"), required=False,
                                                     queryset=LegalDocument.objects.none(),
                                                     widget=forms.CheckboxSelectMultiple)
    authority_documents = forms.ModelMultipleChoiceField(label=_("Authority documents of the receiving party"),
                                                         required=False, queryset=AuthorityDocument.objects.none(),
                                                         widget=forms.CheckboxSelectMultiple)
    templates = forms.ModelMultipleChoiceField(label=_("Standard clauses"), required=False,
                                               queryset=ClauseTemplate.objects.none(),
                                               widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        cited = agreement.legal_bases.exclude(legal_document_id=None).values("legal_document_id")
        self.fields["legal_documents"].queryset = LegalDocument.objects.offered_for(agreement).exclude(pk__in=cited)
        self.fields["legal_documents"].error_messages["invalid_choice"] = _(
            "A document not in force on %(date)s, the day the minutes cite the law of, or already cited, cannot be "
            "added.") % {"date": agreement.law_day().strftime("%d/%m/%Y")}
        self.fields["legal_documents"].help_text = _("Only what is in force on %(date)s, the day the minutes cite "
                                                     "the law of.") % {"date": agreement.law_day().strftime("%d/%m/%Y")}
        self.fields["authority_documents"].queryset = AuthorityDocument.objects.filter(
            partner=agreement.partner).exclude(pk__in=agreement.legal_bases.values("authority_document_id")
                                               .exclude(authority_document_id=None))
        self.fields["templates"].queryset = ClauseTemplate.objects.filter(active=True)
        self.fields["templates"].label_from_instance = lambda t: f"{t.get_section_display()} — {t.heading}"
        self.fields["legal_documents"].label_from_instance = lambda d: d.citation()
        self.fields["authority_documents"].label_from_instance = lambda d: d.citation()

    def clean(self):
        data = super().clean()
        # "Add all of this section" (the page's button without script): every entry the section offers.
        section = self.data.get("all")
        if not self.errors and section in self.SECTIONS:
            data[section] = list(self.fields[section].queryset)
        if not self.errors and not any(data.get(name) for name in self.SECTIONS):
            raise ValidationError(_("Tick at least one entry to add."))
        return data

    def sections(self):
        """The page's sections: each field with the name of its "add all" button."""
        return [self[name] for name in self.SECTIONS]


class LegalDocumentForm(forms.ModelForm):
    class Meta:
        model = LegalDocument
        fields = ["kind", "number", "name", "issuer", "issued_on", "summary", "in_force_from", "in_force_until",
                  "successors", "topics", "department", "position", "active"]
        widgets = {"issued_on": DATE, "in_force_from": DATE, "in_force_until": DATE,
                   "successors": forms.CheckboxSelectMultiple}

    topics = forms.MultipleChoiceField(label=_("topics"), required=False, choices=LegalDocument.Topic.choices,
                                       widget=forms.CheckboxSelectMultiple,
                                       help_text=_("What clause texts cite it for, as {law:topic}. The first ticked "
                                                   "in this list's order is taken as its own subject."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        others = LegalDocument.objects.all()
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["successors"].queryset = others
        self.fields["successors"].label_from_instance = lambda d: d.short_citation()


class ClauseTemplateForm(forms.ModelForm):
    class Meta:
        model = ClauseTemplate
        fields = ["section", "heading", "text", "position", "active"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"text": _("Placeholders filled from the agreement: {partner}, {provinces}, {software}, "
                                "{version}, {term_start}, {term_end}; and the law in force on the signing day: "
                                "{law:personal_data}, {law:cybersecurity}, {law:security_levels} and the other "
                                "topics of the legal library. Never type a law's number.")}


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Verification code or SHA-256 fingerprint"), required=False, max_length=80,
                           widget=forms.TextInput(attrs={"placeholder": "XXXX-XXXX-XXXX", "autocomplete": "off"}))
    file = forms.FileField(label=_("or the PDF file"), required=False)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None and upload.size > settings.UPLOAD_MAX_BYTES:
            megabytes = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
            self.add_error("file", _("The file is larger than %(mb)d MB.") % {"mb": megabytes})
        if not data.get("code") and upload is None:
            raise forms.ValidationError(_("Type the verification code printed on the minutes, or choose the file."))
        return data


# --- the review round: an addressee's opinion, the drafter's answers ------------------------------

class OpinionForm(forms.Form):
    """The letter that answers a request; its comments come in CommentFormSet. Cleaned data, with the
    comments and the file, are the keyword arguments of services.opinion_record."""

    letter_number = forms.CharField(label=_("Letter number"), max_length=60,
                                    widget=forms.TextInput(attrs={"placeholder": "832/KHĐT-VP"}))
    letter_date = forms.DateField(label=_("Letter date"), widget=DATE, validators=[sane_date])
    signatory = forms.CharField(label=_("Signed by"), max_length=120)
    signatory_title = forms.CharField(label=pgettext_lazy("of a person", "Title"), max_length=120)
    position = forms.ChoiceField(label=_("Position"), choices=Opinion.Position.choices, widget=forms.RadioSelect)
    general_comment = forms.CharField(label=_("General comments"), required=False, max_length=20000,
                                      widget=forms.Textarea(attrs={"rows": 4}))
    letter = forms.FileField(label=_("Scanned letter (PDF, PNG or JPEG)"))
    correction_reason = forms.CharField(label=_("Why this opinion corrects the one recorded"), required=False,
                                        max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, correcting=False, **kwargs):
        super().__init__(*args, **kwargs)
        if correcting:
            self.fields["correction_reason"].required = True
        else:
            del self.fields["correction_reason"]

    def clean_letter(self):
        letter = self.cleaned_data["letter"]
        validate_upload(letter)  # the service checks again: this puts the message beside the field
        return letter


class CommentForm(forms.Form):
    anchor = forms.ChoiceField(label=_("On"), required=False)
    text = forms.CharField(label=_("Comment"), required=False, max_length=20000,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, anchors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anchor"].choices = [("", _("The text as a whole"))] + list(anchors)

    def clean(self):
        data = super().clean()
        if data.get("anchor") and not (data.get("text") or "").strip():
            self.add_error("text", _("Write the comment, or leave the row's clause empty."))
        return data


CommentFormSet = forms.formset_factory(CommentForm, extra=5, max_num=60, validate_max=True)


class AnswerForm(forms.Form):
    kind = forms.ChoiceField(label=_("Answer"), choices=Answer.Kind.choices, widget=forms.RadioSelect)
    text = forms.CharField(label=_("Where the text changed, or why not"), max_length=20000,
                           widget=forms.Textarea(attrs={"rows": 2}))
