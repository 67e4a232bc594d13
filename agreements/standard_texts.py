"""Standard Vietnamese wording for the minutes: legal bases and one clause per section.

Grounded in the seed letter (832/KHĐT-VP) and the law listed in DOMAIN.md. The placeholders
{partner}, {provinces}, {software}, {version}, {term_start} and {term_end} are filled from the
agreement; the drafter edits the result freely."""

LEGAL_BASES = [
    ("law", "Luật Công nghệ thông tin số 67/2006/QH11 ngày 29 tháng 6 năm 2006"),
    ("law", "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15"),
    ("law", "Luật An ninh mạng số 116/2025/QH15"),
    ("decree", "Nghị định số 85/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của Chính phủ về bảo đảm an toàn hệ thống "
               "thông tin theo cấp độ"),
    ("decree", "Nghị định số 356/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Bảo vệ dữ liệu "
               "cá nhân"),
    ("decree", "Nghị định số 102/2025/NĐ-CP của Chính phủ quy định về quản lý dữ liệu y tế"),
    ("circular", "Thông tư số 12/2022/TT-BTTTT ngày 12 tháng 8 năm 2022 của Bộ trưởng Bộ Thông tin và Truyền "
                 "thông quy định chi tiết và hướng dẫn một số điều của Nghị định số 85/2016/NĐ-CP"),
    ("decision", "Quyết định số 831/QĐ-BYT ngày 11 tháng 3 năm 2017 của Bộ trưởng Bộ Y tế về việc ban hành mẫu "
                 "hồ sơ quản lý sức khỏe cá nhân phục vụ chăm sóc sức khỏe ban đầu"),
    ("decision", "Quyết định số 5349/QĐ-BYT ngày 12 tháng 11 năm 2019 của Bộ trưởng Bộ Y tế về việc phê duyệt "
                 "kế hoạch triển khai hồ sơ sức khỏe điện tử"),
]

