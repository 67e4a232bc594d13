"""The clauses signed are the clauses sent for review: a law named by placeholder that changes between
the planned day and the signing day stops the signing; once signed, a clause's placeholders are filled
for good, so no later change to the legal library reaches a signed text."""

import datetime

import pytest

from agreements import minutes_pdf, services
from agreements.models import Agreement, Clause, LegalDocument
from core.tracking import tracked_save
from tests.agreements.legal_content import eligible_draft, plan, sign, write_clause
from tests.agreements.pdf_reading import text
from tests.factories import agreed, current_province, on_day

pytestmark = pytest.mark.django_db
S = Agreement.Status
D = datetime.date
SECURITY = Clause.Section.SECURITY
CYBER = "Bên nhận tuân thủ {law:cybersecurity}."


@pytest.fixture
def sent_for_june(drafter, vnpt):
    """Minutes planned for 20/06/2026, their security clause naming the cybersecurity law, sent that day."""
    agreement = eligible_draft(by=drafter, partner=vnpt, term_start=D(2026, 8, 1), term_end=D(2028, 7, 31),
                               provinces=[current_province("01")], day=D(2026, 6, 20))
    with on_day(D(2026, 6, 20)):
        agreement = plan(write_clause(agreement, drafter, SECURITY, CYBER), drafter, D(2026, 6, 20))
        return agreed(services.agreement_send_for_review(agreement=agreement, by=drafter))


def test_signing_after_the_cited_law_changed_is_refused_naming_the_version(signer, sent_for_june):
    with on_day(D(2026, 7, 2)), pytest.raises(services.TransitionRefused) as refused:
        sign(sent_for_june, signer, D(2026, 7, 2))
    assert refused.value.reasons == [
        "On 02/07/2026 the clauses cite other law than v1 sent for review: return the minutes for revision and "
        "send them again, or sign on a day whose law is the same."]
    sent_for_june.refresh_from_db()
    assert sent_for_june.status == S.REVIEW


def test_signing_on_a_day_with_the_same_law_is_allowed(signer, sent_for_june):
    with on_day(D(2026, 6, 25)):
        assert sign(sent_for_june, signer, D(2026, 6, 25)).status == S.SIGNED


def test_signing_fills_the_placeholders_for_good_and_says_so_in_the_history(signer, sent_for_june):
    with on_day(D(2026, 6, 25)):
        done = sign(sent_for_june, signer, D(2026, 6, 25))
    clause = done.clauses.get(section=SECURITY)
    assert clause.text == "Bên nhận tuân thủ Luật An toàn thông tin mạng số 86/2015/QH13 và Luật An ninh mạng số " \
                          "24/2018/QH14."
    assert clause.history.first().history_change_reason == "Placeholders filled at signing"


def test_a_library_change_after_signing_does_not_reach_the_signed_text(login, drafter, signer, sent_for_june):
    with on_day(D(2026, 6, 25)):
        done = sign(sent_for_june, signer, D(2026, 6, 25))
    services.library_entry_save(by=drafter, entry=LegalDocument.objects.get(number="24/2018/QH14"), active=False)
    page = login(drafter).get(done.get_absolute_url())
    security = next(c for c in page.context["clauses"] if c.section == SECURITY)
    assert "Luật An ninh mạng số 24/2018/QH14" in security.printed


def test_a_document_no_longer_offered_is_not_named_by_a_placeholder(drafter, sent_for_june):
    services.library_entry_save(by=drafter, entry=LegalDocument.objects.get(number="24/2018/QH14"), active=False)
    printed = text(minutes_pdf.render_minutes(sent_for_june))
    assert "Bên nhận tuân thủ Luật An toàn thông tin mạng số 86/2015/QH13." in printed
    assert "24/2018/QH14" not in printed


def test_a_version_kept_as_typed_before_placeholders_existed_still_signs(drafter, signer, sent_for_june):
    version = sent_for_june.versions.get()
    for clause in version.content["clauses"]:  # as versions sent before issue 9 kept them: blank lines, spaces
        clause["text"] = clause["text"].replace("\n", "\n\n  ") + "  "
    version.content["clauses"][0]["text"] = "\n" + version.content["clauses"][0]["text"]
    tracked_save(version, by=drafter, reason="Phiên bản gửi trước khi có ô thay thế")
    with on_day(D(2026, 6, 25)):
        assert sign(sent_for_june, signer, D(2026, 6, 25)).status == S.SIGNED
