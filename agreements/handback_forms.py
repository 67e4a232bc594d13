"""The forms of the hand-back: the receiving party's record of one obligation, and the Ministry's answer to it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.models.handback import NOTES_MAX
from conditions.forms import MultipleFileField
from core.uploads import MAX_FILES_PER_SUBMISSION


class HandbackRecordForm(forms.Form):
    notes = forms.CharField(label=_("What was done"), max_length=NOTES_MAX, widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=_("What was handed back, closed or deleted, when, and who received it."))
    files = MultipleFileField(label=_("Documents that show it (PDF, PNG or JPEG, at most 20 MB each)"))

    def __init__(self, *args, obligation, **kwargs):
        super().__init__(*args, prefix=f"record-{obligation.pk}", **kwargs)
        self.fields["files"].help_text = _("At least one file, at most %(max)d.") % {"max": MAX_FILES_PER_SUBMISSION}
        if obligation.kind == obligation.Kind.DELETION_CERTIFICATE:
            self.fields["files"].help_text = _("The deletion certificate as a PDF, and any other documents (at most "
                                               "%(max)d files).") % {"max": MAX_FILES_PER_SUBMISSION}


class HandbackDecisionForm(forms.Form):
    notes = forms.CharField(label=_("Notes, or the reasons for returning it"), required=False, max_length=NOTES_MAX,
                            widget=forms.Textarea(attrs={"rows": 2}),
                            help_text=_("Required to return it: the receiving party reads them and records again."))

    def __init__(self, *args, obligation, **kwargs):
        super().__init__(*args, prefix=f"decide-{obligation.pk}", **kwargs)
