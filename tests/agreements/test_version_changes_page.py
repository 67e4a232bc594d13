"""The page of what changed from one version to a later one: legal bases and clauses added (green),
removed (struck through) and changed with their words highlighted, or "No change" (issue 8, item 5)."""

import pytest
from django.urls import reverse

from agreements import services
from tests.agreements.test_version_page import rewritten, sent_again
from tests.factories import DepartmentFactory, in_review, reviewer_of

pytestmark = pytest.mark.django_db


def changes_url(agreement, since, to):
    return reverse("agreements:changes", args=[agreement.pk, since, to])


@pytest.fixture
def sent(drafter, vnpt):
    return in_review(by=drafter, partner=vnpt)


@pytest.fixture
def revised(drafter, sent):
    """v2: the ownership clause reworded, the law cited dropped and a decree cited, the place moved."""
    authority, department = sent.legal_bases.filter(kind__in=["authority", "decision"]).order_by("position")
    bases = [services.Row(authority.pk), services.Row(department.pk),
             services.Row(None, {"position": 3, "kind": "decree", "citation": "Nghị định 47/2020/NĐ-CP"})]
    agreement = rewritten(sent, drafter, text="Nội dung về quyền sở hữu", legal_bases=bases,
                          header={"place": "Bắc Ninh"})
    return sent_again(agreement, drafter)


def test_the_reviewer_sees_what_was_added_removed_and_changed_word_by_word(login, reviewer, revised):
    response = login(reviewer).get(changes_url(revised, 1, 2))
    assert response.status_code == 200
    page = response.text
    assert '<ins>Nghị định 47/2020/NĐ-CP</ins>' in page and 'class="card change added"' in page
    assert '<del>Luật Công nghệ thông tin</del>' in page and 'class="card change removed"' in page
    assert "Nội dung <del>ownership</del><ins>về quyền sở hữu</ins>" in page and 'class="card change changed"' in page
    assert "<del>Hà Nội</del><ins>Bắc Ninh</ins>" in page
    assert "No change." not in page


def test_an_entry_links_to_its_place_in_the_version_that_has_it(login, reviewer, revised):
    law = revised.versions.get(number=1).content["bases"][0]["key"].replace(":", "-")
    response = login(reviewer).get(changes_url(revised, 1, 2))
    assert f'{reverse("agreements:version", args=[revised.pk, 1])}#{law}' in response.text
    assert f'{reverse("agreements:version", args=[revised.pk, 2])}#minutes-place' in response.text


def test_sending_the_same_text_again_shows_no_change(login, drafter, sent):
    sent_again(services.agreement_return_for_revision(agreement=sent, by=drafter, reason="Gửi lại"), drafter)
    response = login(drafter).get(changes_url(sent, 1, 2))
    assert response.status_code == 200
    assert "No change." in response.text and "<ins>" not in response.text and "<del>" not in response.text


@pytest.mark.parametrize("since, to", [(2, 2), (2, 1), (1, 3), (0, 2)])
def test_the_versions_must_both_exist_the_first_earlier(login, drafter, revised, since, to):
    assert login(drafter).get(changes_url(revised, since, to)).status_code == 404


def test_a_reviewer_of_another_department_gets_404(login, revised):
    stranger = reviewer_of(DepartmentFactory(code="PC", name="Vụ Pháp chế"))
    assert login(stranger).get(changes_url(revised, 1, 2)).status_code == 404


def test_the_outsider_partners_user_gets_404(login, vietsens_user, revised):
    assert login(vietsens_user).get(changes_url(revised, 1, 2)).status_code == 404


def test_the_partners_user_sees_the_changes(login, vnpt_user, revised):
    response = login(vnpt_user).get(changes_url(revised, 1, 2))
    assert response.status_code == 200
    assert "<ins>Nghị định 47/2020/NĐ-CP</ins>" in response.text
