from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20, strip=True,
                           help_text=_("The 6 digits your authenticator app shows, or one of your recovery codes."),
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True,
                                                         "inputmode": "text", "spellcheck": "false"}))


class FirstCodeForm(CodeForm):
    code = forms.CharField(label=_("Code"), max_length=6, min_length=6, strip=True,
                           help_text=_("The 6 digits your authenticator app shows now."),
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                                         "pattern": "[0-9]{6}"}))
