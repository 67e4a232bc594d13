"""The legal library with the dates each document is in force, what replaces it and the topics clause
texts cite it for (DOMAIN.md, "The law the content refers to"); and the standard clauses rewritten so
that no text types a law's number (agreements/library_clauses.py)."""

import datetime

from django.db import migrations

D = datetime.date

# number: (kind, name (laws), issuer, issued, in force from, last day in force, topics, summary)
DOCUMENTS = {
    "91/2015/QH13": ("law", "Bộ luật Dân sự", "Quốc hội", D(2015, 11, 24), D(2017, 1, 1), None, ["civil_code"], ""),
    "50/2005/QH11": ("law", "Luật Sở hữu trí tuệ", "Quốc hội", D(2005, 11, 29), D(2006, 7, 1), None,
                     ["intellectual_property"], ""),
    "67/2006/QH11": ("law", "Luật Công nghệ thông tin", "Quốc hội", D(2006, 6, 29), D(2007, 1, 1), D(2026, 6, 30),
                     ["information_technology"], ""),
    "86/2015/QH13": ("law", "Luật An toàn thông tin mạng", "Quốc hội", D(2015, 11, 19), D(2016, 7, 1),
                     D(2026, 6, 30), ["cybersecurity", "personal_data"], ""),
    "15/2017/QH14": ("law", "Luật Quản lý, sử dụng tài sản công", "Quốc hội", D(2017, 6, 21), D(2018, 1, 1), None,
                     ["public_assets"], ""),
    "24/2018/QH14": ("law", "Luật An ninh mạng", "Quốc hội", D(2018, 6, 12), D(2019, 1, 1), D(2026, 6, 30),
                     ["cybersecurity"], ""),
    "91/2025/QH15": ("law", "Luật Bảo vệ dữ liệu cá nhân", "Quốc hội", D(2025, 6, 26), D(2026, 1, 1), None,
                     ["personal_data"], ""),
    "116/2025/QH15": ("law", "Luật An ninh mạng", "Quốc hội", D(2025, 12, 10), D(2026, 7, 1), None,
                      ["cybersecurity"], ""),
    "148/2025/QH15": ("law", "Luật Chuyển đổi số", "Quốc hội", D(2025, 12, 11), D(2026, 7, 1), None,
                      ["information_technology"], ""),
    "85/2016/NĐ-CP": ("decree", "", "Chính phủ", D(2016, 7, 1), D(2016, 7, 1), None, ["security_levels"],
                      "về bảo đảm an toàn hệ thống thông tin theo cấp độ"),
    "13/2023/NĐ-CP": ("decree", "", "Chính phủ", D(2023, 4, 17), D(2023, 7, 1), D(2025, 12, 31), ["personal_data"],
                      "về bảo vệ dữ liệu cá nhân"),
    "102/2025/NĐ-CP": ("decree", "", "Chính phủ", D(2025, 5, 13), D(2025, 7, 1), None, ["health_data"],
                       "quy định quản lý dữ liệu y tế"),
    "356/2025/NĐ-CP": ("decree", "", "Chính phủ", D(2025, 12, 31), D(2026, 1, 1), None, ["personal_data"],
                       "quy định chi tiết một số điều và biện pháp để tổ chức, hướng dẫn thi hành Luật Bảo vệ dữ "
                       "liệu cá nhân"),
    "12/2022/TT-BTTTT": ("circular", "", "Bộ trưởng Bộ Thông tin và Truyền thông", D(2022, 8, 12), D(2022, 10, 1),
                         None, ["security_levels"],
                         "quy định chi tiết và hướng dẫn một số điều của Nghị định số 85/2016/NĐ-CP ngày 01 tháng 7 "
                         "năm 2016 của Chính phủ về bảo đảm an toàn hệ thống thông tin theo cấp độ"),
    "831/QĐ-BYT": ("decision", "", "Bộ trưởng Bộ Y tế", D(2017, 3, 11), D(2017, 3, 11), None,
                   ["electronic_health_records"],
                   "về việc ban hành mẫu hồ sơ quản lý sức khỏe cá nhân phục vụ chăm sóc sức khỏe ban đầu"),
    "5349/QĐ-BYT": ("decision", "", "Bộ trưởng Bộ Y tế", D(2019, 11, 12), D(2019, 11, 12), None,
                    ["electronic_health_records"], "về việc phê duyệt kế hoạch triển khai hồ sơ sức khỏe điện tử"),
}

SUCCESSORS = {
    "67/2006/QH11": ["148/2025/QH15"],
    "86/2015/QH13": ["116/2025/QH15"],
    "24/2018/QH14": ["116/2025/QH15"],
    "13/2023/NĐ-CP": ["91/2025/QH15", "356/2025/NĐ-CP"],
}


def load(apps, schema_editor):
    LegalDocument = apps.get_model("agreements", "LegalDocument")
    ClauseTemplate = apps.get_model("agreements", "ClauseTemplate")
    documents = {}
    for position, (number, row) in enumerate(DOCUMENTS.items(), start=1):
        kind, name, issuer, issued, start, until, topics, summary = row
        document, _ = LegalDocument.objects.update_or_create(number=number, defaults=dict(
            kind=kind, name=name, issuer=issuer, issued_on=issued, in_force_from=start, in_force_until=until,
            topics=topics, summary=summary, position=position * 10, active=True))
        documents[number] = document
    for number, successors in SUCCESSORS.items():
        documents[number].successors.set([documents[s] for s in successors])

    from agreements.library_clauses import CLAUSES

    ClauseTemplate.objects.all().delete()  # the first texts typed law numbers; no minutes point at a template
    for position, (section, heading, text) in enumerate(CLAUSES, start=1):
        ClauseTemplate.objects.create(section=section, heading=heading, text=text, position=position * 10)


class Migration(migrations.Migration):
    dependencies = [("agreements", "0009_legal_content")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
