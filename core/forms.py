"""How every form of the site shows its fields: a text field states its maximum beside it, and the server alone
enforces it, with Django's message next to the field (settings.FORM_RENDERER).

A browser cuts text pasted into a field with a maxlength attribute to that length, silently: a 10,000-character
title arrived as its first 255 characters and was saved so (issue 11). Without the attribute the whole text
reaches the form, which refuses it and shows it back for the user to shorten; the maximum is stated instead."""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils.formats import number_format
from django.utils.translation import gettext as _


class StatedLimitField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        attrs["maxlength"] = False  # Django's widget templates leave out an attribute whose value is False
        return attrs

    @property
    def limit(self):
        """The maximum as the page states it ("At most 2,000 characters."); empty for a field without one."""
        most = self.field.max_length if isinstance(self.field, forms.CharField) else None  # a FileField's is its name's
        if most is None:
            return ""
        return _("At most %(count)s characters.") % {"count": number_format(most, force_grouping=True)}


class FormRenderer(DjangoTemplates):
    bound_field_class = StatedLimitField
