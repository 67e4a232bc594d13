"""The register of agreements as people read it: what they search, filter and sort by, read from the query
string (a wrong value is answered next to its field), and the rows that follow. The page, its export and
its bookmarks all go through `selected`, so an export holds exactly the rows the list shows."""

import re

from django import forms
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from agreements import search as agreement_search
from agreements.models import Agreement, AgreementProvince
from core import search
from core.dates import sane_date
from core.http import SEARCH_MAX
from core.models import Province
from core.paging import Key
from partners import search as partner_search
from partners.models import tax_code_validator

# ?sort= → the keys of the order; "-name" reads it backwards. The newest change first by default.
SORTS = {
    "number": (Key("number_year"), Key("number")),
    "subject": (Key("title"),),
    "partner": (Key("partner__short_name"),),
    "status": (Key("status"),),
    "term": (Key("term_end"),),
    "signed": (Key("signed_on"),),
    "updated": (Key("updated_at"),),
}
DEFAULT_SORT = "-updated"
DAY = _("dd/mm/yyyy")
# "02/BB-CNTT": a number and symbol, as minutes are cited (the number recurs from year to year); "#12": a
# draft by its id, as the list labels it.
NUMBERED = re.compile(r"\A0*([0-9]{1,9})/(\S{1,30})\Z")
BY_ID = re.compile(r"\A#([0-9]{1,18})\Z")
# An id (a link from before the partner filter took names): a tax code has 10 digits or more.
PARTNER_ID = re.compile(r"\A[0-9]{1,9}\Z")


def sort_keys(sort):
    """The keys of ?sort=, and the sort actually used (the default for anything unknown)."""
    name = sort.removeprefix("-")
    if name not in SORTS:
        return sort_keys(DEFAULT_SORT)
    descending = sort.startswith("-")
    return tuple(Key(key.path, descending) for key in SORTS[name]), sort


class ListFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=SEARCH_MAX, label=_("Search"),
                        help_text=_("Number, subject, partner, tax code or province; accents and case do not "
                                    "matter."))
    status = forms.ChoiceField(required=False, label=_("Status"),
                               choices=[("", pgettext_lazy("filter", "All")), *Agreement.Status.choices])
    partner = forms.CharField(required=False, max_length=100, label=_("Partner unit"),
                              help_text=_("Type part of its name or its tax code."))
    province = forms.ModelChoiceField(Province.objects.all(), required=False, label=_("Province"),
                                      help_text=_("Today's provinces; each includes those merged into it."))
    term_from = forms.DateField(required=False, label=_("In force from"), help_text=DAY, validators=[sane_date])
    term_to = forms.DateField(required=False, label=_("In force until"), help_text=DAY, validators=[sane_date])
    signed_from = forms.DateField(required=False, label=_("Signed from"), help_text=DAY, validators=[sane_date])
    signed_to = forms.DateField(required=False, label=_("Signed until"), help_text=DAY, validators=[sane_date])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = Province.objects.filter(valid_to__isnull=True).order_by("name")
        self.fields["province"].widget.choices = [("", pgettext_lazy("filter", "All")),
                                                  *((p.pk, p.name) for p in today)]

    def clean_q(self):
        return self.cleaned_data["q"].strip()

    def clean_partner(self):
        return self.cleaned_data["partner"].strip()

    def clean(self):
        data = super().clean()
        for start, end in (("term_from", "term_to"), ("signed_from", "signed_to")):
            if data.get(start) and data.get(end) and data[start] > data[end]:
                self.add_error(end, _("This day comes before the start of the period."))
        return data


def _partner_condition(text):
    try:
        tax_code_validator(text)
    except forms.ValidationError:
        pass
    else:
        return Q(partner__tax_code=text)
    if PARTNER_ID.match(text):
        return Q(partner_id=int(text))
    return Q(partner_id__in=search.matching(partner_search.LABEL, text))


def _search_condition(text):
    numbered, by_id = NUMBERED.match(text), BY_ID.match(text)
    if numbered:
        return Q(number=int(numbered[1]), symbol__iexact=numbered[2])
    if by_id:  # a draft's label, as the list shows it: that draft, not every word starting with its digits
        return Q(pk=int(by_id[1]))
    return Q(pk__in=search.matching(agreement_search.LABEL, text))


def same_place(province):
    """The province and every province merged into it, as a subquery of ids."""
    return Province.objects.filter(Q(pk=province.pk) | Q(successor=province.pk)
                                   | Q(successor__successor=province.pk)).values("pk")


def selected(agreements, data):
    """`agreements` narrowed by a valid ListFilterForm's cleaned data."""
    if data.get("q"):
        agreements = agreements.filter(_search_condition(data["q"]))
    if data.get("status"):
        agreements = agreements.filter(status=data["status"])
    if data.get("partner"):
        agreements = agreements.filter(_partner_condition(data["partner"]))
    if data.get("province"):
        agreements = agreements.filter(Exists(AgreementProvince.objects.filter(
            agreement=OuterRef("pk"), province__in=same_place(data["province"]))))
    if data.get("term_from"):
        agreements = agreements.filter(term_end__gte=data["term_from"])
    if data.get("term_to"):
        agreements = agreements.filter(term_start__lte=data["term_to"])
    if data.get("signed_from"):
        agreements = agreements.filter(signed_on__gte=data["signed_from"])
    if data.get("signed_to"):
        agreements = agreements.filter(signed_on__lte=data["signed_to"])
    return agreements


def with_columns(agreements):
    """What each row shows: its partner and provinces, read in two more queries however many rows."""
    return agreements.select_related("partner").prefetch_related(
        Prefetch("scope", queryset=AgreementProvince.objects.select_related("province").order_by("province__name")))
