"""The standard clause wording of the library, one clause per section of the minutes, in print order.

Grounded in the seed letter 832/KHĐT-VP (ownership and copyright stay with the Ministry; safety of
personal information from data entry to storage; rights and obligations in balance; the specific cases
in which the receiving party may refuse the right to use; what happens when it abandons the work) and
in DOMAIN.md. The minutes print "Điều 1. Phạm vi bàn giao" themselves, so these become Điều 2, 3, …
A data migration loads CLAUSES into ClauseTemplate. Texts hold only the placeholders of
agreements.placeholders and never type a law's number: {law:<topic>} names the law in force on the
signing day. Articles refer to one another by subject, not by number, so a drafter may add a clause."""

CLAUSES = [
    # section, heading, text
    ("ownership", "Quyền sở hữu và quyền tác giả", "\n".join([
        "1. {software}, phiên bản {version}, bao gồm mã nguồn, cơ sở dữ liệu, tài liệu kỹ thuật, tài liệu hướng "
        "dẫn và các bản cập nhật, nâng cấp, là tài sản của Bộ Y tế. Quyền sở hữu và quyền tác giả đối với phần "
        "mềm thuộc Bộ Y tế theo quy định của {law:intellectual_property}.",
        "2. Việc bàn giao theo Biên bản này là bàn giao quyền sử dụng phần mềm để triển khai, không tính giá trị "
        "phần mềm và không chuyển giao cho Bên nhận quyền sở hữu, quyền tác giả hoặc bất kỳ quyền sở hữu trí tuệ "
        "nào khác đối với phần mềm.",
        "3. Các sửa đổi, cải tiến, tính năng bổ sung và tài liệu do Bên nhận xây dựng trên cơ sở phần mềm, khi "
        "được Bên giao chấp thuận, thuộc quyền sở hữu của Bộ Y tế và được Bên nhận bàn giao đầy đủ cho Bên giao "
        "khi có yêu cầu hoặc khi chấm dứt việc bàn giao quyền sử dụng.",
        "4. Dữ liệu hồ sơ sức khỏe điện tử được tạo lập, cập nhật trên phần mềm thuộc quyền quản lý của Bộ Y tế; "
        "Bên nhận không có quyền sở hữu và không được khai thác, sử dụng dữ liệu ngoài phạm vi, mục đích quy định "
        "tại Biên bản này.",
        "5. Bên nhận không được chuyển nhượng, bán, cho thuê, cho mượn hoặc cấp quyền sử dụng lại phần mềm cho tổ "
        "chức, cá nhân khác; không được đăng ký quyền sở hữu trí tuệ đối với phần mềm hoặc các sửa đổi, cải tiến "
        "phần mềm; không được gỡ bỏ, thay đổi thông tin về chủ sở hữu phần mềm trên giao diện và tài liệu.",
    ])),
    ("handing_party", "Quyền và nghĩa vụ của Bên giao", "\n".join([
        "1. Bàn giao cho Bên nhận bộ cài đặt {software}, phiên bản {version}, tài liệu kỹ thuật, tài liệu hướng "
        "dẫn cài đặt, vận hành và sử dụng; cung cấp các bản cập nhật, bản vá lỗi trong suốt thời hạn bàn giao.",
        "2. Hướng dẫn, hỗ trợ kỹ thuật và tập huấn cho nhân sự của Bên nhận trong quá trình triển khai tại "
        "{provinces}.",
        "3. Cung cấp bản vá hoặc hướng dẫn biện pháp khắc phục lỗ hổng bảo mật nghiêm trọng của phần mềm trong "
        "thời hạn 15 ngày kể từ ngày nhận được thông báo của Bên nhận.",
        "4. Ban hành, điều chỉnh điều kiện cần và đủ và điều kiện sử dụng phần mềm; thông báo bằng văn bản cho Bên "
        "nhận về việc thay đổi điều kiện sử dụng ít nhất 30 ngày trước ngày điều kiện mới được áp dụng.",
        "5. Kiểm tra, giám sát việc triển khai và việc tuân thủ các quy định về an toàn thông tin, bảo vệ dữ liệu "
        "cá nhân của Bên nhận; yêu cầu Bên nhận báo cáo định kỳ, báo cáo đột xuất và cung cấp thông tin, tài liệu "
        "có liên quan.",
        "6. Yêu cầu Bên nhận tạm dừng ngay hoạt động xử lý dữ liệu có liên quan khi phát hiện nguy cơ mất an toàn "
        "thông tin hoặc vi phạm quy định về bảo vệ dữ liệu cá nhân.",
        "7. Thông báo cho Sở Y tế các tỉnh, thành phố trong phạm vi bàn giao về việc bàn giao quyền sử dụng phần "
        "mềm cho Bên nhận; phối hợp với Sở Y tế chỉ đạo việc triển khai.",
        "8. Bảo đảm phạm vi bàn giao cho Bên nhận không trùng với phạm vi đã bàn giao cho đơn vị khác đối với cùng "
        "phần mềm trong cùng thời hạn.",
        "9. Thực hiện trách nhiệm của bên kiểm soát dữ liệu cá nhân theo quy định tại Biên bản này và quy định của "
        "{law:personal_data}.",
    ])),
    ("receiving_party", "Quyền và nghĩa vụ của Bên nhận", "\n".join([
        "1. Được sử dụng phần mềm để triển khai miễn phí tại {provinces} từ ngày {term_start} đến ngày {term_end}, "
        "đúng phạm vi và mục đích quy định tại Biên bản này.",
        "2. Được Bên giao bàn giao tài liệu, cung cấp bản cập nhật, hướng dẫn và hỗ trợ kỹ thuật; được thông báo "
        "trước về việc thay đổi điều kiện sử dụng; được từ chối quyền sử dụng trong các trường hợp quy định tại "
        "Biên bản này.",
        "3. Tự bảo đảm nhân lực, hạ tầng kỹ thuật và kinh phí triển khai, vận hành; không thu bất kỳ khoản phí nào "
        "của người dân đối với việc tạo lập, cập nhật, tra cứu và sử dụng hồ sơ sức khỏe điện tử trên phần mềm.",
        "4. Duy trì đầy đủ các điều kiện cần và đủ do Bộ Y tế ban hành trong suốt thời hạn bàn giao; thông báo "
        "bằng văn bản cho Bên giao trong thời hạn 05 ngày làm việc kể từ ngày không còn đáp ứng một điều kiện bất "
        "kỳ.",
        "5. Không tự ý sửa đổi mã nguồn, cấu trúc cơ sở dữ liệu hoặc kết nối, tích hợp phần mềm với hệ thống khác "
        "khi chưa được Bên giao chấp thuận bằng văn bản.",
        "6. Báo cáo Bên giao bằng văn bản định kỳ 06 tháng một lần về tình hình, kết quả triển khai tại từng tỉnh "
        "và tình hình bảo đảm an toàn thông tin, bảo vệ dữ liệu cá nhân; kỳ báo cáo đầu tiên tính từ ngày "
        "{term_start}; báo cáo gửi chậm nhất 15 ngày kể từ ngày kết thúc kỳ báo cáo.",
        "7. Phối hợp với Sở Y tế và các cơ sở y tế tại các tỉnh trong phạm vi bàn giao để triển khai; hỗ trợ người "
        "dân trong quá trình sử dụng.",
        "8. Chịu sự kiểm tra, giám sát của Bên giao và cơ quan nhà nước có thẩm quyền; tạo điều kiện để Bên giao "
        "kiểm tra hệ thống, nhật ký hệ thống và dữ liệu khi có yêu cầu.",
        "9. Thực hiện đúng các quy định về quyền sở hữu, an toàn thông tin, bảo vệ dữ liệu cá nhân, bảo mật thông "
        "tin và bàn giao lại dữ liệu, hệ thống tại Biên bản này.",
    ])),
    ("security", "An toàn thông tin và bảo vệ dữ liệu cá nhân", "\n".join([
        "1. Bên nhận tuân thủ nguyên tắc bảo đảm an toàn, an ninh thông tin, đặc biệt là dữ liệu cá nhân, trong "
        "toàn bộ quá trình triển khai, từ khâu nhập dữ liệu đến khai thác, quản lý, sử dụng và lưu trữ thông tin, "
        "theo quy định của {law:cybersecurity} và {law:personal_data}.",
        "2. Bộ Y tế là bên kiểm soát dữ liệu cá nhân; Bên nhận là bên xử lý dữ liệu cá nhân, chỉ xử lý dữ liệu cá "
        "nhân trong phạm vi, mục đích quy định tại Biên bản này và theo chỉ dẫn bằng văn bản của Bộ Y tế; không xử "
        "lý dữ liệu cá nhân cho mục đích khác; không mua, bán, cung cấp dữ liệu cho tổ chức, cá nhân khác.",
        "3. Dữ liệu về tình trạng sức khỏe, khám bệnh, chữa bệnh của người dân được xác định là dữ liệu cá nhân "
        "nhạy cảm và được bảo vệ theo quy định của {law:personal_data}.",
        "4. Hệ thống thông tin triển khai phần mềm phải được xác định cấp độ, phê duyệt hồ sơ đề xuất cấp độ và áp "
        "dụng phương án bảo đảm an toàn thông tin tối thiểu cấp độ 3 theo quy định của {law:security_levels} "
        "trước khi đưa vào vận hành.",
        "5. Toàn bộ dữ liệu, kể cả bản sao lưu, được lưu trữ trên hạ tầng đặt tại Việt Nam; Bên nhận không chuyển "
        "dữ liệu cá nhân ra nước ngoài và không cho phép truy cập dữ liệu từ nước ngoài dưới bất kỳ hình thức nào.",
        "6. Bên nhận chỉ được thuê tổ chức, cá nhân khác tham gia xử lý dữ liệu cá nhân khi có sự đồng ý trước bằng "
        "văn bản của Bộ Y tế; tổ chức, cá nhân đó phải thực hiện các nghĩa vụ như quy định đối với Bên nhận tại "
        "Điều này theo hợp đồng ký với Bên nhận; Bên nhận chịu trách nhiệm trước Bộ Y tế về việc xử lý dữ liệu của "
        "tổ chức, cá nhân đó.",
        "7. Bên nhận chỉ định bộ phận và nhân sự chịu trách nhiệm bảo vệ dữ liệu cá nhân; thông báo bằng văn bản "
        "cho Bên giao họ tên, chức vụ, thông tin liên hệ của nhân sự này trước khi bắt đầu xử lý dữ liệu và khi "
        "có thay đổi.",
        "8. Bên nhận lập hồ sơ đánh giá tác động xử lý dữ liệu cá nhân trong thời hạn 60 ngày kể từ ngày bắt đầu "
        "xử lý dữ liệu cá nhân và gửi Bên giao 01 bản; gửi hồ sơ đến cơ quan có thẩm quyền khi pháp luật về bảo "
        "vệ dữ liệu cá nhân có yêu cầu.",
        "9. Bên nhận phân quyền truy cập theo nguyên tắc tối thiểu cần thiết; ghi và lưu giữ nhật ký truy cập; mã "
        "hóa dữ liệu cá nhân nhạy cảm khi lưu trữ và truyền đưa; sao lưu dữ liệu định kỳ; chỉ cho phép nhân sự đã "
        "cam kết bảo mật được truy cập dữ liệu.",
        "10. Khi phát hiện sự cố an toàn thông tin hoặc hành vi vi phạm quy định về bảo vệ dữ liệu cá nhân, Bên "
        "nhận:",
        "a) Thông báo cho Bên giao ngay khi phát hiện;",
        "b) Thông báo cho Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao) trong thời "
        "hạn 72 giờ kể từ khi phát hiện, đồng thời gửi Bên giao bản sao thông báo;",
        "c) Áp dụng ngay các biện pháp ngăn chặn, khắc phục hậu quả, lưu giữ chứng cứ và phối hợp với Bên giao, cơ "
        "quan có thẩm quyền trong quá trình xử lý.",
        "11. Bên nhận hỗ trợ Bộ Y tế tiếp nhận, giải quyết yêu cầu của chủ thể dữ liệu cá nhân trong thời hạn do "
        "pháp luật quy định; chuyển ngay cho Bên giao yêu cầu mà Bên nhận nhận được trực tiếp từ chủ thể dữ liệu "
        "cá nhân.",
        "12. Khi chấm dứt việc bàn giao quyền sử dụng, Bên nhận bàn giao lại và xóa dữ liệu cá nhân theo quy định "
        "về bàn giao lại dữ liệu, hệ thống tại Biên bản này.",
    ])),
    ("confidentiality", "Bảo mật thông tin", "\n".join([
        "1. Thông tin bí mật của Bộ Y tế theo Biên bản này gồm: mã nguồn, tài liệu thiết kế, tài liệu kỹ thuật của "
        "phần mềm; dữ liệu trên hệ thống; tài khoản, mật khẩu, khóa mã hóa; thông tin về cấu hình, lỗ hổng bảo mật "
        "của hệ thống và các thông tin khác được Bên giao xác định là bí mật.",
        "2. Bên nhận chỉ sử dụng thông tin bí mật để triển khai phần mềm theo Biên bản này; chỉ cung cấp cho nhân "
        "sự trực tiếp thực hiện công việc và đã cam kết bảo mật; không tiết lộ cho tổ chức, cá nhân khác khi chưa "
        "có sự đồng ý bằng văn bản của Bên giao, trừ trường hợp cung cấp theo yêu cầu của cơ quan nhà nước có thẩm "
        "quyền theo quy định của pháp luật và có thông báo cho Bên giao.",
        "3. Bên nhận chịu trách nhiệm về việc tiết lộ thông tin bí mật do nhân sự của mình hoặc tổ chức, cá nhân do "
        "mình thuê gây ra.",
        "4. Nghĩa vụ bảo mật thông tin tiếp tục có hiệu lực trong thời hạn 05 năm kể từ ngày chấm dứt việc bàn "
        "giao quyền sử dụng; nghĩa vụ bảo mật đối với dữ liệu cá nhân không giới hạn thời hạn.",
    ])),
    ("refusal", "Trường hợp Bên nhận được từ chối quyền sử dụng", "\n".join([
        "Bên nhận được từ chối quyền sử dụng phần mềm trong các trường hợp sau đây, bằng văn bản gửi Bên giao nêu "
        "rõ trường hợp được viện dẫn, trong thời hạn quy định cho từng trường hợp:",
        "1. Bên giao không cung cấp bản vá hoặc biện pháp khắc phục lỗ hổng bảo mật nghiêm trọng trong thời hạn "
        "15 ngày kể từ ngày nhận được thông báo của Bên nhận: Bên nhận thông báo từ chối ngay khi hết thời hạn "
        "này.",
        "2. Việc tiếp tục sử dụng phần mềm sẽ dẫn đến vi phạm pháp luật về bảo vệ dữ liệu cá nhân hoặc an ninh "
        "mạng mà Bên nhận không thể khắc phục bằng các biện pháp trong phạm vi của mình: Bên nhận thông báo từ chối "
        "ngay khi xác định được nguy cơ vi phạm và tạm dừng ngay hoạt động xử lý dữ liệu có liên quan.",
        "3. Bên giao thay đổi điều kiện sử dụng làm phát sinh nghĩa vụ mới mà Bên nhận không thể đáp ứng: Bên nhận "
        "thông báo từ chối trong thời hạn 30 ngày kể từ ngày nhận được văn bản thông báo thay đổi của Bên giao; "
        "cho đến khi bàn giao lại xong, Bên nhận tiếp tục thực hiện theo điều kiện sử dụng trước khi thay đổi, "
        "trừ các thay đổi nhằm bảo đảm an toàn thông tin, bảo vệ dữ liệu cá nhân.",
        "4. Cơ quan nhà nước có thẩm quyền yêu cầu dừng triển khai phần mềm tại một tỉnh trong phạm vi bàn giao: "
        "Bên nhận thông báo từ chối quyền sử dụng đối với tỉnh đó ngay khi nhận được yêu cầu; việc bàn giao quyền "
        "sử dụng tại các tỉnh còn lại không thay đổi.",
        "5. Bên giao không thực hiện nghĩa vụ bàn giao bản cập nhật, hướng dẫn, hỗ trợ kỹ thuật theo Biên bản này "
        "làm Bên nhận không thể tiếp tục triển khai và không khắc phục trong thời hạn 30 ngày kể từ ngày nhận được "
        "văn bản đề nghị của Bên nhận: Bên nhận thông báo từ chối trong thời hạn 15 ngày kể từ ngày hết thời hạn "
        "khắc phục.",
        "Việc từ chối quyền sử dụng có hiệu lực kể từ ngày Bên giao nhận được văn bản thông báo của Bên nhận. Bên "
        "nhận không phải bồi thường thiệt hại do việc từ chối quyền sử dụng đúng quy định tại Điều này.",
        "Sau khi từ chối, Bên nhận vẫn tiếp tục vận hành hệ thống bảo đảm không gián đoạn dịch vụ cho đến khi bàn "
        "giao lại xong, trừ phần hoạt động phải dừng theo khoản 2 và khoản 4 Điều này; bàn giao lại dữ liệu, hệ "
        "thống, tài khoản quản trị, tài liệu trong thời hạn 30 ngày kể từ ngày Bên giao nhận được văn bản từ chối "
        "và xóa dữ liệu cá nhân theo trình tự quy định đối với trường hợp Bên nhận bỏ dở việc triển khai tại Biên "
        "bản này.",
    ])),
    ("abandonment", "Trường hợp Bên nhận bỏ dở việc triển khai", "\n".join([
        "1. Bên nhận bị coi là bỏ dở việc triển khai khi thuộc một trong các trường hợp sau:",
        "a) Thông báo bằng văn bản về việc không tiếp tục triển khai tại một hoặc một số tỉnh trong phạm vi bàn "
        "giao mà không thuộc trường hợp được từ chối quyền sử dụng quy định tại Biên bản này;",
        "b) Không gửi báo cáo tình hình triển khai trong 02 kỳ báo cáo 06 tháng liên tiếp;",
        "c) Chưa bắt đầu triển khai tại một tỉnh trong phạm vi bàn giao sau 06 tháng kể từ ngày {term_start};",
        "d) Để hệ thống ngừng hoạt động quá 15 ngày liên tục mà không thông báo cho Bên giao, trừ trường hợp sự "
        "kiện bất khả kháng.",
        "2. Trong các trường hợp quy định tại các điểm b, c và d khoản 1 Điều này, Bên giao gửi văn bản nhắc nhở; "
        "trong thời hạn 15 ngày kể từ ngày nhận được văn bản nhắc nhở, Bên nhận phải khắc phục và báo cáo bằng "
        "văn bản cho Bên giao. Hết thời hạn này mà Bên nhận không khắc phục, hoặc trong trường hợp quy định tại "
        "điểm a khoản 1 Điều này, Bên giao thông báo bằng văn bản cho Bên nhận về việc xác định Bên nhận bỏ dở việc "
        "triển khai.",
        "3. Kể từ ngày gửi thông báo quy định tại khoản 2 Điều này, Bên giao có quyền trực tiếp tiếp nhận, vận hành "
        "hệ thống hoặc giao các tỉnh liên quan cho đơn vị khác đáp ứng đầy đủ điều kiện cần và đủ để tiếp tục "
        "triển khai; Bên giao thông báo cho Sở Y tế các tỉnh liên quan.",
        "4. Bên nhận tiếp tục vận hành hệ thống bảo đảm không gián đoạn dịch vụ cho đến khi ký biên bản bàn giao "
        "lại với Bên giao hoặc đơn vị được Bên giao chỉ định.",
        "5. Trong thời hạn 30 ngày kể từ ngày nhận được thông báo của Bên giao quy định tại khoản 2 Điều này, Bên "
        "nhận bàn giao lại đầy đủ, toàn vẹn dữ liệu, hệ thống, tài khoản quản trị và tài liệu cho Bên giao hoặc "
        "đơn vị được Bên giao chỉ định; việc bàn giao lại được lập thành biên bản.",
        "6. Trong thời hạn 15 ngày kể từ ngày ký biên bản bàn giao lại, Bên nhận xóa toàn bộ dữ liệu cá nhân còn "
        "lưu giữ, kể cả bản sao lưu, bảo đảm không thể khôi phục và gửi Bên giao biên bản xác nhận xóa dữ liệu.",
        "7. Bên nhận chịu chi phí bàn giao lại, chuyển đổi và bồi thường thiệt hại phát sinh do việc bỏ dở việc "
        "triển khai gây ra.",
    ])),
    ("termination", "Chấm dứt việc bàn giao quyền sử dụng", "\n".join([
        "1. Việc bàn giao quyền sử dụng phần mềm chấm dứt trong các trường hợp sau:",
        "a) Hết thời hạn bàn giao mà hai bên không ký phụ lục gia hạn;",
        "b) Hai bên thỏa thuận chấm dứt bằng văn bản;",
        "c) Bên nhận từ chối quyền sử dụng theo một trong các trường hợp quy định tại Biên bản này;",
        "d) Bên nhận vi phạm nghiêm trọng nghĩa vụ theo Biên bản này, kể cả để xảy ra sự cố an toàn thông tin hoặc "
        "sự cố lộ, mất dữ liệu cá nhân do lỗi của Bên nhận;",
        "đ) Bên nhận bỏ dở việc triển khai;",
        "e) Bên nhận không còn đáp ứng điều kiện cần và đủ và không khắc phục được trong thời hạn 30 ngày kể từ "
        "ngày nhận được thông báo của Bên giao.",
        "2. Trong trường hợp quy định tại điểm d khoản 1 Điều này, Bên giao gửi văn bản yêu cầu Bên nhận khắc phục "
        "trong thời hạn 15 ngày kể từ ngày Bên nhận nhận được văn bản; đối với sự cố an toàn thông tin hoặc sự cố "
        "dữ liệu cá nhân nghiêm trọng, Bên giao có quyền chấm dứt ngay. Bên giao thông báo việc chấm dứt bằng văn "
        "bản cho Bên nhận và Sở Y tế các tỉnh liên quan.",
        "3. Bên nhận bàn giao lại đầy đủ dữ liệu, hệ thống, tài khoản quản trị và tài liệu trong thời hạn 30 ngày "
        "kể từ: ngày hết thời hạn bàn giao, đối với trường hợp quy định tại điểm a; ngày ký văn bản thỏa thuận "
        "chấm dứt, đối với trường hợp quy định tại điểm b; ngày Bên giao nhận được văn bản từ chối, đối với trường "
        "hợp quy định tại điểm c; ngày Bên nhận nhận được thông báo chấm dứt của Bên giao, đối với các trường hợp "
        "quy định tại các điểm d, đ và e khoản 1 Điều này.",
        "4. Trong thời hạn 15 ngày kể từ ngày ký biên bản bàn giao lại, Bên nhận xóa toàn bộ dữ liệu cá nhân còn "
        "lưu giữ, kể cả bản sao lưu, bảo đảm không thể khôi phục và gửi Bên giao biên bản xác nhận xóa dữ liệu.",
        "5. Cho đến khi bàn giao lại xong, Bên nhận tiếp tục vận hành hệ thống bảo đảm không gián đoạn dịch vụ, trừ "
        "trường hợp phải dừng theo yêu cầu của Bên giao hoặc cơ quan nhà nước có thẩm quyền.",
        "6. Việc chấm dứt không làm chấm dứt nghĩa vụ bàn giao lại, xóa dữ liệu, bảo mật thông tin và bồi thường "
        "thiệt hại của các bên.",
    ])),
    ("force_majeure", "Sự kiện bất khả kháng", "\n".join([
        "1. Sự kiện bất khả kháng là sự kiện xảy ra một cách khách quan không thể lường trước được và không thể "
        "khắc phục được mặc dù đã áp dụng mọi biện pháp cần thiết và khả năng cho phép, theo quy định của "
        "{law:civil_code}.",
        "2. Bên gặp sự kiện bất khả kháng thông báo bằng văn bản cho bên kia trong thời hạn 05 ngày kể từ ngày xảy "
        "ra sự kiện, nêu rõ sự kiện, ảnh hưởng đến việc thực hiện nghĩa vụ, thời gian dự kiến và biện pháp khắc "
        "phục.",
        "3. Trong thời gian xảy ra sự kiện bất khả kháng, việc thực hiện các nghĩa vụ bị ảnh hưởng được tạm dừng và "
        "bên gặp sự kiện không phải chịu trách nhiệm về việc không thực hiện các nghĩa vụ đó; khi sự kiện chấm dứt, "
        "các bên tiếp tục thực hiện nghĩa vụ. Trường hợp sự kiện bất khả kháng kéo dài làm Bên nhận không thể tiếp "
        "tục triển khai, hai bên thỏa thuận việc tiếp tục hoặc chấm dứt việc bàn giao quyền sử dụng.",
        "4. Trong thời gian xảy ra sự kiện bất khả kháng, các bên vẫn thực hiện nghĩa vụ về an toàn thông tin, bảo "
        "vệ dữ liệu cá nhân và bảo mật thông tin ở mức cao nhất có thể, kể cả việc thông báo sự cố theo quy định "
        "tại Biên bản này.",
    ])),
    ("disputes", "Trách nhiệm do vi phạm và giải quyết tranh chấp", "\n".join([
        "1. Bên vi phạm nghĩa vụ theo Biên bản này chịu trách nhiệm bồi thường thiệt hại do hành vi vi phạm của mình "
        "gây ra theo quy định của {law:civil_code}; hành vi vi phạm quy định về an toàn thông tin, bảo vệ dữ liệu "
        "cá nhân còn bị xử lý theo quy định của pháp luật có liên quan.",
        "2. Bên nhận chịu trách nhiệm trước Bộ Y tế và trước pháp luật về thiệt hại do nhân sự của mình hoặc tổ "
        "chức, cá nhân do mình thuê gây ra.",
        "3. Tranh chấp phát sinh được giải quyết trước hết bằng thương lượng; thời hạn thương lượng là 30 ngày kể "
        "từ ngày một bên nhận được văn bản đề nghị thương lượng của bên kia.",
        "4. Hết thời hạn thương lượng mà không đạt được thỏa thuận, một trong hai bên có quyền yêu cầu Tòa án nhân "
        "dân có thẩm quyền của Việt Nam giải quyết.",
        "5. Biên bản này được điều chỉnh và giải thích theo pháp luật Việt Nam.",
    ])),
    ("effect", "Hiệu lực", "\n".join([
        "1. Biên bản này có hiệu lực kể từ ngày ký đến hết ngày {term_end}.",
        "2. Mọi sửa đổi, bổ sung Biên bản này được lập thành phụ lục bằng văn bản có chữ ký của đại diện hai bên; "
        "phụ lục là bộ phận không tách rời của Biên bản.",
        "3. Biên bản được lập thành 04 bản có giá trị pháp lý như nhau, mỗi bên giữ 02 bản.",
    ])),
]

# The refusal clause's cases: {case number: days the receiving party has to give notice, 0 for at once ("ngay")}.
# None may exceed 30, the Ministry's own notice period for changing the conditions of use.
REFUSAL_CASES_NOTICE_DAYS = {1: 0, 2: 0, 3: 30, 4: 0, 5: 15}
