"""The attack corpus of issue 11, bounded inputs: a 10,000-character title was silently cut to 255 characters (a
browser cuts a pasted text at an input's maxlength), a 2.4 MB clause was saved whole. Every text field of every
form now states its maximum beside it and the server refuses a longer text there, keeping nothing."""

import importlib
import inspect

import pytest
from django import forms
from django.template.loader import render_to_string
from django.urls import reverse

from agreements import services
from agreements.library_clauses import CLAUSES
from agreements.models import Agreement, Clause
from agreements.models.agreement import CLAUSE_TEXT_MAX
from conditions.models import ConditionSet
from core.exceptions import Refused
from tests.agreements.edit_page_posts import clause_rows, edit_page
from tests.factories import draft
from tests.pages import field_errors

pytestmark = pytest.mark.django_db

FORM_MODULES = ["partners.forms", "conditions.forms", "agreements.forms", "portal.forms"]


def text_fields():
    """(form, field name, field) for every text field of every form of the site."""
    found = []
    for module in map(importlib.import_module, FORM_MODULES):
        for form in vars(module).values():
            if inspect.isclass(form) and issubclass(form, forms.BaseForm) and form.__module__ == module.__name__:
                found += [(form, name, field) for name, field in form.base_fields.items()
                          if isinstance(field, forms.CharField)]
    return found


def grouped(number):
    """A number as the site writes it, in either language: 20.000 (config/formats)."""
    return f"{number:,}".replace(",", ".")


def shown(name, field):
    """The field as the shared template shows it on every page."""
    probe = forms.Form()
    probe.fields = {name: field}
    return render_to_string("_field.html", {"field": probe[name]})


@pytest.mark.parametrize("form,name,field", text_fields(), ids=lambda v: getattr(v, "__name__", None))
def test_every_text_field_of_every_form_states_its_maximum_and_leaves_no_maxlength_to_cut_at(form, name, field):
    assert field.max_length is not None, f"{form.__name__}.{name} has no maximum"
    html = shown(name, field)
    assert f"At most {grouped(field.max_length)} characters." in html
    assert "maxlength" not in html


def test_a_field_without_a_maximum_states_none():
    assert "At most" not in shown("on", forms.DateField())


def test_the_edit_page_states_the_clause_maximum_and_gives_the_browser_nothing_to_cut_at(login, drafter, vnpt):
    page = login(drafter).get(reverse("agreements:edit", args=[draft(by=drafter, partner=vnpt).pk])).content.decode()
    assert "At most 20.000 characters." in page and "At most 255 characters." in page
    assert "maxlength" not in page


def test_a_title_of_10000_characters_is_refused_beside_its_field_and_nothing_is_saved(login, drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    response = login(drafter).post(reverse("agreements:edit", args=[agreement.pk]),
                                   edit_page(agreement, title="T" * 10_000))
    assert response.status_code == 200
    assert field_errors(response, "title") == ["Ensure this value has at most 255 characters (it has 10000)."]
    assert Agreement.objects.get().title == agreement.title


def test_a_title_of_255_characters_is_saved_whole(login, drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    login(drafter).post(reverse("agreements:edit", args=[agreement.pk]), edit_page(agreement, title="T" * 255))
    assert Agreement.objects.get().title == "T" * 255


def test_a_new_condition_set_title_of_10000_characters_is_refused_beside_its_field(login, assessor):
    response = login(assessor).post(reverse("conditions:create"), {"title": "T" * 10_000,
                                                                   "effective_from": "01/01/2027"})
    assert field_errors(response, "title") == ["Ensure this value has at most 255 characters (it has 10000)."]
    assert not ConditionSet.objects.exists()


def test_a_clause_of_2_4_mb_is_refused_beside_its_field_and_nothing_is_saved(login, drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    before = list(Clause.objects.values_list("pk", "text"))
    response = login(drafter).post(reverse("agreements:edit", args=[agreement.pk]),
                                   edit_page(agreement, **clause_rows(agreement, new_text="x" * 2_400_000)))
    assert response.status_code == 200
    clauses = response.context["clauses"]
    assert clauses.errors[-1]["text"] == ["Ensure this value has at most 20000 characters (it has 2400000)."]
    assert list(Clause.objects.values_list("pk", "text")) == before


def test_a_clause_of_20000_characters_is_saved(login, drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    login(drafter).post(reverse("agreements:edit", args=[agreement.pk]),
                        edit_page(agreement, **clause_rows(agreement, new_text="x" * CLAUSE_TEXT_MAX)))
    assert Clause.objects.filter(text="x" * CLAUSE_TEXT_MAX).exists()


def test_the_drafting_service_refuses_a_clause_too_long_whoever_calls_it(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    row = services.Row(None, {"position": 99, "section": "effect", "heading": "", "text": "x" * (CLAUSE_TEXT_MAX + 1)})
    with pytest.raises(Refused, match="at most 20000 characters"):
        services.agreement_update(agreement=agreement, by=drafter, clauses=[row])
    assert not Clause.objects.filter(position=99).exists()


def test_every_standard_clause_of_the_library_fits_the_clause_maximum():
    assert max(len(text) for _section, _heading, text in CLAUSES) <= CLAUSE_TEXT_MAX
