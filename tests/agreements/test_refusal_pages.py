"""The refusal request's pages: the partner's form, the request with its documents, and the Ministry's
decision. Another unit's user gets 404, a wrong role 403, a GET on a decision 405."""

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements import services
from agreements.models import Agreement, RefusalRequest
from core.models import DownloadRecord
from tests.agreements.refusing import file_request, refusal_clause, scope, signed_minutes
from tests.factories import DepartmentFactory, UserFactory, give_department
from tests.pages import field_errors, form_errors
from tests.samples import upload


@pytest.fixture
def minutes(vnpt, drafter):
    return signed_minutes(partner=vnpt)


def new_url(agreement):
    return reverse("agreements:refusal_create", args=[agreement.pk])


def page_url(request):
    return reverse("agreements:refusal", args=[request.agreement_id, request.pk])


def test_the_partner_is_offered_the_request_on_its_signed_minutes(minutes, vnpt_user, login):
    page = login(vnpt_user).get(minutes.get_absolute_url())
    assert page.context["can_ask_refusal"]


def test_the_ministry_is_not_offered_to_file(minutes, drafter, login):
    assert not login(drafter).get(minutes.get_absolute_url()).context["can_ask_refusal"]
    assert login(drafter).get(new_url(minutes)).status_code == 403


def test_another_units_user_gets_404_everywhere(minutes, vnpt_user, vietsens_user, login):
    request = file_request(minutes, vnpt_user)
    client = login(vietsens_user)
    assert client.get(new_url(minutes)).status_code == 404
    assert client.get(page_url(request)).status_code == 404
    assert client.get(reverse("agreements:refusal_file", args=[minutes.pk, request.pk,
                                                               request.files.get().pk])).status_code == 404


def test_the_form_offers_only_this_agreements_refusal_cases_and_the_provinces_in_force(minutes, vnpt_user, drafter,
                                                                                       login):
    services.refusal_accept(request=file_request(minutes, vnpt_user, codes=("01",)), by=drafter)
    form = login(vnpt_user).get(new_url(minutes)).context["form"]
    assert list(form.fields["clause"].queryset) == [refusal_clause(minutes)]
    assert [row.province.code for row in form.fields["provinces"].queryset] == ["04", "08"]


def test_filing_through_the_form(minutes, vnpt_user, login):
    response = login(vnpt_user).post(new_url(minutes), {
        "clause": refusal_clause(minutes).pk, "provinces": [row.pk for row in scope(minutes, "04")],
        "facts": "Sở Y tế tạm dừng triển khai.", "files": [upload("quyet-dinh.pdf")]})
    request = RefusalRequest.objects.get()
    assert response.status_code == 302 and response.url == page_url(request)
    assert request.files.get().original_name == "quyet-dinh.pdf"


def test_errors_show_beside_their_fields_and_nothing_is_saved(minutes, vnpt_user, login):
    other = minutes.clauses.exclude(section="refusal").first()
    response = login(vnpt_user).post(new_url(minutes), {"clause": other.pk, "provinces": [], "facts": " ",
                                                        "files": [upload("x.pdf", content=b"not a pdf")]})
    assert response.status_code == 400
    assert field_errors(response, "clause") and field_errors(response, "provinces")
    assert field_errors(response, "facts") and field_errors(response, "files")
    assert not RefusalRequest.objects.exists()


def test_a_second_request_is_refused_by_the_page(minutes, vnpt_user, login):
    waiting = file_request(minutes, vnpt_user, codes=("01",))
    response = login(vnpt_user).post(new_url(minutes), {
        "clause": refusal_clause(minutes).pk, "provinces": [scope(minutes, "04")[0].pk], "facts": "Sự việc"})
    assert response.status_code == 409 and response.context["pending"] == waiting
    assert RefusalRequest.objects.count() == 1


