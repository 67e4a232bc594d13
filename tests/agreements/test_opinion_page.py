"""Recording an opinion on its page and reading it with its scanned letter (issue 8, item 3): only those acting
for the addressee record it; a correction supersedes it, both stay; others not acting for it get 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements import services
from agreements.models import Opinion
from core.models import DownloadRecord
from tests.agreements.review_round import DAY, ask, other_department, request_of
from tests.factories import asking, draft, on_day, opinion, review_department, reviewer_of
from tests.pages import field_errors, flash_messages, form_errors
from tests.samples import PDF, stored_files, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clock():
    with on_day(DAY):
        yield


@pytest.fixture
def khdt(drafter, vnpt):
    """KHĐT's request on VNPT-IT's minutes, sent to KHĐT and BHYT."""
    agreement = ask(draft(by=drafter, partner=vnpt), drafter, asking(review_department()), asking(other_department()))
    return request_of(services.agreement_send_for_review(agreement=agreement, by=drafter), review_department())


def clause_key(agreement, section="ownership"):
    return f"clause:{agreement.clauses.get(section=section).pk}"


def the_letter(comments=(), **changes):
    """The opinion form's fields as a browser posts them, with one row per (anchor, text) comment."""
    data = {"letter_number": "832/KHĐT-VP", "letter_date": DAY.strftime("%d/%m/%Y"), "signatory": "Nguyễn Minh Lợi",
            "signatory_title": "Cục trưởng", "position": "agree_with_comments", "letter": upload("cong-van.pdf"),
            "general_comment": "Đề nghị rà soát thể thức văn bản", "comments-TOTAL_FORMS": str(len(comments) + 1),
            "comments-INITIAL_FORMS": "0", "comments-MIN_NUM_FORMS": "0", "comments-MAX_NUM_FORMS": "60"}
    for n, (anchor, text) in enumerate(comments):
        data |= {f"comments-{n}-anchor": anchor, f"comments-{n}-text": text}
    return data | changes


def form(request):
    return reverse("agreements:opinion_create", args=[request.agreement_id, request.pk])


def page(opinion):
    return reverse("agreements:opinion", args=[opinion.request.agreement_id, opinion.pk])


def letter(opinion):
    return reverse("agreements:opinion_letter", args=[opinion.request.agreement_id, opinion.pk])


def test_posting_the_form_records_the_opinion_and_opens_its_page(login, reviewer, khdt):
    response = login(reviewer).post(form(khdt), the_letter([(clause_key(khdt.agreement), "Làm rõ quyền sở hữu")]))
    recorded = Opinion.objects.get()
    assert (response.status_code, response["Location"]) == (302, page(recorded))
    assert flash_messages(response) == ["The opinion of Cục Khoa học công nghệ và Đào tạo is recorded."]
    assert (recorded.request, recorded.letter_number, recorded.letter_date, recorded.position, recorded.recorded_by) \
        == (khdt, "832/KHĐT-VP", DAY, "agree_with_comments", reviewer)
    assert list(recorded.comments.values_list("anchor", "text")) == [
        ("", "Đề nghị rà soát thể thức văn bản"), (clause_key(khdt.agreement), "Làm rõ quyền sở hữu")]


def test_a_letter_that_is_no_pdf_or_image_is_refused_beside_its_field(login, reviewer, khdt):
    files = stored_files()
    response = login(reviewer).post(form(khdt), the_letter(letter=upload("cong-van.pdf", b"MZ not a letter")))
    assert response.status_code == 400
    assert field_errors(response, "letter") == ["Only PDF, PNG or JPEG files are accepted; this file is none of them."]
    assert not Opinion.objects.exists() and stored_files() == files


def test_the_services_refusal_is_shown_on_the_form_and_nothing_is_kept(login, reviewer, khdt):
    files = stored_files()
    response = login(reviewer).post(form(khdt), the_letter(position="disagree", general_comment=""))
    assert response.status_code == 400
    assert form_errors(response) == ["Write the comments: an opinion that does not simply agree says what and why."]
    assert not Opinion.objects.exists() and stored_files() == files


