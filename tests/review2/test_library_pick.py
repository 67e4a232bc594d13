"""The library picker must offer the legal documents a draft does not cite yet."""

import pytest

from agreements.forms import LibraryPickForm
from agreements.models import LegalDocument
from tests.factories import make_agreement

pytestmark = pytest.mark.django_db


def test_a_draft_with_a_typed_legal_basis_is_still_offered_the_library(drafter, vnpt):
    # make_agreement cites a law typed by hand and an authority document: neither comes from the library,
    # so their legal_document_id is NULL, and "NOT IN (…, NULL)" matches no row at all.
    agreement = make_agreement(by=drafter, partner=vnpt)
    assert LegalDocument.objects.filter(active=True).exists()
    offered = LibraryPickForm(agreement=agreement).fields["legal_documents"].queryset
    assert offered.count() == LegalDocument.objects.filter(active=True).count()
