"""Demo catalogue and evidence for seed_demo: one partner eligible, one not, one expiring soon."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from agreements import services as agreement_services
from agreements.models import Clause, report_periods
from conditions import services
from conditions.models import ConditionSet, Evidence

V1 = ("Điều kiện tham gia triển khai phần mềm Hồ sơ sức khỏe (2019)", datetime.date(2019, 10, 1), [
    ("PL-01", "legal", "Tư cách pháp nhân và thẩm quyền ký kết", "Giấy chứng nhận đăng ký doanh nghiệp; điều lệ", 24),
    ("ATTT-01", "security", "Bảo đảm an toàn thông tin theo cấp độ",
     "Hồ sơ đề xuất cấp độ theo Nghị định 85/2016/NĐ-CP", 12),
    ("BM-01", "personal_data", "Cam kết bảo mật thông tin cá nhân của người dân", "Văn bản cam kết", 24),
])

V2 = ("Điều kiện cần và đủ tham gia triển khai phần mềm Hồ sơ sức khỏe điện tử", datetime.date(2026, 1, 1), [
    ("PL-01", "legal", "Tư cách pháp nhân và thẩm quyền ký kết",
     "Giấy chứng nhận đăng ký doanh nghiệp; điều lệ hoặc văn bản ủy quyền ký kết", 24),
    ("ATTT-01", "security", "Hồ sơ cấp độ an toàn hệ thống thông tin được phê duyệt (cấp độ 3)",
     "Quyết định phê duyệt hồ sơ đề xuất cấp độ theo Nghị định 85/2016/NĐ-CP, Thông tư 12/2022/TT-BTTTT", 12),
    ("KT-01", "technical", "Dữ liệu được lưu trữ tại Việt Nam", "Hợp đồng, xác nhận của trung tâm dữ liệu", 12),
    ("DLCN-01", "personal_data", "Có bộ phận, nhân sự bảo vệ dữ liệu cá nhân và hồ sơ đánh giá tác động",
     "Quyết định chỉ định; hồ sơ đánh giá tác động nộp trong 60 ngày (Luật 91/2025/QH15, Nghị định 356/2025/NĐ-CP)",
     12),
    ("DLCN-02", "personal_data", "Cam kết thông báo sự cố trong vòng 72 giờ", "Văn bản cam kết", 24),
    ("DLCN-03", "personal_data", "Cam kết bàn giao lại và xóa dữ liệu khi chấm dứt hoặc bỏ dở", "Văn bản cam kết", 24),
    ("NS-01", "personnel", "Nhân sự triển khai đủ năng lực", "Danh sách nhân sự, chứng chỉ", 12),
    ("KN-01", "experience", "Kinh nghiệm triển khai phần mềm y tế", "Hợp đồng tương tự đã thực hiện", 36),
    ("PL-02", "legal", "Chấp thuận quyền sở hữu, quyền tác giả phần mềm thuộc Bộ Y tế", "Văn bản chấp thuận", 36),
])

OPTIONAL = {"KN-01"}


def sample_pdf(title):
    """A tiny, well-formed PDF to stand for a scanned document."""
    body = f"BT /F1 12 Tf 72 720 Td ({title}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def seed_catalogue(*, by, vnpt, users, decisions):
    """Version 1 (2019), with the evidence VNPT-IT gave under it, then version 2 from 01/01/2026,
    which supersedes it; `decisions` gives each version's issuing decision. Returns both."""
    v1 = _version(1, V1, by, decisions[1])
    if not Evidence.objects.filter(condition__condition_set=v1).exists():
        for condition in v1.conditions.all():
            _submit(vnpt, condition, user=users["vnpt"], assessor=users["assessor"], decision=Evidence.Status.ACCEPTED,
                    valid_from=datetime.date(2019, 11, 1), valid_until=datetime.date(2021, 12, 31))
    return v1, _version(2, V2, by, decisions[2])


def _version(version, spec, by, decision):
    existing = ConditionSet.objects.filter(version=version).first()
    if existing:
        return existing
    title, effective_from, rows = spec
    condition_set = services.condition_set_create(by=by, title=title, effective_from=effective_from,
                                                  decision_number=decision[0], decision_date=decision[1])
    for position, (code, category, name, evidence, months) in enumerate(rows, start=1):
        services.condition_save(condition_set=condition_set, by=by, code=code, category=category, title=name,
                                evidence_required=evidence, validity_months=months, position=position,
                                mandatory=code not in OPTIONAL)
    return services.condition_set_publish(condition_set=condition_set, by=by)


def _submit(partner, condition, *, user, assessor, decision=None, valid_from=None, valid_until=None, reason=""):
    upload = SimpleUploadedFile(f"{condition.code}.pdf", sample_pdf(f"{partner.short_name} {condition.code}"),
                                content_type="application/pdf")
    evidence = services.evidence_submit(partner=partner, condition=condition, by=user, uploads=[upload],
                                        statement=f"Hồ sơ chứng minh đáp ứng điều kiện {condition.code}: "
                                                  f"{condition.title}.")
    if decision:
        services.evidence_decide(evidence=evidence, by=assessor, decision=decision, reason=reason,
                                 valid_from=valid_from, valid_until=valid_until)
    return evidence


