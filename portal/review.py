"""Demo opinions for seed_demo. The 2019 minutes carry the letter the product grew from: 832/KHĐT-VP of
29/08/2019, answering request 442/CNTT-TTUD, its comments on 2.1 and 2.2 a, b and c, and the drafter's
answers to them, so the demo's consolidation table shows that letter."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from agreements import services
from agreements.models import Answer, Clause, LegalBasis
from portal.demo import sample_pdf

GENERAL = "1. Cơ bản nhất trí với chủ trương và dự thảo Biên bản bàn giao."

POLICY = (
    "2.1. Về chủ trương: nhất trí cho phép một số đơn vị cùng phối hợp sử dụng phần mềm Hồ sơ sức khỏe của Bộ "
    "Y tế để triển khai tại một số tỉnh mà không tính giá trị phần mềm. Tuy nhiên, Bộ Y tế cần khẳng định và "
    "thực hiện các nguyên tắc: phần mềm là tài sản của Bộ Y tế, bản quyền và sở hữu thuộc Bộ Y tế; các đơn vị "
    "phải tuân thủ nguyên tắc bảo đảm an toàn, an ninh thông tin (đặc biệt là thông tin cá nhân) từ việc nhập "
    "liệu đến khai thác, quản lý, sử dụng và lưu trữ thông tin; Bộ Y tế nên đưa ra các điều kiện cần và đủ, "
    "chỉ các đơn vị đáp ứng đầy đủ các điều kiện mới được phép phối hợp.")
LEGAL_BASES = (
    "2.2.a) Về căn cứ pháp lý: đề nghị bổ sung thêm các căn cứ pháp lý về mặt thẩm quyền của các đơn vị tham gia "
    "phối hợp triển khai phần mềm Hồ sơ sức khỏe của Bộ Y tế (ví dụ như Điều lệ Tổ chức và hoạt động của Công ty "
    "Công nghệ thông tin VNPT, Tập đoàn công nghệ VietSens ...).")
RIGHTS = (
    "2.2.b) Về quyền và nghĩa vụ của các bên: đề nghị quy định rõ, chi tiết hơn về quyền và nghĩa vụ, trách nhiệm "
    "của các bên trong quá trình phối hợp triển khai phần mềm hồ sơ sức khỏe của Bộ Y tế, đặc biệt là các quy "
    "định để đảm bảo hài hòa lợi ích giữa các bên.")
REFUSAL = (
    "2.2.c) Về chấm dứt giao nhận: đề nghị bổ sung thêm quy định Bên nhận có quyền từ chối quyền sử dụng để triển "
    "khai phần mềm hồ sơ sức khỏe của Bộ Y tế trong các trường hợp cụ thể nào. Nếu không quy định các điều kiện "
    "cụ thể mà Bên nhận được quyền từ chối thì có thể trong quá trình triển khai, Bộ Y tế sẽ gặp phải rất nhiều "
    "rủi ro và thiệt hại, đặc biệt là khi bên nhận bỏ dở công việc, không tiếp tục triển khai.")

ANSWERS = {
    POLICY: (Answer.Kind.TAKEN_IN, "Đã thể hiện tại Điều về quyền sở hữu, bản quyền và Điều về an toàn thông tin, "
                                   "dữ liệu cá nhân; điều kiện cần và đủ được ban hành kèm theo và là căn cứ đánh "
                                   "giá đơn vị trước khi ký."),
    LEGAL_BASES: (Answer.Kind.TAKEN_IN, "Đã bổ sung căn cứ Quy chế tổ chức và hoạt động của Công ty Công nghệ "
                                        "thông tin VNPT vào phần căn cứ của Biên bản."),
    RIGHTS: (Answer.Kind.TAKEN_IN, "Đã quy định chi tiết quyền và nghĩa vụ của Bên giao và Bên nhận tại hai Điều "
                                   "riêng, trong đó Bên nhận không thu phí bản quyền phần mềm của người dân."),
    REFUSAL: (Answer.Kind.TAKEN_IN, "Đã bổ sung Điều về các trường hợp Bên nhận được từ chối quyền sử dụng và Điều "
                                    "về trách nhiệm bàn giao lại dữ liệu, hệ thống khi bỏ dở công việc."),
}


def _letter(name):
    return SimpleUploadedFile(f"{name}.pdf", sample_pdf(name), content_type="application/pdf")


def _request(agreement, department):
    return agreement.review_requests.select_related("agreement__partner", "department").get(department=department)


def _anchor(agreement, **lookup):
    """The anchor key of the first legal basis or clause matching `lookup`, as frozen in the version."""
    if "section" in lookup:
        return f"clause:{Clause.objects.filter(agreement=agreement, **lookup).order_by('position', 'pk').first().pk}"
    return f"basis:{LegalBasis.objects.filter(agreement=agreement, **lookup).order_by('position', 'pk').first().pk}"


def seed_letter_opinion(agreement, *, reviewer, drafter):
    """832/KHĐT-VP of 29/08/2019 on the version sent, and the drafter's answer to each comment."""
    request = agreement.review_requests.select_related("agreement__partner", "department").get(
        letter_number="442/CNTT-TTUD")
    opinion = services.opinion_record(
        request=request, by=reviewer, letter_number="832/KHĐT-VP", letter_date=datetime.date(2019, 8, 29),
        signatory="Nguyễn Minh Lợi", signatory_title="Phó Cục trưởng",
        position="agree_with_comments", letter=_letter("832-KHDT-VP"), general_comment=GENERAL,
        comments=[("", POLICY), (_anchor(agreement, kind=LegalBasis.Kind.AUTHORITY), LEGAL_BASES),
                  (_anchor(agreement, section=Clause.Section.RECEIVING_PARTY), RIGHTS),
                  (_anchor(agreement, section=Clause.Section.REFUSAL), REFUSAL)])
    for comment in opinion.comments.all():
        if comment.text in ANSWERS:
            kind, text = ANSWERS[comment.text]
            services.comment_answer(comment=comment, by=drafter, kind=kind, text=text)
    return opinion


def agree(agreement, *, department, by, **letter):
    return services.opinion_record(request=_request(agreement, department), by=by, position="agree",
                                   letter=_letter(letter["letter_number"].replace("/", "-")), **letter)


def agree_with_a_comment(agreement, *, department, by, letter_date):
    """Agreement, with one comment on the security clause, not answered yet."""
    return services.opinion_record(
        request=_request(agreement, department), by=by, letter_number="2315/KHĐT-VP", letter_date=letter_date,
        signatory="Nguyễn Minh Lợi", signatory_title="Phó Cục trưởng", position="agree_with_comments",
        letter=_letter("2315-KHDT-VP"),
        comments=[(_anchor(agreement, section=Clause.Section.SECURITY),
                   "Đề nghị nêu rõ thời hạn thông báo sự cố lộ lọt dữ liệu cá nhân (72 giờ kể từ khi phát hiện) "
                   "theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.")])
