"""The forms of the deployment reports: filing one, and the drafter's reporting period."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement, DeploymentReport
from agreements.models.agreement import REPORT_EVERY_MAX
from agreements.services.deployment import FIGURES
from conditions.forms import MultipleFileField


class DeploymentReportForm(forms.ModelForm):
    province = forms.ChoiceField(label=_("Province"))
    period_start = forms.ChoiceField(label=_("Period"))
    files = MultipleFileField(label=_("Attachments"), required=False,
                               help_text=_("PDF, PNG or JPEG, as for evidence; optional."))

    class Meta:
        model = DeploymentReport
        fields = ["province", "period_start", *FIGURES, "files"]
        widgets = {"problems": forms.Textarea(attrs={"rows": 4}), "next_steps": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, provinces, periods, reported, **kwargs):
        """`provinces` in scope and `periods` begun are the only choices; `reported` what is filed already
        (agreements.deployment.Reported)."""
        super().__init__(*args, **kwargs)
        self.provinces = {str(p.pk): p for p in provinces}
        self.periods = {p.start.isoformat(): p for p in periods}
        self.reported = reported
        self.fields["province"].choices = [("", "—"), *((key, p.name) for key, p in self.provinces.items())]
        # The newest period first: the one a partner most often files.
        self.fields["period_start"].choices = [("", "—"), *((key, str(p)) for key, p in reversed(self.periods.items()))]
        for name in ("facilities_live", "records_created", "incidents"):
            self.fields[name].widget.attrs["min"] = 0

    def clean_province(self):
        return self.provinces[self.cleaned_data["province"]]

    def clean_period_start(self):
        return datetime.date.fromisoformat(self.cleaned_data["period_start"])

    def clean(self):
        cleaned = super().clean()
        province, start = cleaned.get("province"), cleaned.get("period_start")
        if province is not None and start is not None and self.reported.covers(province.pk, self.periods[
                start.isoformat()]):
            self.add_error("period_start", _("A report for %(province)s for this period was already filed; a period "
                                             "is reported once.") % {"province": province.name})
        return cleaned


class ReportPeriodForm(forms.Form):
    months = forms.IntegerField(label=_("Deployment reported every (months)"), min_value=1, max_value=REPORT_EVERY_MAX)

    @classmethod
    def for_agreement(cls, agreement: Agreement, data=None):
        return cls(data, initial={"months": agreement.report_every_months})
