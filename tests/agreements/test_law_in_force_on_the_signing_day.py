"""Minutes cite the law in force on their signing day (issue 9, item 1): a draft is offered only the
library's documents in force on its planned signing day, or on the day its term starts while that is
unknown; sending and signing are refused when a cited document is not in force on that day, naming what
replaces it, or, for a document not yet in force, its first day. The library is the one migration 0010
ships (DOMAIN.md, "The law the content refers to")."""

import datetime

import pytest
from django.urls import reverse

from agreements import services
from agreements.forms import LibraryPickForm
from agreements.models import Agreement, LegalDocument
from tests.agreements.legal_content import cite, document, plan, sign
from tests.factories import agreed, draft, on_day
from tests.pages import flash_messages, refusals

pytestmark = pytest.mark.django_db
S = Agreement.Status
D = datetime.date

# What the library offers on each day (the department's own authority is already cited by the draft).
IN_FORCE_20_12_2019 = {"91/2015/QH13", "50/2005/QH11", "67/2006/QH11", "86/2015/QH13", "15/2017/QH14",
                       "24/2018/QH14", "85/2016/NĐ-CP", "831/QĐ-BYT", "5349/QĐ-BYT"}
IN_FORCE_01_01_2026 = {"91/2015/QH13", "50/2005/QH11", "67/2006/QH11", "86/2015/QH13", "15/2017/QH14",
                       "24/2018/QH14", "91/2025/QH15", "85/2016/NĐ-CP", "102/2025/NĐ-CP", "356/2025/NĐ-CP",
                       "12/2022/TT-BTTTT", "831/QĐ-BYT", "5349/QĐ-BYT"}
IN_FORCE_15_07_2026 = {"91/2015/QH13", "50/2005/QH11", "15/2017/QH14", "91/2025/QH15", "116/2025/QH15",
                       "148/2025/QH15", "85/2016/NĐ-CP", "102/2025/NĐ-CP", "356/2025/NĐ-CP", "12/2022/TT-BTTTT",
                       "831/QĐ-BYT", "5349/QĐ-BYT"}

CYBER_2015_REPLACED = ("Luật An toàn thông tin mạng số 86/2015/QH13 is no longer in force on 15/07/2026 (its last day "
                       "was 30/06/2026): it is replaced by Luật An ninh mạng số 116/2025/QH15.")


def _offered(agreement):
    return set(LibraryPickForm(agreement=agreement).fields["legal_documents"].queryset.values_list("number", flat=True))


def _send_refusals(agreement, by):
    with pytest.raises(services.TransitionRefused) as refused:
        services.agreement_send_for_review(agreement=agreement, by=by)
    agreement.refresh_from_db()
    assert agreement.status == S.DRAFT
    return refused.value.reasons


def _sign_refusals(agreement, by, day):
    with pytest.raises(services.TransitionRefused) as refused:
        sign(agreement, by, day)
    agreement.refresh_from_db()
    assert (agreement.status, agreement.signed_on) == (S.REVIEW, None)
    return refused.value.reasons


# --- what a draft is offered ----------------------------------------------------------------------

@pytest.mark.parametrize("planned, offered", [
    (D(2019, 12, 20), IN_FORCE_20_12_2019),
    (D(2026, 7, 15), IN_FORCE_15_07_2026),
], ids=["planned in 2019", "planned after 01/07/2026"])
def test_a_draft_is_offered_only_the_documents_in_force_on_its_planned_signing_day(drafter, planned, offered):
    agreement = plan(draft(by=drafter), drafter, planned)
    assert _offered(agreement) == offered


def test_while_the_signing_day_is_unknown_the_draft_is_offered_what_is_in_force_when_its_term_starts(drafter):
    agreement = draft(by=drafter)  # the term starts on 01/01/2026
    assert agreement.planned_signing_on is None
    assert _offered(agreement) == IN_FORCE_01_01_2026


@pytest.mark.parametrize("planned, offered, not_offered", [
    (D(2026, 6, 30), "86/2015/QH13", "116/2025/QH15"),
    (D(2026, 7, 1), "116/2025/QH15", "86/2015/QH13"),
    (D(2025, 12, 31), "13/2023/NĐ-CP", "91/2025/QH15"),
    (D(2026, 1, 1), "91/2025/QH15", "13/2023/NĐ-CP"),
], ids=["last day of the old law", "first day of the new law", "last day of the decree", "first day of the law"])
def test_a_document_is_offered_from_its_first_day_to_its_last_both_included(drafter, planned, offered, not_offered):
    agreement = plan(draft(by=drafter), drafter, planned)
    assert offered in _offered(agreement)
    assert not_offered not in _offered(agreement)


