"""What a clerk types into a legal basis should not print twice in the minutes."""

import pytest

from agreements import minutes_pdf as pdf
from agreements.models import LegalBasis
from tests.factories import make_agreement

pytestmark = pytest.mark.django_db


def test_a_basis_typed_with_its_opening_words_does_not_print_them_twice(drafter, vnpt):
    agreement = make_agreement(by=drafter, partner=vnpt)
    LegalBasis.objects.create(agreement=agreement, position=0, kind="law",
                              citation="Căn cứ Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15;")
    lines = pdf.minutes_context(agreement, draft=True)["legal_bases"]
    assert not any(line.startswith("Căn cứ Căn cứ") for line in lines), lines
