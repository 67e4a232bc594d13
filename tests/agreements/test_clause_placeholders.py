"""Clause texts never type a law (issue 9, item 2): {law:<topic>} names the law of that topic in force
on the signing day, resolved from the library when the minutes are printed; anything else in braces is
refused where a clause or a standard clause is saved, with nothing half saved; and minutes whose clause
names a topic the library has nothing in force for on the day are not sent."""

import datetime

import pytest
from django.urls import reverse

from agreements import minutes_pdf, services
from agreements.models import Agreement, Clause, ClauseTemplate
from core.exceptions import Refused
from core.tracking import tracked_save
from tests.agreements.edit_page_posts import edit_page
from tests.agreements.legal_content import article_number, plan, signed_on_day, write_clause
from tests.agreements.pdf_reading import stored, text
from tests.factories import current_province, draft, old_province
from tests.pages import field_errors

pytestmark = pytest.mark.django_db
S = Agreement.Status
D = datetime.date
Row = services.Row

KNOWN = ("{partner}, {provinces}, {software}, {version}, {term_start}, {term_end} or {law:information_technology}, "
         "{law:cybersecurity}, {law:personal_data}, {law:security_levels}, {law:health_data}, "
         "{law:intellectual_property}, {law:public_assets}, {law:civil_code}, {law:electronic_health_records}")
LAWS = "Bên nhận tuân thủ {law:cybersecurity}. Dữ liệu cá nhân được bảo vệ theo {law:personal_data}."
SECURITY = Clause.Section.SECURITY


def _unknown(token):
    return f"Unknown placeholder “{token}”. Use {KNOWN}."


# Each wrong text, and every reason it is refused with.
WRONG = {
    "an unknown name": ("Triển khai tại {tinh}.", [_unknown("{tinh}")]),
    "a law typed with an unknown topic": ("Theo {law:an_ninh}.", [_unknown("{law:an_ninh}")]),
    "a law without its topic": ("Theo {law}.", [_unknown("{law}")]),
    "a brace left open": ("Từ ngày {term_start đến ngày {term_end}.",
                          ["A brace is not closed or not opened: “Từ ngày {term_start đ”."]),
    "a brace never opened": ("Bên nhận cam kết } bảo mật.",
                             ["A brace is not closed or not opened: “hận cam kết } bảo mật.”."]),
}


def _printed(agreement):
    return text(stored(agreement)) if agreement.signed_on else text(minutes_pdf.render_minutes(agreement))


# --- {law:<topic>} resolves by the signing day in the printed minutes ------------------------------

def test_minutes_signed_in_2019_cite_the_law_of_2019(drafter, signer, vnpt):
    agreement = signed_on_day(D(2019, 12, 20), by=drafter, signer=signer, partner=vnpt, term_start=D(2020, 1, 1),
                              term_end=D(2021, 12, 31), provinces=[old_province("01")],
                              prepare=lambda agreement: write_clause(agreement, drafter, SECURITY, LAWS))
    printed = _printed(agreement)
    assert ("Bên nhận tuân thủ Luật An toàn thông tin mạng số 86/2015/QH13 và Luật An ninh mạng số 24/2018/QH14. "
            "Dữ liệu cá nhân được bảo vệ theo Luật An toàn thông tin mạng số 86/2015/QH13.") in printed
    for later in ("91/2025/QH15", "116/2025/QH15", "356/2025/NĐ-CP", "13/2023/NĐ-CP", "{law:"):
        assert later not in printed


def test_minutes_signed_in_january_2026_cite_the_personal_data_law_and_its_decree(drafter, signer, vnpt):
    agreement = signed_on_day(D(2026, 1, 15), by=drafter, signer=signer, partner=vnpt, term_start=D(2026, 1, 1),
                              term_end=D(2027, 12, 31), provinces=[current_province("01")],
                              prepare=lambda agreement: write_clause(agreement, drafter, SECURITY, LAWS))
    printed = _printed(agreement)
    assert ("Bên nhận tuân thủ Luật An toàn thông tin mạng số 86/2015/QH13 và Luật An ninh mạng số 24/2018/QH14. "
            "Dữ liệu cá nhân được bảo vệ theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định số "
            "356/2025/NĐ-CP.") in printed
    for other in ("116/2025/QH15", "13/2023/NĐ-CP", "{law:"):
        assert other not in printed


def test_minutes_signed_after_1_july_2026_cite_the_cybersecurity_law_of_2025(drafter, signer, vnpt):
    agreement = signed_on_day(D(2026, 7, 15), by=drafter, signer=signer, partner=vnpt, term_start=D(2026, 7, 1),
                              term_end=D(2028, 6, 30), provinces=[current_province("01")],
                              prepare=lambda agreement: write_clause(agreement, drafter, SECURITY, LAWS))
    printed = _printed(agreement)
    assert ("Bên nhận tuân thủ Luật An ninh mạng số 116/2025/QH15. Dữ liệu cá nhân được bảo vệ theo Luật Bảo vệ dữ "
            "liệu cá nhân số 91/2025/QH15 và Nghị định số 356/2025/NĐ-CP.") in printed
    for ended in ("86/2015/QH13", "24/2018/QH14", "{law:"):
        assert ended not in printed


