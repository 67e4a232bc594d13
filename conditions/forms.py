from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from conditions import services
from conditions.models import Condition, ConditionSet, Evidence
from core.dates import sane_date
from core.uploads import MAX_FILES_PER_SUBMISSION, check_file_count, validate_upload

DATE = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy", "class": "date"})


class ConditionSetForm(forms.ModelForm):
    class Meta:
        model = ConditionSet
        fields = ["title", "effective_from", "decision_number", "decision_date"]
        widgets = {"effective_from": DATE, "decision_date": DATE}

    def clean_effective_from(self):
        day = self.cleaned_data["effective_from"]
        sane_date(day)
        return day


class NewVersionForm(ConditionSetForm):
    copy_from = forms.ModelChoiceField(label=_("Start from the conditions of"), required=False,
                                       queryset=ConditionSet.objects.order_by("-version"))

    class Meta(ConditionSetForm.Meta):
        pass


class ConditionForm(forms.ModelForm):
    class Meta:
        model = Condition
        fields = ["code", "title", "description", "category", "mandatory", "evidence_required", "validity_months",
                  "position"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}),
                   "evidence_required": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, condition_set, **kwargs):
        super().__init__(*args, **kwargs)
        self.condition_set = condition_set

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        taken = Condition.objects.filter(condition_set=self.condition_set, code=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("This code is already used in this version."))
        return code


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, each checked by content (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        items = data if isinstance(data, (list, tuple)) else [data] if data else []
        if not items:
            if not self.required:  # a report or a request may stand without documents
                return []
            raise ValidationError(_("Attach at least one file."), code="required")
        check_file_count(items)  # before any of them is read
        errors = []
        for item in items:
            try:
                validate_upload(super().clean(item, initial))
            except ValidationError as error:
                errors.extend(f"{_safe_name(item)}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return items


def _safe_name(upload):
    name = getattr(upload, "name", "") or ""
    return "".join(c if c.isprintable() else "?" for c in name)[:80] or "?"


class EvidenceForm(forms.Form):
    statement = forms.CharField(label=_("Statement"), max_length=10000, widget=forms.Textarea(attrs={"rows": 5}),
                                help_text=_("How the unit meets this condition, and what the files show."))
    files = MultipleFileField(label=_("Files (PDF, PNG or JPEG, at most 20 MB each)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _("At most %(max)d files in one submission.") % {
            "max": MAX_FILES_PER_SUBMISSION}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=[
        (Evidence.Status.ACCEPTED, _("Accept")), (Evidence.Status.REJECTED, _("Reject")),
        (Evidence.Status.INFO_REQUESTED, _("Ask for more information"))], widget=forms.RadioSelect)
    valid_from = forms.DateField(label=_("Valid from"), required=False, widget=DATE, validators=[sane_date])
    valid_until = forms.DateField(label=_("Valid until"), required=False, widget=DATE, validators=[sane_date],
                                  help_text=_("Left empty: the condition's validity counted from the first day."))
    # Required for two of the three decisions: marked so in its label and help, and checked beside it (clean).
    reason = forms.CharField(label=_("Reason the partner will read (required to reject or ask for more "
                                     "information)"), required=False, max_length=4000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Required when you reject the evidence or ask for more information: the "
                                         "partner reads it. Not needed to accept."))

    def clean(self):
        cleaned = super().clean()
        if services.reason_needed(cleaned.get("decision")) and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason the partner will read."))
        if (cleaned.get("decision") == Evidence.Status.ACCEPTED and cleaned.get("valid_from")
                and cleaned.get("valid_until") and cleaned["valid_until"] < cleaned["valid_from"]):
            self.add_error("valid_until", _("The evidence cannot be valid until a day before it is valid from."))
        return cleaned


class AnswerForm(forms.Form):
    """The partner's answer to a request for more information, on the same evidence."""

    text = forms.CharField(label=_("Your answer"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("What the assessor asked for; the evidence then goes back to the assessor."))
    files = MultipleFileField(label=_("Files (PDF, PNG or JPEG, at most 20 MB each)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _("Optional. At most %(max)d files.") % {"max": MAX_FILES_PER_SUBMISSION}


class EligibilityDayForm(forms.Form):
    on = forms.DateField(label=_("On"), required=False, widget=DATE, validators=[sane_date])
