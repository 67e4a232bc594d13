"""Only real changes are recorded: a draft saved as it was, or with the line endings a browser sends,
adds no history; text is kept with "\\n" line endings whoever wrote it."""

import pytest

from agreements.models import Agreement, Clause
from agreements.services import Row, agreement_update
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
