"""Password rules and the login and password forms in our own words (issue 14): Django's defaults are
English sentences ("This password is too common.", "Please enter a correct username and password. Note
that both fields may be case-sensitive.") whose translations we do not choose. The rules are Django's; the
messages are read when shown (gettext at call time), in the reader's language."""

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation as django_rules
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class MinimumLengthValidator(django_rules.MinimumLengthValidator):
    def get_error_message(self):
        return _("Too short: a password has at least %(min_length)d characters.")

    def get_help_text(self):
        return _("At least %(min_length)d characters.") % {"min_length": self.min_length}


class UserAttributeSimilarityValidator(django_rules.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return _("Too like your user name, name or e-mail address.")

    def get_help_text(self):
        return _("Not like your user name, name or e-mail address.")


class CommonPasswordValidator(django_rules.CommonPasswordValidator):
    def get_error_message(self):
        return _("Too common: this password is on the list of passwords tried first.")

    def get_help_text(self):
        return _("Not a common password.")


class NumericPasswordValidator(django_rules.NumericPasswordValidator):
    def get_error_message(self):
        return _("Digits only: add letters.")

    def get_help_text(self):
        return _("Not digits only.")


class LoginForm(auth_forms.AuthenticationForm):
    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": gettext_lazy("The user name or the password is wrong. Both are case-sensitive."),
        "inactive": gettext_lazy("This account is disabled."),
    }


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    error_messages = {
        **auth_forms.PasswordChangeForm.error_messages,
        "password_incorrect": gettext_lazy("Your current password is wrong: type it again."),
        "password_mismatch": gettext_lazy("The two new passwords differ: type the same one twice."),
    }
