"""A tracked many-to-many field (the laws that replace a law) shows in the timeline as the names it pointed to
before and after, like any other field."""

import datetime

import pytest

from agreements import services
from agreements.models import LegalDocument
from tests.portal.audit_pages import rows

pytestmark = pytest.mark.django_db


def _law(drafter, number):
    return services.library_entry_save(
        by=drafter, entry=LegalDocument(), kind=LegalDocument.Kind.DECREE, number=number, issuer="Chính phủ",
        issued_on=datetime.date(2020, 1, 1), summary="quy định về bảo vệ dữ liệu cá nhân", position=10)


def test_the_laws_replacing_a_law_show_before_and_after_by_name(login, drafter, auditor):
    old, first, second = (_law(drafter, f"{n}/2020/NĐ-CP") for n in (13, 14, 15))
    services.library_entry_save(by=drafter, entry=old, successors=[first])
    services.library_entry_save(by=drafter, entry=old, successors=[first, second])
    newest = rows(login(auditor), event="change", model="agreements.legaldocument")[0]
    [replaced] = [c for c in newest.changes if c.label == str(LegalDocument._meta.get_field("successors").verbose_name)]
    assert "14/2020/NĐ-CP" in replaced.old and "15/2020/NĐ-CP" not in replaced.old
    assert "14/2020/NĐ-CP" in replaced.new and "15/2020/NĐ-CP" in replaced.new
