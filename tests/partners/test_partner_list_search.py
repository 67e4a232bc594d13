"""The partner register searches as the agreement list does: case and Vietnamese diacritics ignored, each word
typed starting a word of the unit's names or tax code."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _found(client, q):
    return [p.pk for p in client.get(reverse("partners:list"), {"q": q}).context["page"]]


def test_a_name_typed_without_diacritics_finds_the_unit(login, drafter, vnpt, vietsens):
    assert _found(login(drafter), "CONG NGHE THONG TIN vnpt") == [vnpt.pk]


def test_a_word_is_matched_from_its_start_only(login, drafter, vnpt):
    assert _found(login(drafter), "ong nghe") == []


def test_the_start_of_a_tax_code_finds_the_unit(login, drafter, vnpt):
    assert _found(login(drafter), vnpt.tax_code[:6]) == [vnpt.pk]