def test_a_signing_recorded_days_later_cites_the_law_of_the_signing_day(drafter, signer, vnpt):
    # Signed on 30/06/2026, the last day of Law 86/2015 and Law 24/2018; recorded on 02/07/2026.
    agreement = signed_on_day(D(2026, 6, 30), by=drafter, signer=signer, partner=vnpt, term_start=D(2026, 1, 1),
                              term_end=D(2027, 12, 31), provinces=[current_province("01")], recorded_on=D(2026, 7, 2),
                              prepare=lambda agreement: write_clause(agreement, drafter, SECURITY, LAWS))
    printed = _printed(agreement)
    assert ("Bên nhận tuân thủ Luật An toàn thông tin mạng số 86/2015/QH13 và Luật An ninh mạng số 24/2018/QH14."
            in printed)
    assert "116/2025/QH15" not in printed


@pytest.mark.parametrize("planned, personal_data", [
    (D(2024, 6, 1), "Nghị định số 13/2023/NĐ-CP"),
    (D(2026, 1, 1), "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định số 356/2025/NĐ-CP"),
], ids=["2024", "2026"])
def test_a_draft_prints_the_law_of_its_planned_signing_day(drafter, planned, personal_data):
    agreement = plan(draft(by=drafter), drafter, planned)
    write_clause(agreement, drafter, SECURITY, "Theo {law:personal_data}.")
    assert f"Theo {personal_data}." in _printed(agreement)


def test_the_agreement_facts_and_the_law_resolve_together(drafter, vnpt):
    agreement = plan(draft(by=drafter, partner=vnpt), drafter, D(2026, 7, 1))
    write_clause(agreement, drafter, SECURITY, "{partner} triển khai {software} từ ngày {term_start} theo "
                                               "{law:cybersecurity}.")
    assert (f"{vnpt.legal_name} triển khai Phần mềm Hồ sơ sức khỏe điện tử từ ngày 01/01/2026 theo Luật An ninh mạng "
            "số 116/2025/QH15.") in _printed(agreement)


# --- saving a clause: the drafting service and the edit page ---------------------------------------

@pytest.mark.parametrize("wrong", WRONG)
def test_the_drafting_service_refuses_a_clause_with_a_wrong_placeholder(drafter, wrong):
    written, reasons = WRONG[wrong]
    agreement = draft(by=drafter)
    with pytest.raises(Refused) as refused:
        write_clause(agreement, drafter, SECURITY, written)
    assert refused.value.reasons == reasons
    assert agreement.clauses.get(section=SECURITY).text == "Nội dung security"


def test_the_drafting_service_saves_a_clause_with_known_placeholders(drafter):
    agreement = draft(by=drafter)
    written = "{partner} tại {provinces}, {software} {version}, {term_start}–{term_end}, theo {law:health_data}."
    write_clause(agreement, drafter, SECURITY, written)
    assert agreement.clauses.get(section=SECURITY).text == written


def test_a_refused_clause_leaves_nothing_of_the_same_save_behind(drafter):
    agreement = draft(by=drafter)
    clauses = {c.section: c for c in agreement.clauses.all()}
    before = list(agreement.legal_bases.values_list("pk", "citation"))
    with pytest.raises(Refused):
        services.agreement_update(
            agreement=agreement, by=drafter, header={"software_version": "9.9"},
            legal_bases=[Row(pk, {}) for pk, _citation in before[1:]],
            clauses=[Row(c.pk, {"text": "Đã sửa"} if c.section == Clause.Section.OWNERSHIP
                                else {"text": "Tại {tinh}."} if c.section == SECURITY else {})
                     for c in clauses.values()])
    agreement.refresh_from_db()
    assert agreement.software_version == "2.1"
    assert list(agreement.legal_bases.values_list("pk", "citation")) == before
    assert agreement.clauses.get(section=Clause.Section.OWNERSHIP).text == "Nội dung ownership"
    assert agreement.clauses.get(section=SECURITY).text == "Nội dung security"


def _edit_page_with(agreement, section, written, **changes):
    data = edit_page(agreement, handing_honorific="Ông", receiving_honorific="Bà", planned_signing_on="", **changes)
    index = [c.section for c in agreement.clauses.order_by("position", "pk")].index(section)
    data[f"clauses-{index}-text"] = written
    return data, index


def test_the_edit_page_marks_a_wrong_placeholder_beside_the_clause_and_saves_nothing(login, drafter):
    agreement = draft(by=drafter)
    data, index = _edit_page_with(agreement, SECURITY, "Triển khai tại {tinh}.", software_version="9.9")
    response = login(drafter).post(reverse("agreements:edit", args=[agreement.pk]), data)
    assert response.status_code == 200
    assert response.context["clauses"].forms[index].errors["text"] == [_unknown("{tinh}")]
    agreement.refresh_from_db()
    assert agreement.software_version == "2.1"
    assert agreement.clauses.get(section=SECURITY).text == "Nội dung security"


