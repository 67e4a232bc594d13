"""Objects the access tests look at: VNPT's, so that vietsens_user is the outsider."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from agreements import services as agreement_services
from partners.models import AuthorityDocument
from partners.services import authority_document_add
from tests.access.helpers import PDF
from tests.factories import SIGN_DEFAULTS, make_agreement


@pytest.fixture
def vnpt_document(vnpt, drafter):
    """An authority document of VNPT with a real file behind it."""
    upload = SimpleUploadedFile("dieu-le.pdf", PDF, content_type="application/pdf")
    return authority_document_add(partner=vnpt, by=drafter, upload=upload, kind=AuthorityDocument.Kind.CHARTER,
                                  number="123/QĐ-VNPT", issued_on=datetime.date(2020, 1, 1),
                                  issuer="Hội đồng thành viên", summary="Điều lệ tổ chức và hoạt động")


@pytest.fixture
def vnpt_agreement(vnpt, drafter):
    """A complete draft with VNPT as the receiving party."""
    return make_agreement(by=drafter, partner=vnpt)


@pytest.fixture
def ready_for(vnpt, drafter):
    """ready_for(action): a VNPT agreement in the state from which `action` is offered,
    so a refusal is about who asks, never about the state."""

    def _ready_for(action):
        agreement = make_agreement(by=drafter, partner=vnpt)
        if action in ("return", "sign", "terminate"):
            agreement_services.agreement_send_for_review(agreement=agreement, by=drafter)
        if action == "terminate":
            agreement_services.agreement_sign(agreement=agreement, by=drafter, number=1,
                                              signed_on=datetime.date(2025, 12, 20), **SIGN_DEFAULTS)
        agreement.refresh_from_db()
        return agreement

    return _ready_for
