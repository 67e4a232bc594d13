"""The libraries ship with standard texts: legal documents to cite (facts in DOMAIN.md) and one or
more clauses per section of the minutes, grounded in the seed letter 832/KHĐT-VP."""

import datetime

from django.db import migrations

D = datetime.date

LEGAL_DOCUMENTS = [
    # kind, number, name (laws), issuer, dated, summary
    ("law", "67/2006/QH11", "Luật Công nghệ thông tin", "Quốc hội", D(2006, 6, 29), ""),
    ("law", "91/2025/QH15", "Luật Bảo vệ dữ liệu cá nhân", "Quốc hội", D(2025, 6, 26), ""),
    ("law", "116/2025/QH15", "Luật An ninh mạng", "Quốc hội", D(2025, 12, 10), ""),
    ("decree", "85/2016/NĐ-CP", "", "Chính phủ", D(2016, 7, 1),
     "về bảo đảm an toàn hệ thống thông tin theo cấp độ"),
    ("decree", "356/2025/NĐ-CP", "", "Chính phủ", D(2025, 12, 31),
     "quy định chi tiết một số điều và biện pháp để tổ chức, hướng dẫn thi hành Luật Bảo vệ dữ liệu cá nhân"),
    ("decree", "102/2025/NĐ-CP", "", "Chính phủ", D(2025, 5, 13), "quy định quản lý dữ liệu y tế"),
    ("circular", "12/2022/TT-BTTTT", "", "Bộ trưởng Bộ Thông tin và Truyền thông", D(2022, 8, 12),
     "quy định chi tiết và hướng dẫn một số điều của Nghị định số 85/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của "
     "Chính phủ về bảo đảm an toàn hệ thống thông tin theo cấp độ"),
    ("decision", "831/QĐ-BYT", "", "Bộ trưởng Bộ Y tế", D(2017, 3, 11),
     "về việc ban hành mẫu hồ sơ quản lý sức khỏe cá nhân phục vụ chăm sóc sức khỏe ban đầu"),
    ("decision", "5349/QĐ-BYT", "", "Bộ trưởng Bộ Y tế", D(2019, 11, 12),
     "về việc phê duyệt kế hoạch triển khai hồ sơ sức khỏe điện tử"),
]