def test_the_edit_page_saves_a_clause_with_a_law_placeholder(login, drafter):
    agreement = draft(by=drafter)
    data, _index = _edit_page_with(agreement, SECURITY, "Theo {law:personal_data}.")
    response = login(drafter).post(reverse("agreements:edit", args=[agreement.pk]), data)
    assert response.status_code == 302
    assert agreement.clauses.get(section=SECURITY).text == "Theo {law:personal_data}."


# --- saving a standard clause: the library service and its page -----------------------------------

def _standard(section=Clause.Section.EFFECT):
    return ClauseTemplate.objects.get(section=section)


@pytest.mark.parametrize("wrong", WRONG)
def test_the_library_refuses_a_standard_clause_changed_to_a_wrong_placeholder(drafter, wrong):
    written, reasons = WRONG[wrong]
    template = _standard()
    before = (template.heading, template.text)
    with pytest.raises(Refused) as refused:
        services.library_entry_save(by=drafter, entry=template, heading="Hiệu lực (sửa)", text=written)
    assert refused.value.reasons == reasons
    template.refresh_from_db()
    assert (template.heading, template.text) == before


def test_the_library_saves_a_standard_clause_with_known_placeholders(drafter):
    template = services.library_entry_save(by=drafter, entry=_standard(),
                                           text="Có hiệu lực đến hết ngày {term_end}, theo {law:civil_code}.")
    template.refresh_from_db()
    assert template.text == "Có hiệu lực đến hết ngày {term_end}, theo {law:civil_code}."


def _library_page(template, written):
    return {"section": template.section, "heading": template.heading, "text": written,
            "position": str(template.position), "active": "on"}


def test_the_library_page_marks_a_wrong_placeholder_beside_the_text(login, drafter):
    template = _standard()
    before = template.text
    response = login(drafter).post(reverse("agreements:library_edit", args=["clauses", template.pk]),
                                   _library_page(template, "Hiệu lực từ {ngay_ky}."))
    assert response.status_code == 200
    assert field_errors(response, "text") == [_unknown("{ngay_ky}")]
    template.refresh_from_db()
    assert template.text == before


def test_the_library_page_saves_a_standard_clause_with_known_placeholders(login, drafter):
    template = _standard()
    response = login(drafter).post(reverse("agreements:library_edit", args=["clauses", template.pk]),
                                   _library_page(template, "Hiệu lực đến hết ngày {term_end}."))
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.text == "Hiệu lực đến hết ngày {term_end}."


# --- sending: every law a clause names must be in the library on the day --------------------------

def _send_refusals(agreement, by):
    with pytest.raises(services.TransitionRefused) as refused:
        services.agreement_send_for_review(agreement=agreement, by=by)
    agreement.refresh_from_db()
    assert agreement.status == S.DRAFT
    return refused.value.reasons


def test_sending_is_refused_when_a_clause_names_a_topic_with_nothing_in_force_that_day(drafter):
    agreement = plan(draft(by=drafter), drafter, D(2025, 6, 30))  # Decree 102/2025 applies from 01/07/2025
    write_clause(agreement, drafter, SECURITY, "Dữ liệu y tế được quản lý theo {law:health_data}.")
    assert _send_refusals(agreement, drafter) == [
        f"Article {article_number(SECURITY)} cites the law on “Health data”, but the library has no document on it "
        "in force on 30/06/2025."]


def test_sending_is_allowed_once_the_topic_has_a_document_in_force(drafter):
    agreement = plan(draft(by=drafter), drafter, D(2025, 7, 1))
    write_clause(agreement, drafter, SECURITY, "Dữ liệu y tế được quản lý theo {law:health_data}.")
    assert services.agreement_send_for_review(agreement=agreement, by=drafter).status == S.REVIEW


def test_sending_is_refused_when_a_clause_saved_before_the_rule_holds_an_unknown_placeholder(drafter):
    agreement = draft(by=drafter)
    legacy = agreement.clauses.get(section=SECURITY)  # a row saved before the rule: written past its check
    legacy.text = "Triển khai tại {tinh}."
    tracked_save(legacy, by=drafter, reason="Dữ liệu cũ")
    assert _send_refusals(agreement, drafter) == [f"Article {article_number(SECURITY)}: {_unknown('{tinh}')}"]


def test_a_standard_clause_inserted_before_the_term_was_set_prints_the_term(drafter):
    agreement = draft(by=drafter, complete=False)
    services.agreement_add_standard_clauses(agreement=agreement, by=drafter)
    agreement = services.agreement_update(agreement=agreement, by=drafter, provinces=[current_province("01")],
                                          header={"term_start": D(2026, 1, 1), "term_end": D(2027, 12, 31)})
    receiving = next(article for article in minutes_pdf.minutes_context(agreement, draft=True)["articles"]
                     if article["heading"] == "Quyền và nghĩa vụ của Bên nhận")
    assert "từ ngày 01/01/2026 đến ngày 31/12/2027" in receiving["paragraphs"][0]
    assert "…" not in " ".join(receiving["paragraphs"])
