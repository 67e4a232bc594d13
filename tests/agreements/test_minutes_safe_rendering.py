"""User text reaches the PDF escaped: markup in a clause prints as characters and fetches nothing.

WeasyPrint logs every URL it could not fetch; the fetcher refuses all but our assets, so markup that
slipped through unescaped would show there as a refused fetch."""

import logging

import pytest

from agreements import minutes_pdf
from agreements.models import Clause
from agreements.services import Row, agreement_update
from partners.services import partner_update
from tests.agreements.pdf_reading import text
from tests.factories import draft

pytestmark = pytest.mark.django_db

ATTACKS = [
    '<img src="file:///etc/passwd">',
    '<style>@import url("http://example.com/x.css");</style>',
    '<link rel=stylesheet href="http://10.0.0.1/a.css">',
]


@pytest.fixture
def draft_minutes(drafter, vnpt):
    return draft(by=drafter, partner=vnpt)


@pytest.fixture
def fetch_failures(caplog):
    """What WeasyPrint could not fetch while the test runs, as it logs it."""
    caplog.set_level(logging.WARNING, logger="weasyprint")
    return lambda: [message for message in caplog.messages if "Failed to load" in message]


def _with_clause(agreement, by, *, heading="Điều khoản thử", text="Nội dung"):
    rows = [Row(pk, {}) for pk in agreement.clauses.values_list("pk", flat=True)]
    new = Row(None, {"section": Clause.Section.SECURITY, "position": 99, "heading": heading, "text": text})
    return agreement_update(agreement=agreement, by=by, clauses=rows + [new])


@pytest.mark.parametrize("attack", ATTACKS)
def test_markup_in_a_clause_prints_as_literal_text(draft_minutes, drafter, attack):
    _with_clause(draft_minutes, drafter, text=attack)
    assert attack in text(minutes_pdf.render_minutes(draft_minutes))


@pytest.mark.parametrize("attack", ATTACKS)
def test_markup_in_a_clause_fetches_nothing_outside_the_assets(draft_minutes, drafter, fetch_failures, attack):
    _with_clause(draft_minutes, drafter, text=attack)
    minutes_pdf.render_minutes(draft_minutes)
    assert fetch_failures() == []


def test_markup_in_a_heading_prints_as_literal_text(draft_minutes, drafter, fetch_failures):
    _with_clause(draft_minutes, drafter, heading='<img src="http://169.254.169.254/">')
    assert '<img src="http://169.254.169.254/">' in text(minutes_pdf.render_minutes(draft_minutes))
    assert fetch_failures() == []


def test_markup_in_the_partners_name_prints_as_literal_text(draft_minutes, drafter, vnpt, fetch_failures):
    partner_update(partner=vnpt, by=drafter, legal_name='Công ty <img src="file:///etc/passwd">')
    draft_minutes.refresh_from_db()
    assert 'Công ty <img src="file:///etc/passwd">' in text(minutes_pdf.render_minutes(draft_minutes))
    assert fetch_failures() == []


def test_a_refused_fetch_is_seen(fetch_failures):
    """The check above can see an attack: raw markup asking for a URL outside the assets is logged."""
    minutes_pdf.render_html('<html><body><img src="file:///etc/passwd"></body></html>')
    assert fetch_failures() == ["Failed to load image at 'file:///etc/passwd': ValueError: refused: file:///etc/passwd"]
