"""Adding every entry of one library section to a draft at once: the section's button (the page without script;
with it, "tick all" ticks the same entries) adds all the section offers this draft, and nothing of the others
unless ticked."""

import pytest
from django.urls import reverse

from agreements.forms import LibraryPickForm
from agreements.models import ClauseTemplate
from tests.factories import AuthorityDocumentFactory, draft
from tests.pages import flash_messages

pytestmark = pytest.mark.django_db


def _offered(agreement, section):
    return set(LibraryPickForm(agreement=agreement).fields[section].queryset)


def _add(client, agreement, **data):
    return client.post(reverse("agreements:add_from_library", args=[agreement.pk]), data)


def test_each_section_has_its_tick_all_box_and_its_add_all_button(login, drafter):
    agreement = draft(by=drafter)
    page = login(drafter).get(reverse("agreements:edit", args=[agreement.pk])).content.decode()
    for section in LibraryPickForm.SECTIONS:
        assert f'data-select-all="{section}"' in page
        assert f'name="all" value="{section}"' in page


def test_add_all_of_the_standard_clauses_adds_every_active_one(login, drafter):
    agreement = draft(by=drafter, complete=False)
    templates = _offered(agreement, "templates")
    assert templates == set(ClauseTemplate.objects.filter(active=True)) and len(templates) > 1
    response = _add(login(drafter), agreement, all="templates")
    assert response.status_code == 302
    assert flash_messages(response) == [f"{len(templates)} entries added from the library; edit them as needed."]
    assert sorted(agreement.clauses.values_list("heading", flat=True)) == sorted(t.heading for t in templates)
    assert not agreement.legal_bases.exists()


def test_add_all_of_the_legal_documents_adds_only_those_offered_for_the_draft(login, drafter):
    agreement = draft(by=drafter, complete=False)
    offered = _offered(agreement, "legal_documents")
    _add(login(drafter), agreement, all="legal_documents")
    assert {b.legal_document for b in agreement.legal_bases.all()} == offered


def test_add_all_of_one_section_keeps_the_entries_ticked_in_another(login, drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt, complete=False)
    document = AuthorityDocumentFactory(partner=vnpt)
    _add(login(drafter), agreement, all="templates", authority_documents=[str(document.pk)])
    assert agreement.legal_bases.get().authority_document == document
    assert agreement.clauses.count() == len(_offered(agreement, "templates"))


def test_an_unknown_section_adds_nothing_and_says_to_tick_an_entry(login, drafter):
    agreement = draft(by=drafter, complete=False)
    response = _add(login(drafter), agreement, all="everything")
    assert flash_messages(response) == ["Tick at least one entry to add."]
    assert not agreement.clauses.exists()