def test_a_refusal_of_the_service_is_shown_at_the_top_of_the_form(minutes, vnpt_user, login, settings):
    settings.PARTNER_UPLOAD_QUOTA_BYTES = 10  # the unit's storage is full: the files do not fit
    response = login(vnpt_user).post(new_url(minutes), {
        "clause": refusal_clause(minutes).pk, "provinces": [scope(minutes, "01")[0].pk], "facts": "Sự việc",
        "files": [upload("quyet-dinh.pdf")]})
    assert response.status_code == 400
    assert any("storage quota" in error for error in form_errors(response))
    assert not RefusalRequest.objects.exists()


def test_the_drafter_accepts_from_the_request_page(minutes, vnpt_user, drafter, login):
    request = file_request(minutes, vnpt_user, codes=("01", "04", "08"))
    client = login(drafter)
    assert client.get(page_url(request)).context["can_decide"]
    response = client.post(reverse("agreements:refusal_accept", args=[minutes.pk, request.pk]), {"reason": ""})
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.status == Agreement.Status.TERMINATED


def test_a_rejection_without_reasons_is_refused_on_the_page(minutes, vnpt_user, drafter, login):
    request = file_request(minutes, vnpt_user)
    response = login(drafter).post(reverse("agreements:refusal_reject", args=[minutes.pk, request.pk]),
                                   {"reason": ""})
    assert response.status_code == 409
    assert response.context["refusals"] == ["Give the reasons the receiving party will read."]


def test_a_decision_is_post_only(minutes, vnpt_user, drafter, login):
    request = file_request(minutes, vnpt_user)
    assert login(drafter).get(reverse("agreements:refusal_accept", args=[minutes.pk, request.pk])).status_code == 405


def test_auditors_and_the_partner_read_the_request_but_cannot_decide(minutes, vnpt_user, auditor, login):
    request = file_request(minutes, vnpt_user)
    for user in (auditor, vnpt_user):
        client = login(user)
        page = client.get(page_url(request))
        assert page.status_code == 200 and not page.context["can_decide"]
        assert client.post(reverse("agreements:refusal_accept", args=[minutes.pk, request.pk])).status_code == 403
    request.refresh_from_db()
    assert request.is_pending


def test_a_reviewer_not_asked_about_the_minutes_gets_404(minutes, vnpt_user, login):
    outsider = give_department(UserFactory(roles=["reviewer"]), DepartmentFactory())
    assert login(outsider).get(page_url(file_request(minutes, vnpt_user))).status_code == 404


def test_downloading_a_document_is_recorded(minutes, vnpt_user, drafter, login):
    request = file_request(minutes, vnpt_user)
    item = request.files.get()
    response = login(drafter).get(reverse("agreements:refusal_file", args=[minutes.pk, request.pk, item.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    record = DownloadRecord.objects.get()
    assert (record.user, record.what, record.object_id) == (drafter, "refusal_file", item.pk)


def test_the_agreement_page_shows_released_provinces_as_such(minutes, vnpt_user, drafter, login):
    services.refusal_accept(request=file_request(minutes, vnpt_user, codes=("04",)), by=drafter, reason="")
    page = login(vnpt_user).get(minutes.get_absolute_url())
    released = [row for row in page.context["scope"] if row.released_on]
    assert [row.province.code for row in released] == ["04"]
    number = refusal_clause(minutes).article_number()
    day = timezone.localdate().strftime("%d/%m/%Y")
    assert f"released on {day}: Refused under clause {number}" in page.content.decode()


@pytest.mark.parametrize("files", [1, 5])
def test_the_request_page_costs_the_same_whatever_its_documents(minutes, vnpt_user, drafter, login, files,
                                                                django_assert_num_queries):
    request = file_request(minutes, vnpt_user, uploads=[upload(f"tai-lieu-{n}.pdf") for n in range(files)])
    client = login(drafter)
    client.get(page_url(request))  # the session and the user's grants, read once
    # The session, the user, the grants, the navigation's counts, the agreement, the request, its files, its
    # provinces and the clause's number: the same with one document or five.
    with django_assert_num_queries(12):
        assert client.get(page_url(request)).status_code == 200
