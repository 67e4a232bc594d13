"""The forms of a refusal request: the partner's request, and the Ministry's decision on it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.models.refusal import FACTS_MAX
from agreements.services.refusal import refusal_clauses, scope_in_force
from conditions.forms import MultipleFileField
from core.uploads import MAX_FILES_PER_SUBMISSION


class ClauseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, clause):
        return _("Clause %(n)s — %(heading)s") % {"n": clause.article_number(), "heading": clause}


class ScopeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, row):
        return f"{row.province.name} ({row.province.code})"


class RefusalRequestForm(forms.Form):
    clause = ClauseChoiceField(label=_("Refusal case of the minutes"), queryset=None, empty_label=None,
                               widget=forms.RadioSelect)
    provinces = ScopeChoiceField(label=_("Provinces for which the right to use is refused"), queryset=None,
                                 widget=forms.CheckboxSelectMultiple)
    facts = forms.CharField(label=_("Facts"), max_length=FACTS_MAX, widget=forms.Textarea(attrs={"rows": 6}),
                            help_text=_("What happened that brings the case of the clause about, and when."))
    files = MultipleFileField(label=_("Documents (PDF, PNG or JPEG, at most 20 MB each)"), required=False)

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        # Only this agreement's own refusal cases, and only the provinces still in its scope.
        self.fields["clause"].queryset = refusal_clauses(agreement)
        self.fields["provinces"].queryset = scope_in_force(agreement)
        self.fields["files"].help_text = _("At most %(max)d files in one request.") % {
            "max": MAX_FILES_PER_SUBMISSION}


class RefusalDecisionForm(forms.Form):
    reason = forms.CharField(label=_("Reasons the receiving party will read"), required=False, max_length=4000,
                             widget=forms.Textarea(attrs={"rows": 3}))
