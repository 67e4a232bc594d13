"""A partner's authority to sign is cited by its real kind (issue 9, item 4; AuthorityDocument.citation):
a charter adopted by a body on a date; a decision (establishment, or issuing the unit's regulations)
by number, date, issuer and what it decides; a business registration as a company's or a branch's; a
power of attorney; a parent legal entity's authorisation. Every kind but a charter needs its number,
and the kinds cited with what they decide or authorise need that summary, through the service and on
the page where a document is added."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from agreements import services as agreement_services
from partners import services
from partners.models import AuthorityDocument, Partner
from tests.factories import PartnerFactory, draft
from tests.pages import field_errors

pytestmark = pytest.mark.django_db
K = AuthorityDocument.Kind
D = datetime.date
NUMBER_NEEDED = "Give its number."
SUMMARY_NEEDED = "Say what it decides or authorises: the minutes cite it with that."


@pytest.fixture
def branch(db):
    return PartnerFactory(short_name="VNPT-IT Hà Nội", kind=Partner.Kind.BRANCH, tax_code="0106869738-001",
                          legal_name="Chi nhánh Hà Nội - Công ty Công nghệ thông tin VNPT")


def _add(partner, by, **values):
    return services.authority_document_add(partner=partner, by=by, **{
        "number": "", "issued_on": D(2015, 5, 12), "issuer": "", "summary": "", **values})


# --- one pattern per kind ---------------------------------------------------------------------------

def test_a_charter_is_cited_as_adopted_by_its_body_on_a_date(drafter, vietsens):
    charter = _add(vietsens, drafter, kind=K.CHARTER, issuer="Đại hội đồng cổ đông", issued_on=D(2021, 4, 15))
    assert charter.citation() == ("Điều lệ tổ chức và hoạt động của Công ty Cổ phần Tập đoàn Công nghệ VietSens được "
                                  "Đại hội đồng cổ đông thông qua ngày 15 tháng 4 năm 2021")


def test_an_establishment_decision_is_cited_by_number_date_issuer_and_what_it_decides(drafter, vnpt):
    decision = _add(vnpt, drafter, kind=K.ESTABLISHMENT, number="132/QĐ-VNPT-HĐTV", issued_on=D(2015, 2, 5),
                    issuer="Hội đồng thành viên Tập đoàn Bưu chính Viễn thông Việt Nam",
                    summary="về việc thành lập Công ty Công nghệ thông tin VNPT")
    assert decision.citation() == ("Quyết định số 132/QĐ-VNPT-HĐTV ngày 05 tháng 02 năm 2015 của Hội đồng thành viên "
                                   "Tập đoàn Bưu chính Viễn thông Việt Nam về việc thành lập Công ty Công nghệ thông "
                                   "tin VNPT")


def test_a_decision_issuing_the_units_regulations_is_cited_as_a_decision_not_a_charter(drafter, vnpt):
    decision = _add(vnpt, drafter, kind=K.DECISION, number="88/QĐ-VNPT-HĐTV", issued_on=D(2016, 3, 21),
                    issuer="Hội đồng thành viên Tập đoàn Bưu chính Viễn thông Việt Nam",
                    summary="ban hành Quy chế tổ chức và hoạt động của Công ty Công nghệ thông tin VNPT.")
    assert decision.citation() == ("Quyết định số 88/QĐ-VNPT-HĐTV ngày 21 tháng 3 năm 2016 của Hội đồng thành viên "
                                   "Tập đoàn Bưu chính Viễn thông Việt Nam ban hành Quy chế tổ chức và hoạt động của "
                                   "Công ty Công nghệ thông tin VNPT")
    assert "Điều lệ" not in decision.citation()


def test_a_companys_registration_is_cited_with_its_enterprise_code(drafter, vietsens):
    registration = _add(vietsens, drafter, kind=K.REGISTRATION, number="0102345678", issued_on=D(2007, 8, 3),
                        issuer="Sở Kế hoạch và Đầu tư thành phố Hà Nội")
    assert registration.citation() == ("Giấy chứng nhận đăng ký doanh nghiệp, mã số doanh nghiệp 0102345678, do Sở Kế "
                                       "hoạch và Đầu tư thành phố Hà Nội cấp, đăng ký lần đầu ngày 03 tháng 8 năm 2007")


def test_a_branchs_registration_is_cited_as_a_branchs_with_its_branch_code(drafter, branch):
    registration = _add(branch, drafter, kind=K.REGISTRATION, number="0106869738-001", issued_on=D(2015, 6, 1),
                        issuer="Sở Kế hoạch và Đầu tư thành phố Hà Nội")
    assert registration.citation() == (
        "Giấy chứng nhận đăng ký hoạt động chi nhánh, mã số chi nhánh 0106869738-001, do Sở Kế hoạch và Đầu tư thành "
        "phố Hà Nội cấp, đăng ký lần đầu ngày 01 tháng 6 năm 2015")


def test_a_power_of_attorney_is_cited_with_what_it_authorises(drafter, vietsens):
    power = _add(vietsens, drafter, kind=K.POWER_OF_ATTORNEY, number="15/2025/GUQ-VS", issued_on=D(2025, 1, 2),
                 issuer="Tổng Giám đốc Công ty Cổ phần Tập đoàn Công nghệ VietSens",
                 summary="ủy quyền cho Phó Tổng Giám đốc ký biên bản bàn giao;")
    assert power.citation() == ("Giấy ủy quyền số 15/2025/GUQ-VS ngày 02 tháng 01 năm 2025 của Tổng Giám đốc Công ty "
                                "Cổ phần Tập đoàn Công nghệ VietSens ủy quyền cho Phó Tổng Giám đốc ký biên bản bàn "
                                "giao")


def test_a_parents_authorisation_is_cited_with_the_parent_and_what_it_authorises(drafter, branch):
    authorisation = _add(branch, drafter, kind=K.PARENT_AUTHORISATION, number="120/UQ-VNPT-IT",
                         issued_on=D(2025, 10, 9), issuer="Công ty Công nghệ thông tin VNPT",
                         summary="ủy quyền cho Giám đốc Chi nhánh Hà Nội ký biên bản bàn giao quyền sử dụng phần mềm")
    assert authorisation.citation() == ("Văn bản ủy quyền số 120/UQ-VNPT-IT ngày 09 tháng 10 năm 2025 của Công ty Công "
                                        "nghệ thông tin VNPT ủy quyền cho Giám đốc Chi nhánh Hà Nội ký biên bản bàn "
                                        "giao quyền sử dụng phần mềm")


def test_another_instrument_is_named_by_its_summary(drafter, vietsens):
    other = _add(vietsens, drafter, kind=K.OTHER, number="07/NQ-HĐQT", issued_on=D(2024, 9, 30),
                 issuer="Hội đồng quản trị", summary="Nghị quyết về việc tham gia triển khai hồ sơ sức khỏe điện tử")
    assert other.citation() == ("Nghị quyết về việc tham gia triển khai hồ sơ sức khỏe điện tử số 07/NQ-HĐQT ngày 30 "
                                "tháng 9 năm 2024 của Hội đồng quản trị")


def test_a_legal_basis_citing_an_authority_document_is_worded_as_the_document_cites_itself(drafter, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    decision = _add(vnpt, drafter, kind=K.DECISION, number="88/QĐ-VNPT-HĐTV", issued_on=D(2016, 3, 21),
                    issuer="Hội đồng thành viên Tập đoàn Bưu chính Viễn thông Việt Nam",
                    summary="ban hành Quy chế tổ chức và hoạt động của Công ty Công nghệ thông tin VNPT")
    agreement_services.agreement_add_from_library(agreement=agreement, by=drafter, authority_documents=[decision])
    assert agreement.legal_bases.get(authority_document=decision).citation == decision.citation()


# --- what each kind needs ---------------------------------------------------------------------------

def _refused(partner, by, **values):
    with pytest.raises(ValidationError) as refused:
        _add(partner, by, **values)
    assert not partner.authority_documents.exists()
    return refused.value.message_dict


@pytest.mark.parametrize("kind", [K.ESTABLISHMENT, K.DECISION, K.REGISTRATION, K.POWER_OF_ATTORNEY,
                                  K.PARENT_AUTHORISATION, K.OTHER])
def test_every_kind_but_a_charter_needs_its_number(drafter, vietsens, kind):
    assert _refused(vietsens, drafter, kind=kind, number="  ", issuer="Hội đồng quản trị",
                    summary="về việc thành lập") == {"number": [NUMBER_NEEDED]}


def test_a_charter_needs_no_number_nor_summary(drafter, vietsens):
    charter = _add(vietsens, drafter, kind=K.CHARTER, issuer="Đại hội đồng cổ đông")
    assert (charter.number, charter.summary) == ("", "")


@pytest.mark.parametrize("kind", [K.ESTABLISHMENT, K.DECISION, K.POWER_OF_ATTORNEY, K.PARENT_AUTHORISATION, K.OTHER])
def test_the_kinds_cited_with_what_they_decide_need_a_summary(drafter, vietsens, kind):
    assert _refused(vietsens, drafter, kind=kind, number="01/QĐ", issuer="Hội đồng quản trị",
                    summary=" ") == {"summary": [SUMMARY_NEEDED]}


def test_a_registration_needs_no_summary(drafter, vietsens):
    registration = _add(vietsens, drafter, kind=K.REGISTRATION, number="0102345678", issuer="Sở Kế hoạch và Đầu tư")
    assert registration.pk and registration.summary == ""


def test_a_document_missing_both_is_refused_naming_both(drafter, vietsens):
    assert _refused(vietsens, drafter, kind=K.PARENT_AUTHORISATION, issuer="Công ty mẹ") == {
        "number": [NUMBER_NEEDED], "summary": [SUMMARY_NEEDED]}


def _page(client, partner, **values):
    return client.post(reverse("partners:document_add", args=[partner.pk]), {
        "kind": K.DECISION, "number": "88/QĐ-VNPT-HĐTV", "issued_on": "21/03/2016",
        "issuer": "Hội đồng thành viên Tập đoàn Bưu chính Viễn thông Việt Nam",
        "summary": "ban hành Quy chế tổ chức và hoạt động", **values})


def test_the_page_marks_a_missing_summary_beside_its_field(login, drafter, vnpt):
    response = _page(login(drafter), vnpt, summary="")
    assert response.status_code == 200
    assert field_errors(response, "summary") == [SUMMARY_NEEDED]
    assert not vnpt.authority_documents.exists()


def test_the_page_marks_a_missing_number_beside_its_field(login, drafter, vnpt):
    response = _page(login(drafter), vnpt, number="")
    assert response.status_code == 200
    assert field_errors(response, "number") == [NUMBER_NEEDED]
    assert not vnpt.authority_documents.exists()


def test_the_page_adds_a_decision_with_its_number_and_summary(login, drafter, vnpt):
    response = _page(login(drafter), vnpt)
    assert response.status_code == 302
    cited = vnpt.authority_documents.get().citation()
    assert cited.startswith("Quyết định số 88/QĐ-VNPT-HĐTV ngày 21 tháng 3 năm 2016")