CLAUSES = [
    # section, heading, text
    ('ownership', 'Quyền sở hữu và quyền tác giả',
     '{software} (phiên bản {version}) là tài sản của Bộ Y tế. Quyền sở hữu và quyền tác giả đối với phần mềm, mã nguồn, tài liệu và mọi phiên bản cải tiến thuộc về Bộ Y tế. Việc bàn giao theo Biên bản này chỉ là bàn giao quyền sử dụng để triển khai, không tính giá trị phần mềm và không chuyển giao quyền sở hữu. Bên nhận không được chuyển nhượng, cho thuê, bán hoặc cấp quyền sử dụng lại phần mềm cho bên thứ ba.'),
    ('handing_party', 'Quyền và nghĩa vụ của Bên giao',
     '1. Bàn giao bộ cài đặt, tài liệu hướng dẫn và các bản cập nhật của phần mềm cho Bên nhận.\n2. Hướng dẫn, hỗ trợ kỹ thuật trong quá trình triển khai tại {provinces}.\n3. Kiểm tra, giám sát việc tuân thủ các nguyên tắc an toàn thông tin và bảo vệ dữ liệu cá nhân; được yêu cầu Bên nhận báo cáo định kỳ sáu tháng một lần và báo cáo đột xuất khi cần.\n4. Thông báo bằng văn bản cho Bên nhận ít nhất 30 ngày trước khi thay đổi điều kiện sử dụng.'),
    ('receiving_party', 'Quyền và nghĩa vụ của Bên nhận',
     '1. Được sử dụng phần mềm để triển khai miễn phí tại {provinces} trong thời hạn từ ngày {term_start} đến ngày {term_end}.\n2. Tự bảo đảm nhân lực, hạ tầng và chi phí triển khai; không thu phí người dân đối với chức năng của phần mềm.\n3. Duy trì đầy đủ các điều kiện cần và đủ do Bộ Y tế ban hành trong suốt thời hạn triển khai.\n4. Không tự ý sửa đổi mã nguồn; mọi đề xuất cải tiến gửi Bên giao xem xét và thuộc quyền sở hữu của Bộ Y tế.\n5. Báo cáo tiến độ, kết quả triển khai định kỳ sáu tháng một lần.'),
    ('security', 'An toàn thông tin và bảo vệ dữ liệu cá nhân',
     '1. Bên nhận bảo đảm an toàn thông tin và bảo vệ dữ liệu cá nhân trong toàn bộ quá trình, từ khâu nhập dữ liệu đến khai thác, quản lý, sử dụng và lưu trữ thông tin. Thông tin về tình trạng sức khỏe là dữ liệu cá nhân nhạy cảm theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.\n2. Hệ thống thông tin triển khai phần mềm phải được phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin tối thiểu cấp độ 3 theo Nghị định số 85/2016/NĐ-CP và Thông tư số 12/2022/TT-BTTTT; dữ liệu được lưu trữ tại Việt Nam.\n3. Bên nhận xử lý dữ liệu cá nhân với tư cách bên xử lý, chỉ theo Biên bản này; chỉ định bộ phận, nhân sự bảo vệ dữ liệu cá nhân và lập hồ sơ đánh giá tác động xử lý dữ liệu cá nhân trong vòng 60 ngày kể từ ngày bắt đầu xử lý.\n4. Khi phát hiện sự cố lộ, mất dữ liệu có thể gây thiệt hại, Bên nhận thông báo cho Bên giao và cơ quan có thẩm quyền trong vòng 72 giờ kể từ khi phát hiện.'),
    ('refusal', 'Trường hợp Bên nhận được từ chối quyền sử dụng',
     'Bên nhận được từ chối quyền sử dụng phần mềm, bằng văn bản gửi Bên giao trước ít nhất 90 ngày, khi Bên giao không cung cấp bản cập nhật bắt buộc để khắc phục lỗ hổng bảo mật nghiêm trọng trong thời hạn 60 ngày kể từ ngày Bên nhận thông báo.'),
    ('refusal', 'Trường hợp Bên nhận được từ chối quyền sử dụng (tiếp)',
     'Bên nhận được từ chối quyền sử dụng khi cơ quan có thẩm quyền yêu cầu dừng triển khai tại địa phương trong phạm vi Biên bản, hoặc khi Bên giao thay đổi điều kiện sử dụng làm phát sinh nghĩa vụ mới mà Bên nhận không thể đáp ứng; Bên nhận vẫn thực hiện đầy đủ nghĩa vụ bàn giao lại dữ liệu và hệ thống.'),
    ('termination', 'Chấm dứt việc bàn giao quyền sử dụng',
     'Việc bàn giao quyền sử dụng chấm dứt khi: hết thời hạn; hai bên thỏa thuận chấm dứt; Bên nhận từ chối quyền sử dụng theo một trường hợp quy định tại Biên bản này; Bên nhận vi phạm nghĩa vụ, kể cả để xảy ra sự cố an toàn thông tin hoặc lộ lọt dữ liệu cá nhân; Bên nhận bỏ dở việc triển khai; Bên nhận không còn đáp ứng điều kiện cần và đủ. Khi chấm dứt, Bên nhận bàn giao lại toàn bộ dữ liệu và xóa dữ liệu theo yêu cầu của Bên giao.'),
    ('abandonment', 'Trường hợp Bên nhận bỏ dở việc triển khai',
     'Bên nhận không được bỏ dở việc triển khai giữa chừng. Trường hợp buộc phải dừng, Bên nhận thông báo bằng văn bản cho Bên giao và các Sở Y tế liên quan trước ít nhất 90 ngày; tiếp tục vận hành bảo đảm không gián đoạn dịch vụ cho đến khi bàn giao xong; bàn giao lại đầy đủ dữ liệu, hệ thống, tài khoản quản trị và tài liệu trong vòng 30 ngày; sau khi bàn giao, xóa dữ liệu cá nhân còn lưu giữ và lập biên bản xác nhận. Bên nhận chịu chi phí chuyển đổi và bồi thường thiệt hại phát sinh do bỏ dở.'),
    ('effect', 'Hiệu lực',
     'Biên bản có hiệu lực từ ngày ký đến hết ngày {term_end}. Biên bản được lập thành 04 bản có giá trị pháp lý như nhau, mỗi bên giữ 02 bản.'),
]


def load(apps, schema_editor):
    LegalDocument = apps.get_model("agreements", "LegalDocument")
    ClauseTemplate = apps.get_model("agreements", "ClauseTemplate")
    for position, (kind, number, name, issuer, dated, summary) in enumerate(LEGAL_DOCUMENTS, start=1):
        LegalDocument.objects.create(kind=kind, number=number, name=name, issuer=issuer, issued_on=dated,
                                     summary=summary, position=position * 10)
    for position, (section, heading, text) in enumerate(CLAUSES, start=1):
        ClauseTemplate.objects.create(section=section, heading=heading, text=text, position=position * 10)


def unload(apps, schema_editor):
    apps.get_model("agreements", "LegalDocument").objects.all().delete()
    apps.get_model("agreements", "ClauseTemplate").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("agreements", "0004_legal_library_and_signed_copies")]
    operations = [migrations.RunPython(load, unload)]
