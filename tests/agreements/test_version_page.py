"""A version's page shows the text exactly as it was sent, to everyone who may see the agreement, however
the draft changes afterwards (issue 8, items 1 and 10). Its helpers make the later versions for the other
test_version_* modules."""

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Clause
from tests.factories import DepartmentFactory, in_review, reviewer_of

pytestmark = pytest.mark.django_db
FIRST_TEXT = "Nội dung ownership"
NEW_TEXT = "Bên giao giữ quyền sở hữu và bản quyền phần mềm."


def returned(agreement, by):
    return services.agreement_return_for_revision(agreement=agreement, by=by, reason="Sửa theo ý kiến góp ý")


def rewritten(agreement, by, text=NEW_TEXT, **update):
    """Back to draft, the ownership clause's text changed (and any other agreement_update argument)."""
    agreement = returned(agreement, by)
    ownership = agreement.clauses.get(section=Clause.Section.OWNERSHIP)
    clauses = [services.Row(c.pk, {"text": text} if c.pk == ownership.pk else {}) for c in agreement.clauses.all()]
    return services.agreement_update(agreement=agreement, by=by, clauses=clauses, **update)


def sent_again(agreement, by):
    return services.agreement_send_for_review(agreement=agreement, by=by)


def version_url(agreement, number):
    return reverse("agreements:version", args=[agreement.pk, number])


@pytest.fixture
def sent(drafter, vnpt):
    return in_review(by=drafter, partner=vnpt)


def test_the_page_shows_the_text_as_sent_with_an_anchor_for_each_clause_and_basis(login, drafter, sent):
    response = login(drafter).get(version_url(sent, 1))
    version = sent.versions.get()
    assert response.status_code == 200
    assert FIRST_TEXT in response.text and version.fingerprint in response.text
    for key, _ in version.anchors():
        assert f'id="{key.replace(":", "-")}"' in response.text
    assert reverse("agreements:version_pdf", args=[sent.pk, 1]) in response.text


def test_the_page_keeps_the_text_sent_when_the_draft_is_edited_afterwards(login, drafter, sent):
    rewritten(sent, drafter)
    response = login(drafter).get(version_url(sent, 1))
    assert response.status_code == 200
    assert FIRST_TEXT in response.text and NEW_TEXT not in response.text


def test_an_older_version_keeps_its_text_and_says_it_was_superseded(login, drafter, sent):
    sent_again(rewritten(sent, drafter), drafter)
    response = login(drafter).get(version_url(sent, 1))
    assert response.status_code == 200
    assert FIRST_TEXT in response.text and NEW_TEXT not in response.text
    assert "v1 was superseded: the latest version sent is v2." in response.text
    assert reverse("agreements:changes", args=[sent.pk, 1, 2]) in response.text


def test_the_latest_version_links_to_what_changed_since_each_earlier_one(login, drafter, sent):
    sent_again(rewritten(sent_again(returned(sent, drafter), drafter), drafter), drafter)
    response = login(drafter).get(version_url(sent, 3))
    assert response.status_code == 200
    assert NEW_TEXT in response.text and 'id="superseded"' not in response.text
    assert "What changed since v1" in response.text and "What changed since v2" in response.text
    assert reverse("agreements:changes", args=[sent.pk, 2, 3]) in response.text


def test_the_reviewer_of_the_department_asked_reads_the_version(login, reviewer, sent):
    response = login(reviewer).get(version_url(sent, 1))
    assert response.status_code == 200
    assert FIRST_TEXT in response.text


def test_the_partners_user_reads_its_version_once_sent(login, vnpt_user, sent):
    response = login(vnpt_user).get(version_url(sent, 1))
    assert response.status_code == 200
    assert FIRST_TEXT in response.text


def test_a_reviewer_of_another_department_gets_404(login, sent):
    stranger = reviewer_of(DepartmentFactory(code="PC", name="Vụ Pháp chế"))
    assert login(stranger).get(version_url(sent, 1)).status_code == 404


def test_the_outsider_partners_user_gets_404(login, vietsens_user, sent):
    assert login(vietsens_user).get(version_url(sent, 1)).status_code == 404


def test_an_unknown_version_answers_404(login, drafter, sent):
    assert login(drafter).get(version_url(sent, 2)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client, sent):
    response = client.get(version_url(sent, 1))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
