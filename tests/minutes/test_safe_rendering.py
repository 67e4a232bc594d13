"""User text reaches the PDF escaped: markup in a clause prints as characters and fetches nothing."""

from pathlib import Path

import pytest

from agreements import minutes_pdf as pdf
from agreements.models import Clause
from tests.minutes.helpers import text

pytestmark = pytest.mark.django_db

ATTACKS = [
    '<img src="file:///etc/passwd">',
    '<style>@import url("http://example.com/x.css");</style>',
    '<link rel=stylesheet href="http://10.0.0.1/a.css">',
]


def _render_with(draft, attack):
    Clause.objects.create(agreement=draft, section=Clause.Section.SECURITY, position=99, heading="Điều khoản thử",
                          text=attack)
    return text(pdf.render_minutes(draft))


def _inside_assets(url):
    return url.startswith("file://") and Path(url[len("file://"):]).resolve().is_relative_to(pdf.ASSETS)


@pytest.mark.parametrize("attack", ATTACKS)
def test_markup_in_a_clause_prints_as_literal_text(draft, asked, attack):
    assert attack in _render_with(draft, attack)


@pytest.mark.parametrize("attack", ATTACKS)
def test_markup_in_a_clause_fetches_nothing_outside_the_assets(draft, asked, attack):
    _render_with(draft, attack)
    assert asked, "the recorder saw no request at all: the stylesheet should have been fetched"
    assert [url for url in asked if not _inside_assets(url)] == []


def test_markup_in_a_heading_prints_as_literal_text(draft, asked):
    Clause.objects.create(agreement=draft, section=Clause.Section.SECURITY, position=99,
                          heading='<img src="http://169.254.169.254/">', text="Nội dung")
    assert '<img src="http://169.254.169.254/">' in text(pdf.render_minutes(draft))
    assert [url for url in asked if not _inside_assets(url)] == []


def test_markup_in_the_partners_name_prints_as_literal_text(draft, asked, vnpt, drafter):
    from partners.services import partner_update

    partner_update(partner=vnpt, by=drafter, legal_name='Công ty <img src="file:///etc/passwd">')
    draft.refresh_from_db()
    assert 'Công ty <img src="file:///etc/passwd">' in text(pdf.render_minutes(draft))
    assert [url for url in asked if not _inside_assets(url)] == []
