"""The words of every notice: templates/notices/<kind>.txt, the subject on the first line, every word
an English source marked for translation (the mail reads them in Vietnamese, the app in the reader's
language), names and reasons as written (mail is plain text: nothing HTML-escaped), and the link last."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from core.notices import MULTILINE, render

REVIEW = {"agreement": "#5", "partner": "VNPT-IT", "subject": "Bàn giao quyền sử dụng", "version": "v2",
          "addressee": "Cục Khoa học công nghệ và Đào tạo", "letter_number": "442/CNTT-TTUD",
          "letter_date": "01/02/2026", "due_on": "15/02/2026"}
EVIDENCE = {"partner": "VNPT-IT", "code": "PL-01", "title": "Giấy phép kinh doanh", "reason": "Thiếu dấu",
            "valid_from": "01/01/2026", "valid_until": "31/12/2026"}
KINDS = {
    "review_requested": {**REVIEW, "silence_is_agreement": True, "earlier": True},
    "opinion_received": {**REVIEW, "position": "Disagree", "agrees": False, "correction": False},
    "review_due_soon": {**REVIEW, "silence_is_agreement": False},
    "review_overdue": {**REVIEW, "silence_is_agreement": False},
    "returned_for_revision": {**REVIEW, "reason": "Sửa điều 2"},
    "agreement_signed": {**REVIEW, "agreement": "07/BB-CNTT", "signed_on": "20/12/2025", "place": "Hà Nội"},
    "agreement_terminated": {**REVIEW, "terminated_on": "30/06/2026", "reason": "The term ended", "notes": ""},
    "agreement_cancelled": {**REVIEW, "cancelled_on": "01/12/2025", "notes": "Trùng với biên bản khác"},
    "evidence_accepted": EVIDENCE,
    "evidence_rejected": EVIDENCE,
    "evidence_info_requested": EVIDENCE,
    "evidence_answered": {**EVIDENCE, "reason": "Bản có dấu đính kèm.\nXin xem lại."},
    "deployment_report_filed": {**REVIEW, "province": "Hà Nội", "period": "01/01/2026 – 31/03/2026",
                                "facilities_live": 12, "records_created": 3400, "incidents": 0},
    "refusal_filed": {**REVIEW, "request": 3, "article": 9, "provinces": "Hà Nội, Tuyên Quang"},
    "refusal_decided": {**REVIEW, "request": 3, "article": 9, "accepted": True, "status": "Accepted",
                        "outcome": "The provinces asked were released from the scope", "provinces": "Hà Nội",
                        "reason": "Đủ căn cứ"},
    "handback_recorded": {**REVIEW, "kind": "Data handed back", "due_on": "30/07/2026",
                          "notes": "Đã bàn giao cơ sở dữ liệu.\nBiên bản kèm theo."},
    "handback_decided": {**REVIEW, "kind": "Deletion certificate", "due_on": "14/08/2026", "confirmed": False,
                         "reason": "Thiếu chữ ký"},
    "handback_overdue": {**REVIEW, "kind": "Accounts closed", "due_on": "30/07/2026"},
    "province_at_risk": {**REVIEW, "province": "Lào Cai", "risk": "overdue", "cause": "Report overdue",
                         "raised_on": "01/08/2026", "periods": "01/04/2026 – 30/06/2026", "grace_days": 30,
                         "since": "31/07/2026"},
    "province_risk_cleared": {**REVIEW, "province": "Lào Cai", "cause": "Report overdue", "raised_on": "01/08/2026",
                              "cleared_on": "05/08/2026"},
    "audit_sealed": {"link_id": 4812, "hash": "9f" * 32, "mac": "3a" * 32, "sealed_at": "28/11/2026 00:15"},
}
UNMARKED = re.compile(r"{% blocktranslate.*?{% endblocktranslate %}|{% translate \"[^\"]*\" %}|{%.*?%}|"
                      r"{{ (link|notes) }}", re.S)


def test_there_is_a_template_for_each_kind_and_no_other():
    assert {path.stem for path in (settings.BASE_DIR / "templates" / "notices").glob("*.txt")} == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_word_of_a_notice_is_marked_for_translation(kind):
    text = (settings.BASE_DIR / "templates" / "notices" / f"{kind}.txt").read_text()
    assert UNMARKED.sub("", text).strip() == ""


@pytest.mark.parametrize("kind", KINDS)
def test_a_notice_has_a_one_line_subject_and_ends_with_its_link(kind):
    subject, body = render(kind, {**KINDS[kind], "link": "https://hssk.moh.gov.vn/x/"})
    assert subject and "\n" not in subject and "{" not in subject + body
    assert body.endswith(": https://hssk.moh.gov.vn/x/")
    assert "\n\n\n" not in body


@pytest.mark.parametrize("kind", KINDS)
def test_without_a_link_the_body_ends_with_the_text(kind):
    _subject, body = render(kind, KINDS[kind])
    assert not body.endswith(":") and "https://" not in body


def test_names_and_reasons_are_written_as_they_are_not_escaped():
    subject, body = render("returned_for_revision", {**REVIEW, "partner": "Hồng Hà & Co", "reason": "Thêm <điều 5>"})
    assert subject == "The handover minutes with Hồng Hà & Co were returned for revision"
    assert "Reason: Thêm <điều 5>" in body


@pytest.mark.parametrize("kind", KINDS)
def test_the_texts_that_may_hold_several_lines_stay_out_of_the_subject(kind):
    first_line = (settings.BASE_DIR / "templates" / "notices" / f"{kind}.txt").read_text().partition("\n")[0]
    assert not any(f"{{{{ {name} }}}}" in first_line for name in MULTILINE)


def test_a_reason_keeps_its_lines_in_the_body():
    _subject, body = render("evidence_rejected", {**EVIDENCE, "reason": "Thiếu dấu.\nThiếu chữ ký."})
    assert "Reason: Thiếu dấu.\nThiếu chữ ký." in body


def test_a_name_holding_a_line_break_does_not_break_the_subject():
    subject, _body = render("evidence_rejected", {**EVIDENCE, "partner": "VNPT\nIT"})
    assert subject == "VNPT IT: evidence for PL-01 rejected"


def test_a_choice_is_read_in_the_language_of_the_reader():
    params = KINDS["agreement_terminated"]
    with translation.override("vi"):
        assert "Hết thời hạn" in render("agreement_terminated", params)[1]
    assert "Reason: The term ended" in render("agreement_terminated", params)[1]
