from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import roles
from core.uploads import validate_upload
from partners.models import AuthorityDocument, Partner


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = list(Partner.PROFILE_FIELDS)
        widgets = {"registration_date": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})}


class OwnPartnerForm(PartnerForm):
    """What a partner user may change of their own unit: not its identity."""

    class Meta(PartnerForm.Meta):
        fields = [f for f in Partner.PROFILE_FIELDS if f not in Partner.IDENTITY_FIELDS]


class PartnerStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Partner.Status.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class AuthorityDocumentForm(forms.ModelForm):
    upload = forms.FileField(label=_("File (PDF, PNG or JPEG)"), required=False, validators=[validate_upload])

    class Meta:
        model = AuthorityDocument
        fields = ["kind", "number", "issued_on", "issuer", "summary"]
        widgets = {"issued_on": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})}


class MemberAddForm(forms.Form):
    """Link an existing account to the unit. Accounts are created by the administrator."""

    user = forms.ModelChoiceField(label=_("Account"), queryset=get_user_model().objects.none())
    title = forms.CharField(label=pgettext_lazy("of a person", "Title"), max_length=120, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only accounts that act for nobody yet and are not Ministry staff.
        self.fields["user"].queryset = (
            get_user_model().objects.filter(membership__isnull=True, staff_profile__isnull=True,
                                            is_staff=False, is_superuser=False, is_active=True)
            .exclude(groups__name__in=[r for r in roles.LABELS if r != roles.PARTNER])
            .order_by("username"))
        self.fields["user"].label_from_instance = lambda u: f"{u.username} — {u.get_full_name() or u.email}"
