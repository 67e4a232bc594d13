"""What the minutes of termination say, as plain values: printed by agreements/pdf/termination.html in the same
Decree 30 layout as the handover minutes (its header and stylesheet), fingerprinted, and kept in
TerminationMinutes.record. No WeasyPrint here. The text is Vietnamese, like the handover minutes themselves."""

from agreements import placeholders
from agreements.minutes_text import word_groups
from agreements.models import Agreement, HandbackObligation
from core.dates import long_date, place_and_date

R = Agreement.TerminationReason
K = HandbackObligation.Kind

REASONS = {
    R.TERM_ENDED: "Hết thời hạn bàn giao quyền sử dụng",
    R.MUTUAL: "Hai bên thỏa thuận chấm dứt việc bàn giao quyền sử dụng",
    R.REFUSED: "Bên nhận từ chối quyền sử dụng",
    R.BREACH: "Bên nhận vi phạm nghĩa vụ theo Biên bản, kể cả để xảy ra sự cố an toàn thông tin hoặc sự cố dữ "
              "liệu cá nhân",
    R.ABANDONED: "Bên nhận bỏ dở việc triển khai",
    R.ELIGIBILITY_LOST: "Bên nhận không còn đáp ứng điều kiện cần và đủ",
}
OBLIGATIONS = {
    K.DATA: "Bàn giao lại đầy đủ, toàn vẹn dữ liệu cho Bên giao",
    K.SYSTEMS: "Bàn giao lại hệ thống và tài liệu cho Bên giao",
    K.ACCOUNTS: "Bàn giao lại, đóng các tài khoản quản trị và tài khoản người dùng của Bên nhận",
    K.PERSONAL_DATA_DELETED: "Xóa toàn bộ dữ liệu cá nhân còn lưu giữ, kể cả bản sao lưu, bảo đảm không thể khôi "
                             "phục",
    K.DELETION_CERTIFICATE: "Gửi Bên giao biên bản xác nhận xóa dữ liệu",
}


def _d(day):
    return day.strftime("%d/%m/%Y")


def personal_data_law(day):
    """The law on personal data in force on `day`, as the legal library names it (Decree 13/2023 until
    31/12/2025, Law 91/2025 from 01/01/2026), or plain words when the library has none."""
    from agreements.models import LegalDocument

    laws = placeholders.law_citations(list(LegalDocument.objects.citable_on(day)), day)
    names = laws.get("personal_data")
    return " và ".join(names) if names else "pháp luật về bảo vệ dữ liệu cá nhân"


def termination_context(agreement, *, record, obligations, number_line, issued_on):
    """Everything the minutes of termination print. `record` names the parties as the signed copy kept them
    (agreements.models.signed.signed_names); `obligations` are the hand-back obligations just opened."""
    handover = f"Biên bản bàn giao quyền sử dụng số {agreement.number_and_symbol} ngày {_d(agreement.signed_on)}"
    terminated_on = agreement.terminated_on
    clause = agreement.termination_clause
    reason = REASONS.get(agreement.termination_reason, agreement.get_termination_reason_display())
    if clause is not None:
        reason += f" theo trường hợp quy định tại Điều {clause.article_number()} của {handover}"
    bases = [f"Căn cứ {handover} giữa Bộ Y tế ({record['handing_department']}) và {record['partner']['legal_name']}"]
    termination_clauses = [c for c in agreement.clauses.order_by("position", "pk")
                           if c.section == c.Section.TERMINATION]
    for c in termination_clauses:
        bases.append(f"Căn cứ Điều {c.article_number()} ({c.heading or c.get_section_display()}) của {handover}")
    if clause is not None:
        bases.append(f"Căn cứ Điều {clause.article_number()} ({clause.heading or clause.get_section_display()}) của "
                     f"{handover} về trường hợp Bên nhận được từ chối quyền sử dụng")
    bases = [f"{line};" for line in bases[:-1]] + [f"{line}." for line in bases[-1:]]
    law = personal_data_law(terminated_on)
    duties = []
    for number, obligation in enumerate(obligations, start=1):
        source = (f"theo Điều {obligation.clause.article_number()} của Biên bản số {agreement.number_and_symbol}"
                  if obligation.clause_id else f"theo quy định của {law}")
        duties.append({"kind": obligation.kind, "due_on": _d(obligation.due_on),
                       "line": f"{number}. {OBLIGATIONS[obligation.kind]}, {source}: hoàn thành chậm nhất ngày "
                               f"{_d(obligation.due_on)}."})
    subject = f"Chấm dứt việc bàn giao quyền sử dụng để triển khai {agreement.software_name}"
    department = record["handing_department"]
    return {
        "title": f"Biên bản chấm dứt {number_line}",
        "issuing_body": department,
        "number_line": number_line,
        "place_date": place_and_date(agreement.place, issued_on),
        "subject": subject,
        "subject_groups": word_groups(subject),
        "legal_bases": bases,
        "today_line": f"Hôm nay, ngày {long_date(issued_on)}, tại {agreement.place}, chúng tôi gồm:",
        "handing_department": department,
        "handing": record["handing"],
        "partner": record["partner"],
        "receiving": record["receiving"],
        "handover": handover,
        "handover_number": agreement.number_and_symbol,
        "handover_signed_on": _d(agreement.signed_on),
        "software": agreement.software_name,
        "version": agreement.software_version,
        "provinces": ", ".join(p.name for p in agreement.provinces.order_by("name")) or "…",
        "terminated_on": _d(terminated_on),
        "reason": reason,
        "notes": agreement.termination_notes.strip(),
        "obligations": duties,
        "recipients": [f"- {record['partner']['legal_name']};", "- Lãnh đạo Bộ Y tế (để báo cáo);",
                       f"- Lưu: VT, {agreement.handing_department.code}."],
    }