CLAUSES = {
    "ownership": (
        "Quyền sở hữu và quyền tác giả",
        "{software} (phiên bản {version}) là tài sản của Bộ Y tế. Quyền sở hữu và quyền tác giả đối với phần "
        "mềm, mã nguồn, tài liệu và mọi phiên bản cải tiến thuộc về Bộ Y tế. Việc bàn giao theo Biên bản này chỉ "
        "là bàn giao quyền sử dụng để triển khai, không tính giá trị phần mềm và không chuyển giao quyền sở hữu. "
        "Bên nhận không được chuyển nhượng, cho thuê, bán hoặc cấp quyền sử dụng lại phần mềm cho bên thứ ba.",
    ),
    "handing_party": (
        "Quyền và nghĩa vụ của Bên giao",
        "1. Bàn giao bộ cài đặt, tài liệu hướng dẫn và các bản cập nhật của phần mềm cho Bên nhận.\n"
        "2. Hướng dẫn, hỗ trợ kỹ thuật trong quá trình triển khai tại {provinces}.\n"
        "3. Kiểm tra, giám sát việc tuân thủ các nguyên tắc an toàn thông tin và bảo vệ dữ liệu cá nhân; được "
        "yêu cầu Bên nhận báo cáo định kỳ sáu tháng một lần và báo cáo đột xuất khi cần.\n"
        "4. Thông báo bằng văn bản cho Bên nhận ít nhất 30 ngày trước khi thay đổi điều kiện sử dụng.",
    ),
    "receiving_party": (
        "Quyền và nghĩa vụ của Bên nhận",
        "1. Được sử dụng phần mềm để triển khai miễn phí tại {provinces} trong thời hạn từ ngày {term_start} đến "
        "ngày {term_end}.\n"
        "2. Tự bảo đảm nhân lực, hạ tầng và chi phí triển khai; không thu phí người dân đối với chức năng của "
        "phần mềm.\n"
        "3. Duy trì đầy đủ các điều kiện cần và đủ do Bộ Y tế ban hành trong suốt thời hạn triển khai.\n"
        "4. Không tự ý sửa đổi mã nguồn; mọi đề xuất cải tiến gửi Bên giao xem xét và thuộc quyền sở hữu của Bộ "
        "Y tế.\n"
        "5. Báo cáo tiến độ, kết quả triển khai định kỳ sáu tháng một lần.",
    ),
    "security": (
        "An toàn thông tin và bảo vệ dữ liệu cá nhân",
        "1. Bên nhận bảo đảm an toàn thông tin và bảo vệ dữ liệu cá nhân trong toàn bộ quá trình, từ khâu nhập "
        "dữ liệu đến khai thác, quản lý, sử dụng và lưu trữ thông tin. Thông tin về tình trạng sức khỏe là dữ "
        "liệu cá nhân nhạy cảm theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.\n"
        "2. Hệ thống thông tin triển khai phần mềm phải được phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống "
        "thông tin tối thiểu cấp độ 3 theo Nghị định số 85/2016/NĐ-CP và Thông tư số 12/2022/TT-BTTTT; dữ liệu "
        "được lưu trữ tại Việt Nam.\n"
        "3. Bên nhận xử lý dữ liệu cá nhân với tư cách bên xử lý, chỉ theo Biên bản này; chỉ định bộ phận, nhân "
        "sự bảo vệ dữ liệu cá nhân và lập hồ sơ đánh giá tác động xử lý dữ liệu cá nhân trong vòng 60 ngày kể từ "
        "ngày bắt đầu xử lý.\n"
        "4. Khi phát hiện sự cố lộ, mất dữ liệu có thể gây thiệt hại, Bên nhận thông báo cho Bên giao và cơ quan "
        "có thẩm quyền trong vòng 72 giờ kể từ khi phát hiện.",
    ),
    "refusal": (
        "Trường hợp Bên nhận được từ chối quyền sử dụng",
        "Bên nhận được từ chối quyền sử dụng phần mềm, bằng văn bản gửi Bên giao trước ít nhất 90 ngày, khi Bên "
        "giao không cung cấp bản cập nhật bắt buộc để khắc phục lỗ hổng bảo mật nghiêm trọng trong thời hạn 60 "
        "ngày kể từ ngày Bên nhận thông báo.",
    ),
    "termination": (
        "Chấm dứt việc bàn giao quyền sử dụng",
        "Việc bàn giao quyền sử dụng chấm dứt khi: hết thời hạn; hai bên thỏa thuận chấm dứt; Bên nhận từ chối "
        "quyền sử dụng theo một trường hợp quy định tại Biên bản này; Bên nhận vi phạm nghĩa vụ, kể cả để xảy ra "
        "sự cố an toàn thông tin hoặc lộ lọt dữ liệu cá nhân; Bên nhận bỏ dở việc triển khai; Bên nhận không còn "
        "đáp ứng điều kiện cần và đủ. Khi chấm dứt, Bên nhận bàn giao lại toàn bộ dữ liệu và xóa dữ liệu theo "
        "yêu cầu của Bên giao.",
    ),
    "abandonment": (
        "Trường hợp Bên nhận bỏ dở việc triển khai",
        "Bên nhận không được bỏ dở việc triển khai giữa chừng. Trường hợp buộc phải dừng, Bên nhận thông báo "
        "bằng văn bản cho Bên giao và các Sở Y tế liên quan trước ít nhất 90 ngày; tiếp tục vận hành bảo đảm "
        "không gián đoạn dịch vụ cho đến khi bàn giao xong; bàn giao lại đầy đủ dữ liệu, hệ thống, tài khoản "
        "quản trị và tài liệu trong vòng 30 ngày; sau khi bàn giao, xóa dữ liệu cá nhân còn lưu giữ và lập biên "
        "bản xác nhận. Bên nhận chịu chi phí chuyển đổi và bồi thường thiệt hại phát sinh do bỏ dở.",
    ),
    "effect": (
        "Hiệu lực",
        "Biên bản có hiệu lực từ ngày ký đến hết ngày {term_end}. Biên bản được lập thành 04 bản có giá trị pháp "
        "lý như nhau, mỗi bên giữ 02 bản.",
    ),
}

EXTRA_REFUSAL = (
    "Trường hợp Bên nhận được từ chối quyền sử dụng (tiếp)",
    "Bên nhận được từ chối quyền sử dụng khi cơ quan có thẩm quyền yêu cầu dừng triển khai tại địa phương "
    "trong phạm vi Biên bản, hoặc khi Bên giao thay đổi điều kiện sử dụng làm phát sinh nghĩa vụ mới mà Bên "
    "nhận không thể đáp ứng; Bên nhận vẫn thực hiện đầy đủ nghĩa vụ bàn giao lại dữ liệu và hệ thống.",
)


def fill(text, agreement_like):
    """Fill the placeholders from an agreement (or a dict with the same keys)."""
    return text.format_map(_Values(agreement_like))


class _Values(dict):
    def __init__(self, source):
        super().__init__(source)

    def __missing__(self, key):
        return "{" + key + "}"
