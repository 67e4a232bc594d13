"""Only real changes are recorded: a draft or a library entry saved as it was, or with the line endings a
browser sends, adds no history; text is kept with "\\n" line endings whoever wrote it."""

import pytest

from agreements.models import Agreement, Clause, ClauseTemplate, LegalDocument
from agreements.services import Row, agreement_update, library_entry_save
from agreements.services.library import FIELDS
from tests.factories import draft

pytestmark = pytest.mark.django_db


def _history_rows(agreement):
    return (Agreement.history.filter(id=agreement.pk).count(),
            Clause.history.filter(agreement_id=agreement.pk).count())


def test_a_header_saved_as_it_was_records_nothing(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    before = _history_rows(agreement)
    agreement_update(agreement=agreement, by=drafter, header={
        name: getattr(agreement, name) for name in Agreement.DRAFT_FIELDS})
    assert _history_rows(agreement) == before


def test_a_header_with_one_change_records_one_row(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    agreements_before, _ = _history_rows(agreement)
    agreement_update(agreement=agreement, by=drafter, header={"place": "Bắc Ninh", "title": agreement.title})
    assert Agreement.history.filter(id=agreement.pk).count() == agreements_before + 1
    assert Agreement.history.filter(id=agreement.pk).first().place == "Bắc Ninh"


def test_a_clause_sent_back_with_browser_line_endings_records_nothing(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    clause = agreement.clauses.first()
    agreement_update(agreement=agreement, by=drafter, clauses=[
        Row(c.pk, {"text": "1. Thứ nhất.\n2. Thứ hai."} if c.pk == clause.pk else {}) for c in agreement.clauses.all()])
    before = _history_rows(agreement)
    agreement_update(agreement=agreement, by=drafter, clauses=[
        Row(c.pk, {"text": "1. Thứ nhất.\r\n2. Thứ hai."} if c.pk == clause.pk else {})
        for c in agreement.clauses.all()])
    assert _history_rows(agreement) == before


def test_text_typed_with_browser_line_endings_is_kept_with_plain_ones(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    clause = agreement.clauses.first()
    agreement_update(agreement=agreement, by=drafter, clauses=[
        Row(c.pk, {"text": "Một.\r\nHai.\rBa."} if c.pk == clause.pk else {}) for c in agreement.clauses.all()])
    clause.refresh_from_db()
    assert clause.text == "Một.\nHai.\nBa."
    assert clause.history.first().text == "Một.\nHai.\nBa."


def _as_it_is(entry):
    return {name: getattr(entry, name) for name in FIELDS[type(entry)] if name != "successors"}


@pytest.fixture
def replaced_law(drafter):
    law, successor = LegalDocument.objects.filter(kind=LegalDocument.Kind.LAW)[:2]
    return library_entry_save(by=drafter, entry=law, successors=[successor])


def test_a_library_entry_saved_as_it_was_with_its_successors_records_nothing(drafter, replaced_law):
    before = replaced_law.history.count()
    library_entry_save(by=drafter, entry=replaced_law, successors=list(replaced_law.successors.all()),
                       **_as_it_is(replaced_law))
    assert replaced_law.history.count() == before


@pytest.mark.parametrize("change", [{"name": "Luật đổi tên"}, {"successors": []}], ids=["name", "successors"])
def test_a_library_entry_with_one_change_records_one_row(drafter, replaced_law, change):
    before = replaced_law.history.count()
    library_entry_save(by=drafter, entry=replaced_law, **{
        **_as_it_is(replaced_law), "successors": list(replaced_law.successors.all()), **change})
    assert replaced_law.history.count() == before + 1
    assert (replaced_law.history.first().history_user, replaced_law.history.first().history_change_reason) == (
        drafter, "Library entry changed")


def test_a_standard_clause_sent_back_with_browser_line_endings_records_nothing(drafter):
    template = ClauseTemplate.objects.filter(text__contains="\n").first()
    before = template.history.count()
    library_entry_save(by=drafter, entry=template, **{
        **_as_it_is(template), "text": template.text.replace("\n", "\r\n")})
    assert template.history.count() == before