def test_the_edit_page_offers_the_library_in_force_on_the_planned_day_and_says_which_day(login, drafter):
    agreement = plan(draft(by=drafter), drafter, D(2026, 7, 15))
    response = login(drafter).get(reverse("agreements:edit", args=[agreement.pk]))
    field = response.context["library"].fields["legal_documents"]
    assert set(field.queryset.values_list("number", flat=True)) == IN_FORCE_15_07_2026
    assert field.help_text == "Only what is in force on 15/07/2026, the day the minutes cite the law of."


def test_the_library_add_page_refuses_a_document_not_in_force_on_the_planned_day(login, drafter):
    agreement = plan(draft(by=drafter), drafter, D(2026, 3, 1))
    later = document("116/2025/QH15")
    response = login(drafter).post(reverse("agreements:add_from_library", args=[agreement.pk]),
                                   {"legal_documents": [later.pk]})
    assert response.url == reverse("agreements:edit", args=[agreement.pk])
    assert flash_messages(response) == ["A document not in force on 01/03/2026, the day the minutes cite the law of, "
                                        "or already cited, cannot be added."]
    assert not agreement.legal_bases.filter(legal_document=later).exists()


def test_the_library_add_page_adds_a_document_in_force_on_the_planned_day(login, drafter):
    agreement = plan(draft(by=drafter), drafter, D(2026, 7, 1))
    later = document("116/2025/QH15")
    response = login(drafter).post(reverse("agreements:add_from_library", args=[agreement.pk]),
                                   {"legal_documents": [later.pk]})
    assert flash_messages(response) == ["1 entries added from the library; edit them as needed."]
    assert agreement.legal_bases.filter(legal_document=later).count() == 1


# --- sending: every cited document in force on the planned day (or the term's start) ----------------

def test_sending_is_refused_naming_the_law_that_replaces_a_cited_one(drafter):
    agreement = cite(draft(by=drafter), drafter, "86/2015/QH13")  # in force when the term starts
    plan(agreement, drafter, D(2026, 7, 15))
    assert _send_refusals(agreement, drafter) == [CYBER_2015_REPLACED]


def test_sending_names_every_document_that_replaces_a_cited_one(drafter):
    agreement = cite(plan(draft(by=drafter), drafter, D(2025, 12, 31)), drafter, "13/2023/NĐ-CP")
    plan(agreement, drafter, None)  # the law of the term's first day, 01/01/2026, applies again
    assert _send_refusals(agreement, drafter) == [
        "Nghị định số 13/2023/NĐ-CP is no longer in force on 01/01/2026 (its last day was 31/12/2025): it is "
        "replaced by Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Nghị định số 356/2025/NĐ-CP."]


def test_sending_a_document_ended_without_a_successor_is_refused_with_its_last_day(drafter):
    ended = services.library_entry_save(by=drafter, entry=LegalDocument(), kind=LegalDocument.Kind.DECISION,
                                        number="100/QĐ-BYT", issuer="Bộ trưởng Bộ Y tế", issued_on=D(2020, 1, 2),
                                        in_force_until=D(2025, 12, 31), summary="về việc thử nghiệm")
    agreement = plan(draft(by=drafter), drafter, D(2025, 12, 31))
    services.agreement_add_from_library(agreement=agreement, by=drafter, legal_documents=[ended])
    plan(agreement, drafter, D(2026, 2, 1))
    assert _send_refusals(agreement, drafter) == [
        "Quyết định số 100/QĐ-BYT is no longer in force on 01/02/2026 (its last day was 31/12/2025)."]


def test_sending_a_document_not_yet_in_force_is_refused_naming_its_first_day(drafter):
    agreement = cite(plan(draft(by=drafter), drafter, D(2026, 7, 15)), drafter, "116/2025/QH15")
    plan(agreement, drafter, D(2026, 3, 1))
    assert _send_refusals(agreement, drafter) == [
        "Luật An ninh mạng số 116/2025/QH15 is in force only from 01/07/2026, after 01/03/2026."]


@pytest.mark.parametrize("number, planned", [
    ("86/2015/QH13", D(2026, 6, 30)),
    ("116/2025/QH15", D(2026, 7, 1)),
    ("13/2023/NĐ-CP", D(2025, 12, 31)),
], ids=["on the old law's last day", "on the new law's first day", "on the decree's last day"])
def test_sending_is_allowed_when_every_cited_document_is_in_force_on_the_planned_day(drafter, number, planned):
    agreement = cite(plan(draft(by=drafter), drafter, planned), drafter, number)
    assert services.agreement_send_for_review(agreement=agreement, by=drafter).status == S.REVIEW