def test_a_second_opinion_needs_a_reason_and_then_corrects_the_first(login, reviewer, khdt):
    client, first = login(reviewer), opinion(khdt, by=reviewer)
    refused = client.post(form(khdt), the_letter(letter_number="840/KHĐT-VP"))
    assert field_errors(refused, "correction_reason") == ["This field is required."]
    assert (refused.status_code, Opinion.objects.count()) == (400, 1)
    response = client.post(form(khdt), the_letter(letter_number="840/KHĐT-VP", correction_reason="Sót ý kiến Điều 3"))
    second = Opinion.objects.get(letter_number="840/KHĐT-VP")
    assert (response.status_code, response["Location"]) == (302, page(second))
    assert (second.supersedes, second.correction_reason) == (first, "Sót ý kiến Điều 3")
    old, new = client.get(page(first)), client.get(page(second))
    assert (old.status_code, new.status_code) == (200, 200) and page(second) in old.text
    assert "This opinion was corrected by a later one:" in old.text
    assert "Sót ý kiến Điều 3" in new.text and page(first) in new.text


def test_the_page_links_each_comment_to_its_clause_in_the_version_sent(login, drafter, khdt):
    key = clause_key(khdt.agreement)
    recorded = opinion(khdt, position="agree_with_comments", comments=[(key, "Làm rõ quyền sở hữu")])
    response = login(drafter).get(page(recorded))
    assert response.status_code == 200 and "Làm rõ quyền sở hữu" in response.text
    assert f'{reverse("agreements:version", args=[khdt.agreement_id, 1])}#{key.replace(":", "-")}"' in response.text


@pytest.mark.parametrize("persona", ["drafter", "reviewer"])
def test_the_scanned_letter_downloads_and_the_download_is_recorded(login, request, khdt, persona):
    user, recorded = request.getfixturevalue(persona), opinion(khdt)
    response = login(user).get(letter(recorded))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert list(DownloadRecord.objects.values_list("user", "what", "object_id", "filename")) == [
        (user.pk, DownloadRecord.What.OPINION_LETTER, recorded.pk, "cong-van.pdf")]


@pytest.mark.parametrize("persona", ["vnpt_user", "vietsens_user", "bhyt_reviewer"])
def test_a_departments_opinion_does_not_exist_for_others_not_acting_for_it(login, request, khdt, persona):
    user = reviewer_of(other_department()) if persona == "bhyt_reviewer" else request.getfixturevalue(persona)
    client, recorded = login(user), opinion(khdt)
    assert client.get(page(recorded)).status_code == 404
    assert client.get(letter(recorded)).status_code == 404 and not DownloadRecord.objects.exists()


def test_a_reviewer_of_another_department_asked_may_not_open_the_form(login, reviewer, khdt):
    other = login(reviewer_of(other_department()))
    assert other.get(form(khdt)).status_code == 403
    assert other.post(form(khdt), the_letter()).status_code == 403 and not Opinion.objects.exists()
    assert login(reviewer).get(form(khdt)).status_code == 200


def test_the_opinion_page_runs_as_many_queries_for_30_comments_as_for_2(login, drafter, khdt,
                                                                        django_assert_max_num_queries):
    keys = [key for key, _label in khdt.version.anchors()]

    def recorded(request, n):
        said = opinion(request, position="disagree", comments=[(keys[i % len(keys)], f"Ý kiến {i}") for i in range(n)])
        for comment in said.comments.all()[::2]:  # half of them answered
            services.comment_answer(comment=comment, by=drafter, kind="explained", text="Đã có tại Điều 4")
        return said

    client, small = login(drafter), recorded(khdt, 2)
    large = recorded(request_of(khdt.agreement, other_department()), 30)
    with CaptureQueriesContext(connection) as counted:
        assert client.get(page(small)).status_code == 200
    with django_assert_max_num_queries(len(counted)):
        response = client.get(page(large))
    assert response.status_code == 200 and len(response.context["comments"]) == 30
