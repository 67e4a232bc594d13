"""Filing a request to refuse the right to use (DOMAIN.md: only by citing one of the refusal cases of its own
agreement): every rule of agreements.services.refusal.refusal_file, allowed and refused."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from agreements import services
from agreements.models import Agreement, RefusalRequest, RefusalRequestFile
from core.exceptions import NotPermitted, Refused
from core.models import Notification
from core.tracking import tracked_delete
from tests.agreements.refusing import file_request, refusal_clause, scope, signed_minutes
from tests.factories import draft, in_review
from tests.samples import image_bytes, stored_files, upload


@pytest.fixture
def minutes(vnpt, drafter):
    return signed_minutes(partner=vnpt)


def reasons(excinfo):
    return excinfo.value.reasons


def test_a_member_of_the_receiving_party_files_a_request(minutes, vnpt_user):
    request = file_request(minutes, vnpt_user, codes=("01", "04"))
    assert request.status == RefusalRequest.Status.PENDING
    assert request.filed_by == vnpt_user
    assert sorted(row.province.code for row in request.provinces.all()) == ["01", "04"]
    assert request.files.get().original_name == "thong-bao.pdf"


def test_a_member_of_another_unit_cannot_file(minutes, vietsens_user):
    with pytest.raises(NotPermitted):
        file_request(minutes, vietsens_user)
    assert not RefusalRequest.objects.exists()


def test_the_ministry_cannot_file_for_the_partner(minutes, drafter):
    with pytest.raises(NotPermitted):
        file_request(minutes, drafter)


def test_a_draft_cannot_be_refused(vnpt, vnpt_user):
    unsigned = in_review(partner=vnpt)  # sent, so the partner reads it; not signed
    with pytest.raises(Refused) as refused:
        file_request(unsigned, vnpt_user)
    assert "Only signed minutes in force can be refused; these are in review." in reasons(refused)


def test_a_terminated_agreement_cannot_be_refused(minutes, vnpt_user, drafter):
    services.agreement_terminate(agreement=minutes, by=drafter, terminated_on=timezone.localdate(),
                                 reason_code=Agreement.TerminationReason.MUTUAL)
    with pytest.raises(Refused) as refused:
        file_request(minutes, vnpt_user)
    assert "Only signed minutes in force can be refused; these are terminated." in reasons(refused)


def test_a_clause_of_another_section_cannot_be_cited(minutes, vnpt_user):
    other = minutes.clauses.exclude(section="refusal").first()
    with pytest.raises(Refused) as refused:
        file_request(minutes, vnpt_user, clause=other)
    assert "Cite one of the refusal cases of these very minutes." in reasons(refused)


def test_a_refusal_clause_of_another_agreement_cannot_be_cited(minutes, vnpt, vnpt_user):
    elsewhere = draft(partner=vnpt, provinces=[])
    with pytest.raises(Refused) as refused:
        file_request(minutes, vnpt_user, clause=refusal_clause(elsewhere))
    assert "Cite one of the refusal cases of these very minutes." in reasons(refused)


def test_minutes_without_a_refusal_case_cannot_be_refused(minutes, vnpt_user, drafter, login):
    # Older minutes, signed before every section was required, name no refusal case.
    tracked_delete(refusal_clause(minutes), by=drafter, reason="older minutes")
    with pytest.raises(Refused) as refused:
        file_request(minutes, vnpt_user, clause=minutes.clauses.first())
    assert "Cite one of the refusal cases of these very minutes." in reasons(refused)
    page = login(vnpt_user).get(f"/agreements/{minutes.pk}/refusals/new/")
    assert "form" not in page.context and "no case in which the receiving party may refuse" in page.context["closed"]


def test_at_least_one_province_is_asked(minutes, vnpt_user):
    with pytest.raises(Refused) as refused:
        file_request(minutes, vnpt_user, codes=("99",))  # no row of the scope has this code
    assert "Choose at least one province." in reasons(refused)


def test_a_province_of_another_agreement_cannot_be_asked(minutes, vnpt, vnpt_user):
    elsewhere = draft(partner=vnpt)
    with pytest.raises(Refused) as refused:
        services.refusal_file(agreement=minutes, by=vnpt_user, clause=refusal_clause(minutes),
                              provinces=scope(elsewhere), facts="Sự việc", uploads=[])
    assert "Hà Nội is not in the scope of these minutes." in reasons(refused)


def test_a_released_province_cannot_be_asked_again(minutes, vnpt_user, drafter):
    services.refusal_accept(request=file_request(minutes, vnpt_user, codes=("01",)), by=drafter, reason="")
    with pytest.raises(Refused) as refused:
        file_request(minutes, vnpt_user, codes=("01",))
    assert any(r.startswith("Hà Nội was already released from the scope on") for r in reasons(refused))


def test_the_facts_are_required(minutes, vnpt_user):
    with pytest.raises(Refused) as refused:
        file_request(minutes, vnpt_user, facts="  \n ")
    assert "State the facts that bring the case about." in reasons(refused)


def test_documents_are_optional(minutes, vnpt_user):
    assert file_request(minutes, vnpt_user, uploads=[]).files.count() == 0


def test_a_second_request_waits_for_the_first_to_be_decided(minutes, vnpt_user):
    file_request(minutes, vnpt_user, codes=("01",))
    with pytest.raises(Refused) as refused:
        file_request(minutes, vnpt_user, codes=("04",))
    assert "A refusal request already waits for the Ministry's decision on these minutes." in reasons(refused)
    assert RefusalRequest.objects.count() == 1


def test_a_bad_upload_is_refused_and_nothing_is_saved(minutes, vnpt_user):
    before = stored_files()
    fake = upload("scan.pdf", content=b"MZ\x90\x00 not a pdf")
    with pytest.raises(Refused) as refused:
        file_request(minutes, vnpt_user, uploads=[upload("ok.png", content=image_bytes(), content_type="image/png"),
                                                  fake])
    assert any(r.startswith("scan.pdf: Only PDF, PNG or JPEG") for r in reasons(refused))
    assert not RefusalRequest.objects.exists() and not RefusalRequestFile.objects.exists()
    assert stored_files() == before


def test_the_drafters_are_told_a_request_waits(minutes, vnpt_user, drafter):
    request = file_request(minutes, vnpt_user)
    told = Notification.objects.get(kind="refusal_filed")
    assert told.user == minutes.created_by
    assert told.url == f"/agreements/{minutes.pk}/refusals/{request.pk}/"
    assert told.params["article"] == refusal_clause(minutes).article_number()
    assert not Notification.objects.filter(kind="refusal_filed", user=vnpt_user).exists()


def test_the_history_records_who_filed_what(minutes, vnpt_user):
    request = file_request(minutes, vnpt_user, codes=("01", "08"))
    record = request.history.get()
    assert record.history_user == vnpt_user
    assert record.history_change_reason.startswith("Refusal of the right to use asked under clause")
    assert {r.history_user for r in RefusalRequest.provinces.through.history.all()} == {vnpt_user}
    assert RefusalRequest.provinces.through.history.count() == 2


def test_the_daily_sweep_keeps_the_documents_of_a_request(minutes, vnpt_user):
    request = file_request(minutes, vnpt_user)
    call_command("sweep_private_files", "--min-age=0", stdout=io.StringIO())
    kept = request.files.get().file
    assert kept.storage.exists(kept.name)
