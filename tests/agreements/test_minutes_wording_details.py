"""Details a legal reader checks in the minutes: a draft shows the Department signing by order of the
Minister; the receiving representative's authority is an instrument that authorises signing, never a
registration certificate; a subject breaks between word groups, never runs off the page."""

import pytest

from agreements import minutes_pdf, services
from agreements.minutes_text import NBSP, word_groups
from partners.models import AuthorityDocument, Partner
from tests.agreements.pdf_reading import text
from tests.factories import AuthorityDocumentFactory, PartnerFactory, draft

pytestmark = pytest.mark.django_db
K = AuthorityDocument.Kind


def test_a_draft_shows_the_department_signing_for_the_ministry_by_order_of_the_minister(drafter, vnpt):
    printed = text(minutes_pdf.render_minutes(draft(by=drafter, partner=vnpt)))
    assert "ĐẠI DIỆN BÊN GIAO TL. BỘ TRƯỞNG CỤC TRƯỞNG ĐẠI DIỆN BÊN NHẬN" in printed
    assert "Đại diện: Ông Phạm Đức Long - Chức vụ: Cục trưởng, thừa lệnh Bộ trưởng." in printed


def test_the_body_cites_the_parents_authorisation_not_the_registration_as_the_authority_to_sign(drafter):
    branch = PartnerFactory(short_name="Chi nhánh HN", kind=Partner.Kind.BRANCH, tax_code="0312345679-002")
    agreement = draft(by=drafter, partner=branch)
    registration = AuthorityDocumentFactory(partner=branch, kind=K.REGISTRATION, number="0312345679-002",
                                            issuer="Sở Tài chính thành phố Hà Nội", summary="")
    parent = AuthorityDocumentFactory(partner=branch, kind=K.PARENT_AUTHORISATION, number="07/UQ",
                                      issuer="Công ty TNHH Mẹ", summary="ủy quyền cho Giám đốc Chi nhánh ký biên bản")
    services.agreement_update(agreement=agreement, by=drafter, legal_bases=[
        services.Row(b.pk) for b in agreement.legal_bases.exclude(kind="authority")])
    services.agreement_add_from_library(agreement=agreement, by=drafter, authority_documents=[registration, parent])
    context = minutes_pdf.minutes_context(agreement, draft=True)
    assert context["authority"] == parent.citation()


@pytest.mark.parametrize("subject, groups", [
    ("Bàn giao quyền sử dụng để triển khai Phần mềm Hồ sơ sức khỏe điện tử",
     ["Bàn giao quyền sử dụng", "để triển khai", "Phần mềm Hồ sơ sức khỏe điện tử"]),
    ("Bàn giao quyền sử dụng cho Công ty Hồng Hà", ["Bàn giao quyền sử dụng", "cho Công ty Hồng Hà"]),
])
def test_the_subject_breaks_only_between_word_groups_and_a_linking_word_keeps_to_its_name(subject, groups):
    assert word_groups(subject) == [group.replace(" ", NBSP) for group in groups]


def test_a_word_group_too_long_for_a_line_keeps_its_ordinary_spaces():
    name = "cho Công ty Công nghệ thông tin VNPT - Chi nhánh Tập đoàn Bưu chính Viễn thông Việt Nam"
    assert word_groups("Bàn giao quyền sử dụng " + name)[-1] == name