def seed_evidence(*, v2, vnpt, vietsens, hongha, users):
    """Evidence under version 2. Idempotent: does nothing once there is any."""
    if Evidence.objects.filter(condition__condition_set=v2).exists():
        return
    today = timezone.localdate()

    def submit(partner, condition, *, user, **decision):
        return _submit(partner, condition, user=user, assessor=users["assessor"], **decision)

    # VNPT-IT meets version 2 (it met version 1 when it signed in 2019: seed_catalogue).
    for condition in v2.conditions.filter(mandatory=True):
        submit(vnpt, condition, user=users["vnpt"], decision=Evidence.Status.ACCEPTED,
               valid_from=datetime.date(2025, 12, 15), valid_until=datetime.date(2027, 12, 14))

    # VietSens: some met, one rejected, one awaiting assessment, the rest missing.
    conditions = {c.code: c for c in v2.conditions.all()}
    for code in ("PL-01", "PL-02", "KT-01"):
        submit(vietsens, conditions[code], user=users["vietsens"], decision=Evidence.Status.ACCEPTED,
               valid_from=today - datetime.timedelta(days=60))
    submit(vietsens, conditions["ATTT-01"], user=users["vietsens"], decision=Evidence.Status.REJECTED,
           reason="Quyết định phê duyệt cấp độ đã hết hiệu lực; đề nghị nộp quyết định mới.")
    submit(vietsens, conditions["DLCN-01"], user=users["vietsens"])

    # Hồng Hà eHealth meets everything, but its security-level approval runs out within 30 days.
    for code, condition in conditions.items():
        if condition.mandatory:
            until = today + datetime.timedelta(days=20) if code == "ATTT-01" else None
            submit(hongha, condition, user=users["hongha"], decision=Evidence.Status.ACCEPTED,
                   valid_from=today - datetime.timedelta(days=300), valid_until=until)


def seed_deployment(*, agreement, on_time, quiet, user, today):
    """VNPT-IT's reports under its signed minutes: every period begun for `on_time`, its figures growing, and only
    the first period for `quiet`, which then went silent (the daily watch flags it at risk). Then its request to
    refuse the right to use for `quiet`, citing the minutes' own refusal case, waiting for the Ministry."""
    periods = report_periods(agreement, started_by=today)
    for index, period in enumerate(periods):
        for province in [on_time, quiet] if index == 0 else [on_time]:
            agreement_services.report_file(
                agreement=agreement, province=province, period_start=period.start, by=user,
                figures={"facilities_live": 6 + 9 * index, "records_created": 1500 + 5200 * index,
                         "incidents": 1 if index == 1 else 0,
                         "problems": "Một số trạm y tế xã chưa có đường truyền ổn định." if index < 2 else "",
                         "next_steps": "Mở rộng tới các trạm y tế xã còn lại."},
                uploads=[SimpleUploadedFile(f"bao-cao-ky-{index + 1}.pdf", sample_pdf(f"Bao cao ky {index + 1}"),
                                            content_type="application/pdf")] if index == len(periods) - 1 else [])
    agreement_services.refusal_file(
        agreement=agreement, by=user, clause=agreement.clauses.filter(section=Clause.Section.REFUSAL).first(),
        provinces=list(agreement.scope.filter(province=quiet)),
        facts=f"Sở Y tế {quiet.name} chưa bố trí máy chủ và đường truyền như đã thống nhất; đơn vị đã có văn bản "
              "đề nghị nhưng chưa được đáp ứng sau 60 ngày.",
        uploads=[SimpleUploadedFile("cong-van-de-nghi.pdf", sample_pdf("Cong van de nghi"),
                                    content_type="application/pdf")])


HANDED_BACK = {
    "data": ("Đã bàn giao toàn bộ cơ sở dữ liệu hồ sơ sức khỏe của Hà Giang và Cao Bằng cho Trung tâm Dữ liệu Bộ Y tế.",
             "bien-ban-ban-giao-du-lieu.pdf"),
    "systems": ("Đã bàn giao máy chủ ứng dụng và mã nguồn cấu hình triển khai.", "bien-ban-ban-giao-he-thong.pdf"),
    "accounts": ("Đã khóa 214 tài khoản quản trị và người dùng do đơn vị quản lý.", "danh-sach-tai-khoan-da-khoa.pdf"),
    "personal_data_deleted": ("Đã xóa dữ liệu cá nhân còn lưu trên hệ thống của đơn vị, kể cả bản sao lưu.",
                              "nhat-ky-xoa-du-lieu.pdf"),
    "deletion_certificate": ("Biên bản xác nhận xóa dữ liệu cá nhân, có chữ ký của hai bên.",
                             "bien-ban-xac-nhan-xoa-du-lieu.pdf"),
}


def seed_handback(*, agreement, partner_user, ministry_user):
    """The 2019 minutes, terminated: VNPT-IT recorded each hand-back obligation with its document (the deletion
    certificate among them) and the Ministry confirmed every one."""
    for obligation in agreement.handback_obligations.order_by("pk"):
        notes, filename = HANDED_BACK[obligation.kind]
        obligation = agreement_services.handback_record(
            obligation=obligation, by=partner_user, notes=notes,
            uploads=[SimpleUploadedFile(filename, sample_pdf(filename), content_type="application/pdf")])
        agreement_services.handback_confirm(obligation=obligation, by=ministry_user, notes="Đã kiểm tra, xác nhận.")
