"""The auditors' filters of the audit record: read from the query string, each wrong value answered next
to its field."""

import datetime
import re

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import registered_models

from agreements.models import Agreement
from core.models import AuditEntry, DownloadRecord
from partners.models import Partner

# The kinds of event an auditor picks from; a login is any of the three events at the door.
EVENTS = {
    "change": [AuditEntry.Kind.CHANGE],
    "download": [AuditEntry.Kind.DOWNLOAD],
    "login": [AuditEntry.Kind.LOGIN, AuditEntry.Kind.LOGOUT, AuditEntry.Kind.LOGIN_FAILED],
    "permission": [AuditEntry.Kind.PERMISSION],
    "export": [AuditEntry.Kind.EXPORT],
}
EVENT_CHOICES = [("", "—"), ("change", _("Change")), ("download", _("Download")),
                 ("login", _("Login, logout or failed login")), ("permission", _("Permission")),
                 ("export", _("Export of the audit record"))]
# "02/BB-CNTT": a number and a symbol, as the minutes are cited; "#8" or "8": an agreement's id.
NUMBERED = re.compile(r"\A0*(\d{1,9})/(\S+)\Z")
BY_ID = re.compile(r"\A#?(\d{1,18})\Z")
# The days a period may start or end on: "until" is counted to the start of the next day, and no day
# follows 31/12/9999; nothing was recorded before 1900 (and a day before 01/01/0001 cannot be counted either).
EARLIEST, LATEST = datetime.date(1900, 1, 1), datetime.date(9999, 12, 30)


def within_the_calendar(day):
    if day is not None and not EARLIEST <= day <= LATEST:
        raise forms.ValidationError(_("Give a day from %(start)s to %(end)s.") % {
            "start": f"{EARLIEST:%d/%m/%Y}", "end": f"{LATEST:%d/%m/%Y}"})


def recorded_models():
    """Every kind of object an entry may be about: the tracked models, downloads, people and groups."""
    found = {model for model in registered_models.values() if not model._meta.auto_created}
    found |= {DownloadRecord, get_user_model(), Group}
    return sorted(((m._meta.label_lower, str(m._meta.verbose_name).capitalize()) for m in found),
                  key=lambda choice: choice[1])


class PersonField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        full = user.get_full_name()
        return f"{full} ({user.username})" if full else user.username


class AuditFilterForm(forms.Form):
    person = PersonField(get_user_model().objects.order_by("username"), required=False, label=_("Person"))
    partner = forms.ModelChoiceField(Partner.objects.order_by("short_name"), required=False,
                                     label=_("Partner unit"))
    agreement = forms.CharField(required=False, max_length=60, label=_("Agreement"),
                                help_text=_("Its number, as 02/BB-CNTT; a draft by its id, as #8."))
    model = forms.ChoiceField(required=False, label=_("Kind of object"))
    event = forms.ChoiceField(required=False, choices=EVENT_CHOICES, label=_("Kind of event"))
    since = forms.DateField(required=False, label=pgettext_lazy("period", "From"), help_text=_("dd/mm/yyyy"),
                            validators=[within_the_calendar])
    until = forms.DateField(required=False, label=pgettext_lazy("period", "To"), help_text=_("dd/mm/yyyy"),
                            validators=[within_the_calendar])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", "—"), *recorded_models()]

    def clean_agreement(self):
        """The ids of the agreements meant: a number and symbol may recur from one year to the next."""
        text = self.cleaned_data["agreement"].strip()
        if not text:
            return []
        numbered, by_id = NUMBERED.match(text), BY_ID.match(text)
        if numbered:
            ids = list(Agreement.objects.filter(number=int(numbered[1]), symbol__iexact=numbered[2])
                       .values_list("pk", flat=True))
        elif by_id:
            ids = list(Agreement.objects.filter(pk=int(by_id[1])).values_list("pk", flat=True))
        else:
            raise forms.ValidationError(_("Write an agreement's number, as 02/BB-CNTT, or its id, as #8."))
        if not ids:
            raise forms.ValidationError(_("No agreement is numbered %(text)s.") % {"text": text})
        return ids

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", _("The end of the period comes before its start."))
        return data