def test_the_page_refuses_sending_naming_the_successor(login, drafter):
    agreement = cite(draft(by=drafter), drafter, "86/2015/QH13")
    plan(agreement, drafter, D(2026, 7, 15))
    response = login(drafter).post(reverse("agreements:transition", args=[agreement.pk, "send"]), {"reason": ""})
    assert response.status_code == 409
    assert refusals(response) == [CYBER_2015_REPLACED]
    agreement.refresh_from_db()
    assert agreement.status == S.DRAFT


def test_the_agreement_page_warns_of_a_cited_document_not_in_force_on_the_planned_day(login, drafter):
    agreement = cite(draft(by=drafter), drafter, "86/2015/QH13")
    plan(agreement, drafter, D(2026, 7, 15))
    response = login(drafter).get(reverse("agreements:detail", args=[agreement.pk]))
    warned = {basis.legal_document.number: basis.warning for basis in response.context["legal_bases"]
              if basis.legal_document_id}
    assert warned.pop("86/2015/QH13") == CYBER_2015_REPLACED
    assert set(warned.values()) == {None}


# --- signing: every cited document in force on the signing day -------------------------------------

def _in_review_citing(drafter, number, planned):
    """Minutes citing `number`, sent while it is in force on their planned day, every opinion in."""
    agreement = cite(plan(draft(by=drafter), drafter, planned), drafter, number)
    return agreed(services.agreement_send_for_review(agreement=agreement, by=drafter))


def test_signing_after_a_cited_law_ended_is_refused_naming_its_successor(drafter, signer):
    with on_day(D(2026, 7, 2)):
        agreement = _in_review_citing(drafter, "86/2015/QH13", D(2026, 6, 30))
        assert _sign_refusals(agreement, signer, D(2026, 7, 2)) == [
            "Luật An toàn thông tin mạng số 86/2015/QH13 is no longer in force on 02/07/2026 (its last day was "
            "30/06/2026): it is replaced by Luật An ninh mạng số 116/2025/QH15."]


def test_signing_on_a_cited_laws_last_day_is_allowed(drafter, signer):
    with on_day(D(2026, 6, 30)):
        agreement = _in_review_citing(drafter, "86/2015/QH13", D(2026, 6, 30))
        assert sign(agreement, signer, D(2026, 6, 30)).status == S.SIGNED


def test_signing_before_a_cited_law_takes_effect_is_refused_naming_its_first_day(drafter, signer):
    with on_day(D(2025, 12, 20)):
        agreement = _in_review_citing(drafter, "91/2025/QH15", None)  # sent for a term starting 01/01/2026
        assert _sign_refusals(agreement, signer, D(2025, 12, 20)) == [
            "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 is in force only from 01/01/2026, after 20/12/2025."]


def test_signing_on_a_cited_laws_first_day_is_allowed(drafter, signer):
    with on_day(D(2026, 1, 1)):
        agreement = _in_review_citing(drafter, "91/2025/QH15", None)
        assert sign(agreement, signer, D(2026, 1, 1)).status == S.SIGNED


def test_the_page_refuses_signing_after_a_cited_law_ended(login, drafter, signer):
    with on_day(D(2026, 7, 2)):
        agreement = _in_review_citing(drafter, "24/2018/QH14", D(2026, 6, 1))
        form = {"number": "1", "signed_on": "02/07/2026", "symbol": "BB-CNTT", "place": "Hà Nội",
                "handing_signatory": "Phạm Đức Long", "handing_signatory_title": "Cục trưởng",
                "receiving_signatory": "Nguyễn Văn A", "receiving_signatory_title": "Giám đốc",
                "receiving_signatory_honorific": "Ông", "handing_sign_form": "TL", "handing_signed_for": "Bộ trưởng"}
        response = login(signer).post(reverse("agreements:transition", args=[agreement.pk, "sign"]), form)
    assert response.status_code == 409
    assert refusals(response) == [
        "Luật An ninh mạng số 24/2018/QH14 is no longer in force on 02/07/2026 (its last day was 30/06/2026): it is "
        "replaced by Luật An ninh mạng số 116/2025/QH15."]
    agreement.refresh_from_db()
    assert agreement.status == S.REVIEW
