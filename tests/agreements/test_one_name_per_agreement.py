"""Issue 14: an agreement has one name everywhere: its number and symbol once signed, "Draft #N — partner"
before (Agreement.__str__). The list, its page, its edit page, the inbox and the history all say it."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from agreements import notify
from core.notices import _translated
from tests.factories import PartnerFactory, draft, in_review, reviewer_of, signed

pytestmark = pytest.mark.django_db


def _text(client, name, *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_a_draft_is_named_draft_number_and_partner_on_every_page(login, drafter):
    agreement = draft(by=drafter, partner=PartnerFactory(short_name="VNPT-IT"))
    name = f"Draft #{agreement.pk} — VNPT-IT"
    client = login(drafter)
    for page in ("agreements:list", ("agreements:detail", agreement.pk), ("agreements:edit", agreement.pk),
                 ("agreements:history", agreement.pk)):
        page = (page,) if isinstance(page, str) else page
        assert name in _text(client, *page), page


def test_minutes_sent_for_review_are_named_so_in_the_reviewers_inbox(login):
    agreement = in_review(partner=PartnerFactory(short_name="VNPT-IT"))
    department = agreement.review_requests.get().department
    assert f"Draft #{agreement.pk} — VNPT-IT" in _text(login(reviewer_of(department)), "agreements:inbox")


def test_signed_minutes_are_named_by_their_number_and_symbol_alone(login, drafter):
    agreement = signed(by=drafter, number=15, symbol="BB-CNTT")
    client = login(drafter)
    for page in (("agreements:list",), ("agreements:detail", agreement.pk)):
        text = _text(client, *page)
        assert "15/BB-CNTT" in text and f"Draft #{agreement.pk}" not in text


def test_a_drafts_name_in_a_vietnamese_page_reads_du_thao(login, drafter):
    agreement = draft(by=drafter, partner=PartnerFactory(short_name="VNPT-IT"))
    assert f"Dự thảo #{agreement.pk} — VNPT-IT" in _text(login(drafter, language=None), "agreements:detail",
                                                           agreement.pk)


def test_a_notice_keeps_a_drafts_name_untranslated_until_it_is_read(drafter):
    agreement = draft(by=drafter, partner=PartnerFactory(short_name="VNPT-IT"))
    stored = {"agreement": notify._name(agreement)}
    for language, said in (("en", "Draft"), ("vi", "Dự thảo")):
        with translation.override(language):
            assert _translated(stored)["agreement"] == f"{said} #{agreement.pk} — VNPT-IT"
