"""Demo data for a local trial: departments, partners, one user per role, agreements in every state.

Idempotent: what exists is left as it is. The password is for a local demo only."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from agreements import deployment_watch, eligibility_watch
from agreements import services as agreement_services
from agreements.models import Agreement, ClauseTemplate, LegalDocument
from core import roles
from core.models import Department, Province, StaffProfile
from core.tracking import tracked_save
from partners import services as partner_services
from partners.models import AuthorityDocument, Partner
from portal import demo, review

# The request the seed letter answers (442/CNTT-TTUD of 20/08/2019), and its twin to Legal Affairs.
SEED_ROUND = [("KHĐT", "442/CNTT-TTUD", datetime.date(2019, 8, 20), datetime.date(2019, 8, 30), False),
              ("PC", "443/CNTT-TTUD", datetime.date(2019, 8, 20), datetime.date(2019, 8, 30), False)]

DEMO_PASSWORD = "hssk-demo-2026"
# How the minutes address each unit's legal representative.
HONORIFICS = {"0106869738": "Ông", "0102345678": "Ông", "0312345679-001": "Bà"}
SECTIONS_OF_A_FIRST_DRAFT = {"ownership", "handing_party", "receiving_party"}

DEPARTMENTS = [
    ("CNTT", "Cục Công nghệ thông tin", True),
    ("KHĐT", "Cục Khoa học công nghệ và Đào tạo", False),
    ("PC", "Vụ Pháp chế", False),
    ("KCB", "Cục Quản lý Khám, chữa bệnh", False),
]

PARTNERS = [
    dict(tax_code="0106869738", short_name="VNPT-IT", kind="branch",
         legal_name="Công ty Công nghệ thông tin VNPT - Chi nhánh Tập đoàn Bưu chính Viễn thông Việt Nam",
         registration_number="0106869738", registration_issuer="Sở Kế hoạch và Đầu tư thành phố Hà Nội",
         registration_date=datetime.date(2015, 6, 1),
         address="Tòa nhà VNPT, 57 Huỳnh Thúc Kháng, phường Láng, thành phố Hà Nội",
         representative_name="Nguyễn Văn Minh", representative_title="Giám đốc",
         contact_name="Trần Thu Hà", contact_email="hssk@vnpt.vn", contact_phone="024 3774 1234"),
    dict(tax_code="0102345678", short_name="VietSens", kind="joint_stock",
         legal_name="Công ty Cổ phần Tập đoàn Công nghệ VietSens",
         registration_number="0102345678", registration_issuer="Sở Kế hoạch và Đầu tư thành phố Hà Nội",
         registration_date=datetime.date(2007, 9, 12),
         address="Số 8 Tôn Thất Thuyết, phường Cầu Giấy, thành phố Hà Nội",
         representative_name="Lê Quang Huy", representative_title="Tổng Giám đốc",
         contact_name="Phạm Minh Anh", contact_email="ehr@vietsens.vn", contact_phone="024 3555 6789"),
    dict(tax_code="0312345679-001", short_name="Hồng Hà eHealth", kind="branch",
         legal_name="Chi nhánh Công ty TNHH Giải pháp Y tế số Hồng Hà tại Hà Nội",
         registration_number="0312345679-001", registration_issuer="Sở Tài chính thành phố Hà Nội",
         registration_date=datetime.date(2021, 3, 15),
         address="Số 12 Phạm Hùng, phường Từ Liêm, thành phố Hà Nội",
         representative_name="Đỗ Thị Lan", representative_title="Giám đốc Chi nhánh",
         contact_name="Vũ Đức Thắng", contact_email="lienhe@honghaehealth.vn", contact_phone="024 3999 0001"),
]

# Each unit's instruments, cited by their real kind. VNPT-IT is a branch of VNPT Group: it cites the regulations
# its parent issued and its parent's authorisation (Civil Code, Article 84). The numbers are demo data.
AUTHORITY = {
    "0106869738": [
        dict(kind="decision", number="1053/QĐ-VNPT-HĐTV-TCCB", issued_on=datetime.date(2016, 5, 30),
             issuer="Hội đồng thành viên Tập đoàn Bưu chính Viễn thông Việt Nam",
             summary="về việc ban hành Quy chế tổ chức và hoạt động của Công ty Công nghệ thông tin VNPT"),
        dict(kind="parent_authorisation", number="4412/UQ-VNPT-PC", issued_on=datetime.date(2019, 9, 16),
             issuer="Tập đoàn Bưu chính Viễn thông Việt Nam",
             summary="ủy quyền cho Giám đốc Công ty Công nghệ thông tin VNPT ký biên bản bàn giao quyền sử dụng "
                     "phần mềm với Bộ Y tế"),
    ],
    "0102345678": [
        dict(kind="charter", number="", issued_on=datetime.date(2023, 4, 20),
             issuer="Đại hội đồng cổ đông Công ty", summary=""),
    ],
    "0312345679-001": [
        dict(kind="registration", number="0312345679-001", issued_on=datetime.date(2021, 3, 15),
             issuer="Sở Kế hoạch và Đầu tư thành phố Hà Nội", summary=""),
        dict(kind="parent_authorisation", number="05/2025/UQ-HH", issued_on=datetime.date(2025, 8, 1),
             issuer="Công ty TNHH Giải pháp Y tế số Hồng Hà",
             summary="ủy quyền cho Giám đốc Chi nhánh ký biên bản bàn giao quyền sử dụng phần mềm với Bộ Y tế"),
    ],
}

# What lets the Department of IT act for the Ministry, in force before and after the Ministry's 2025
# reorganisation (demo numbers): each draft is offered the one in force on its signing day.
DEPARTMENT_AUTHORITY = [
    dict(kind="decision", number="4031/QĐ-BYT", issuer="Bộ trưởng Bộ Y tế", issued_on=datetime.date(2018, 7, 9),
         in_force_from=datetime.date(2018, 7, 9), in_force_until=datetime.date(2025, 6, 30),
         summary="quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Cục Công nghệ thông tin"),
    dict(kind="decision", number="2330/QĐ-BYT", issuer="Bộ trưởng Bộ Y tế", issued_on=datetime.date(2025, 6, 27),
         in_force_from=datetime.date(2025, 7, 1),
         summary="quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Cục Công nghệ thông tin"),
    dict(kind="decision", number="1215/QĐ-BYT", issuer="Bộ trưởng Bộ Y tế", issued_on=datetime.date(2019, 4, 5),
         in_force_from=datetime.date(2019, 4, 5),
         summary="giao Cục trưởng Cục Công nghệ thông tin ký thừa lệnh Bộ trưởng các văn bản bàn giao quyền sử "
                 "dụng phần mềm thuộc sở hữu của Bộ Y tế"),
]
# The issuing decision of each version of the conditions (demo numbers).
CONDITION_DECISIONS = {1: ("3918/QĐ-BYT", datetime.date(2019, 9, 20)), 2: ("5120/QĐ-BYT", datetime.date(2025, 12, 19))}


# username, full name, roles, department code, partner tax code, title
USERS = [
    ("drafter", "Nguyễn Thị Mai", [roles.DRAFTER], "CNTT", None, "Chuyên viên chính"),
    ("reviewer", "Trần Văn Bình", [roles.REVIEWER], "KHĐT", None, "Chuyên viên"),
    ("phapche", "Đặng Thu Trang", [roles.REVIEWER], "PC", None, "Chuyên viên"),
    ("assessor", "Lê Thị Hồng", [roles.ASSESSOR], "CNTT", None, "Chuyên viên thẩm định"),
    ("signer", "Phạm Đức Long", [roles.SIGNER], "CNTT", None, "Cục trưởng"),
    ("auditor", "Hoàng Minh Tuấn", [roles.AUDITOR], None, None, "Kiểm toán viên"),
    ("admin", "Quản trị hệ thống", [roles.ADMINISTRATOR], "CNTT", None, "Quản trị viên"),
    ("vnpt", "Trần Thu Hà", [roles.PARTNER], None, "0106869738", "Trưởng nhóm triển khai"),
    ("vietsens", "Phạm Minh Anh", [roles.PARTNER], None, "0102345678", "Giám đốc dự án"),
    ("hongha", "Vũ Đức Thắng", [roles.PARTNER], None, "0312345679-001", "Trưởng phòng kỹ thuật"),
]


class Command(BaseCommand):
    help = "Load the demo data (idempotent). Refused unless the settings allow demo data (never production's)."

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:  # before touching the database
            raise CommandError("seed_demo creates accounts with a published password (an administrator among "
                               "them): these settings do not allow demo data (DEMO_DATA_ALLOWED).")
        self._load()

    @transaction.atomic
    def _load(self):
        departments = {
            code: Department.objects.get_or_create(code=code, defaults={"name": name, "is_handing_unit": hand})[0]
            for code, name, hand in DEPARTMENTS}
        users = {name: self._user(name, full, rls, departments.get(dept)) for name, full, rls, dept, _p, _t in USERS}
        admin, drafter = users["admin"], users["drafter"]
        partners = {}
        for data in PARTNERS:
            partner = Partner.objects.filter(tax_code=data["tax_code"]).first()
            if partner is None:
                partner = partner_services.partner_create(by=drafter, reason="Dữ liệu mẫu", **data)
                for document in AUTHORITY[data["tax_code"]]:
                    partner_services.authority_document_add(partner=partner, by=drafter, reason="Dữ liệu mẫu",
                                                            **document)
            partners[data["tax_code"]] = partner
        for name, _full, _roles, _dept, tax_code, title in USERS:
            if tax_code:
                partner_services.member_add(partner=partners[tax_code], user=users[name], by=admin, title=title)
        vnpt, vietsens, hongha = (partners[t] for t in ("0106869738", "0102345678", "0312345679-001"))
        if not LegalDocument.objects.filter(department=departments["CNTT"]).exists():
            made = [agreement_services.library_entry_save(by=drafter, entry=LegalDocument(), position=900,
                                                          department=departments["CNTT"], **document)
                    for document in DEPARTMENT_AUTHORITY]
            agreement_services.library_entry_save(by=drafter, entry=made[0], successors=[made[1]])
        v1, v2 = demo.seed_catalogue(by=users["assessor"], vnpt=vnpt, users=users, decisions=CONDITION_DECISIONS)
        demo.seed_evidence(v2=v2, vnpt=vnpt, vietsens=vietsens, hongha=hongha, users=users)
        if not Agreement.objects.exists():
            self._agreements(users, departments, partners, v1, v2)
        eligibility_watch.check_all(day=timezone.localdate())
        deployment_watch.check_all(day=timezone.localdate())  # after it: it reads the eligibility flags
        self.stdout.write(self.style.SUCCESS(
            "Demo data ready. Users: " + ", ".join(u for u, *_ in USERS)
            + f" — password (local demo only): {DEMO_PASSWORD}"))

    def _user(self, username, full_name, role_names, department):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            # Vietnamese names read family name first: keep the whole name in one field.
            user = User.objects.create_user(username=username, password=DEMO_PASSWORD, first_name=full_name,
                                            email=f"{username}@demo.hssk.local")
            if username == "admin":
                user.is_staff = user.is_superuser = True
                user.save()
            user.groups.set(Group.objects.filter(name__in=role_names))
        if department and not StaffProfile.objects.filter(user=user).exists():
            tracked_save(StaffProfile(user=user, department=department), by=user, reason="Dữ liệu mẫu")
        return user

    def _agreements(self, users, departments, partners, v1, condition_set):
        drafter, signer = users["drafter"], users["signer"]
        new = {p.code: p for p in Province.objects.filter(valid_from__isnull=False)}
        old = {p.code: p for p in Province.objects.filter(valid_from__isnull=True)}
        vnpt, vietsens, hongha = (partners[t] for t in ("0106869738", "0102345678", "0312345679-001"))
        today = timezone.localdate()

        # The 2019 minutes, answered by the seed letter itself (832/KHĐT-VP); the Department of Legal
        # Affairs did not answer, and the signer recorded why the Ministry went on.
        ended = self._draft(drafter, departments, vnpt, [old["02"], old["10"]], v1,
                            datetime.date(2020, 1, 1), datetime.date(2025, 6, 30), "1.4",
                            letters=SEED_ROUND, planned=datetime.date(2019, 12, 20))
        agreement_services.agreement_send_for_review(agreement=ended, by=drafter,
                                                     reason="Công văn số 442/CNTT-TTUD xin ý kiến các đơn vị")
        review.seed_letter_opinion(ended, reviewer=users["reviewer"], drafter=drafter)
        agreement_services.agreement_sign(
            agreement=ended, by=signer, number=15, symbol="BB-CNTT", signed_on=datetime.date(2019, 12, 20),
            place="Hà Nội", handing_signatory="Nguyễn Ngô Quang", handing_signatory_title="Phó Cục trưởng",
            handing_signatory_honorific="Ông", handing_sign_form="TL_KT", handing_signed_for="Bộ trưởng",
            handing_signed_for_head="Cục trưởng",
            receiving_signatory="Nguyễn Văn Minh", receiving_signatory_title="Giám đốc",
            overdue_reason="Vụ Pháp chế không có ý kiến sau thời hạn đề nghị (30/08/2019).")
        agreement_services.agreement_terminate(
            agreement=ended, by=drafter, terminated_on=datetime.date(2025, 6, 30),
            reason_code=Agreement.TerminationReason.TERM_ENDED, notes="Hết thời hạn; dữ liệu đã bàn giao lại.")
        demo.seed_handback(agreement=ended, partner_user=users["vnpt"], ministry_user=drafter)

        signed = self._draft(drafter, departments, vnpt, [new["08"], new["15"]], condition_set,
                             datetime.date(2026, 1, 15), datetime.date(2028, 12, 31), "2.1",
                             letters=[("KHĐT", "1502/CNTT-TTUD", datetime.date(2025, 12, 15),
                                       datetime.date(2025, 12, 30), False),
                                      ("PC", "1503/CNTT-TTUD", datetime.date(2025, 12, 15),
                                       datetime.date(2025, 12, 30), True)], planned=datetime.date(2026, 1, 10))
        agreement_services.agreement_send_for_review(agreement=signed, by=drafter, reason="Xin ý kiến các đơn vị")
        review.agree(signed, department=departments["KHĐT"], by=users["reviewer"], letter_number="1611/KHĐT-VP",
                     letter_date=datetime.date(2025, 12, 26), signatory="Nguyễn Minh Lợi",
                     signatory_title="Phó Cục trưởng")
        review.agree(signed, department=departments["PC"], by=users["phapche"], letter_number="982/PC-VP",
                     letter_date=datetime.date(2025, 12, 29), signatory="Trần Thị Thu",
                     signatory_title="Phó Vụ trưởng")
        agreement_services.agreement_sign(
            agreement=signed, by=signer, number=1, symbol="BB-CNTT", signed_on=datetime.date(2026, 1, 10),
            place="Hà Nội", handing_signatory="Phạm Đức Long", handing_signatory_title="Cục trưởng",
            handing_sign_form="TL", handing_signed_for="Bộ trưởng",
            receiving_signatory="Nguyễn Văn Minh", receiving_signatory_title="Giám đốc", reason="Hai bên ký biên bản")
        # Reported on time in Tuyên Quang; in Lào Cai, silent since the first period and asking to refuse.
        demo.seed_deployment(agreement=signed, on_time=new["08"], quiet=new["15"], user=users["vnpt"], today=today)

        # In review now: VNPT-IT's next provinces, one opinion in and one pending, not yet due.
        asked_on, due_on = today - datetime.timedelta(days=5), today + datetime.timedelta(days=10)
        in_review = self._draft(drafter, departments, vnpt, [new["25"], new["19"]], condition_set,
                                today + datetime.timedelta(days=60), today + datetime.timedelta(days=60 + 3 * 365),
                                "2.2", letters=[("KHĐT", "2210/CNTT-TTUD", asked_on, due_on, False),
                                                ("PC", "2211/CNTT-TTUD", asked_on, due_on, True)],
                                planned=today + datetime.timedelta(days=30))
        agreement_services.agreement_send_for_review(agreement=in_review, by=drafter,
                                                     reason="Công văn số 2210/CNTT-TTUD xin ý kiến")
        review.agree_with_a_comment(in_review, department=departments["KHĐT"], by=users["reviewer"],
                                    letter_date=today - datetime.timedelta(days=1))

        vietsens_review = self._draft(drafter, departments, vietsens, [new["24"]], condition_set,
                                      today + datetime.timedelta(days=90), today + datetime.timedelta(days=90 + 730),
                                      "2.1", letters=[("KHĐT", "2212/CNTT-TTUD", asked_on, due_on, False),
                                                      (None, "2213/CNTT-TTUD", asked_on, due_on, False)],
                                      planned=today + datetime.timedelta(days=60))
        agreement_services.agreement_send_for_review(agreement=vietsens_review, by=drafter,
                                                     reason="Xin ý kiến Cục KHCN&ĐT và đơn vị nhận")

        # A first draft for 2027, begun from an older text: it cites Law 116/2025/QH15 and the page warns that the
        # two laws it replaced, still among its bases, are no longer in force on its signing day.
        first = self._draft(drafter, departments, hongha, [new["01"]], condition_set,
                            datetime.date(2027, 1, 1), datetime.date(2028, 12, 31), "2.1", complete=False,
                            planned=datetime.date(2026, 12, 15))
        agreement_services.agreement_add_from_library(
            agreement=first, by=drafter, legal_documents=LegalDocument.objects.filter(
                number__in=["86/2015/QH13", "24/2018/QH14"]))

        cancelled = self._draft(drafter, departments, vietsens, [new["24"]], condition_set,
                                datetime.date(2026, 3, 1), datetime.date(2027, 2, 28), "2.0", complete=False)
        agreement_services.agreement_cancel(agreement=cancelled, by=drafter, cancelled_on=datetime.date(2026, 2, 1),
                                            notes="Đơn vị rút đề nghị tham gia.")

    def _draft(self, by, departments, partner, provinces, condition_set, start, end, version, complete=True,
               letters=(), planned=None):
        it = departments["CNTT"]
        agreement = agreement_services.agreement_create(
            by=by, reason="Dữ liệu mẫu", provinces=provinces, partner=partner, handing_department=it,
            handing_representative="Phạm Đức Long", handing_title="Cục trưởng Cục Công nghệ thông tin",
            handing_honorific="Ông", receiving_representative=partner.representative_name,
            receiving_title=partner.representative_title, receiving_honorific=HONORIFICS[partner.tax_code],
            software_version=version, term_start=start, term_end=end, condition_set=condition_set,
            planned_signing_on=planned)
        # What the library offers this draft: the law in force on its signing day, and its department's authority.
        documents = list(LegalDocument.objects.offered_for(agreement))
        templates = list(ClauseTemplate.objects.filter(active=True))
        if not complete:
            documents, templates = documents[:3], [t for t in templates if t.section in SECTIONS_OF_A_FIRST_DRAFT]
        agreement_services.agreement_add_from_library(
            agreement=agreement, by=by, templates=templates, legal_documents=documents,
            authority_documents=AuthorityDocument.objects.filter(partner=partner) if complete else ())
        if not letters:
            asked_on = timezone.localdate()
            letters = [("KHĐT", "", asked_on, asked_on + datetime.timedelta(days=15), False)]
        asked = [agreement_services.Row(pk=None, values={
            "department": departments[code] if code else None, "to_partner": code is None, "letter_number": number,
            "letter_date": letter_date, "due_on": due_on, "silence_is_agreement": silence})
            for code, number, letter_date, due_on, silence in letters]
        return agreement_services.agreement_update(agreement=agreement, by=by, review_requests=asked,
                                                   reason="Dữ liệu mẫu")
