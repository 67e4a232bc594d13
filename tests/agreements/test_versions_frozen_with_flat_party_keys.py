"""A version frozen before each party's facts became one value still prints its representatives."""

import pytest

from agreements import minutes_pdf
from agreements.services.review import current_version
from tests.agreements.pdf_reading import text
from tests.factories import in_review

pytestmark = pytest.mark.django_db


def test_a_version_with_the_old_flat_keys_prints_both_representatives_and_titles(drafter, vnpt):
    minutes = dict(current_version(in_review(by=drafter, partner=vnpt)).content["minutes"])
    for side, name, title in (("handing", "Trần Văn Cũ", "Cục trưởng"), ("receiving", "Lê Thị Xưa", "Giám đốc")):
        minutes.pop(side)
        minutes.update({f"{side}_representative": name, f"{side}_title": title, f"{side}_sign_title": title})
    minutes.pop("subject_groups")
    printed = text(minutes_pdf.render_context(minutes))
    assert "Đại diện: Trần Văn Cũ - Chức vụ: Cục trưởng." in printed
    assert "Đại diện: Lê Thị Xưa - Chức vụ: Giám đốc" in printed
    assert "Bàn giao quyền sử dụng để triển khai Phần mềm Hồ sơ sức khỏe điện tử" in printed
