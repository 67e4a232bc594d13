"""A published condition set is never edited; a draft is, by the people who manage the catalogue."""

import datetime

import pytest
from django.urls import reverse

from conditions import services
from conditions.models import ConditionSet
from core.exceptions import NotPermitted, Refused
from tests.factories import condition_set
from tests.pages import flash_messages

pytestmark = pytest.mark.django_db

NEVER_EDITED = "A published condition set is never edited: start a new version instead."
CONDITION_FORM = {"code": "PL-09", "title": "Sửa", "category": "legal", "mandatory": "on", "validity_months": "12",
                  "position": "1"}
UNCHANGED = ("Điều kiện tham gia", [("PL-01", "Điều kiện PL-01")])  # as condition_set("PL-01") made it


@pytest.fixture
def published(db):
    return condition_set("PL-01")


def _as_it_was(edited):
    """The title and the (code, title) of each condition, as stored now."""
    edited.refresh_from_db()
    return edited.title, list(edited.conditions.values_list("code", "title"))


@pytest.mark.parametrize("change", [
    lambda s, by: services.condition_save(condition_set=s, by=by, code="X-01", title="Mới", category="legal"),
    lambda s, by: services.condition_save(condition_set=s, by=by, condition=s.conditions.get(), title="Sửa"),
    lambda s, by: services.condition_remove(condition=s.conditions.get(), by=by),
    lambda s, by: services.condition_set_update(condition_set=s, by=by, title="Sửa"),
], ids=["add", "change", "remove", "update"])
def test_a_published_set_cannot_be_edited_through_the_services(published, assessor, change):
    with pytest.raises(Refused, match=NEVER_EDITED):
        change(published, assessor)
    assert _as_it_was(published) == UNCHANGED


def test_a_published_sets_condition_cannot_be_edited_through_a_draft_set(published, assessor):
    draft = condition_set("PL-02", publish=False)
    with pytest.raises(Refused, match="This condition belongs to another condition set."):
        services.condition_save(condition_set=draft, by=assessor, condition=published.conditions.get(), title="Sửa")
    assert _as_it_was(published) == UNCHANGED


def _edit_posts(condition_set):
    condition = condition_set.conditions.get()
    return {
        "add": (reverse("conditions:condition_add", args=[condition_set.pk]), CONDITION_FORM),
        "change": (reverse("conditions:condition_edit", args=[condition_set.pk, condition.pk]), CONDITION_FORM),
        "remove": (reverse("conditions:condition_remove", args=[condition_set.pk, condition.pk]), {}),
        "update": (reverse("conditions:edit", args=[condition_set.pk]),
                   {"title": "Sửa", "effective_from": "01/02/2025"}),
    }


@pytest.mark.parametrize("edit", ["add", "change", "remove", "update"])
def test_the_pages_refuse_to_edit_a_published_set_and_say_why(login, assessor, published, edit):
    url, data = _edit_posts(published)[edit]
    response = login(assessor).post(url, data, follow=True)
    assert response.redirect_chain[-1][0] == published.get_absolute_url()
    assert NEVER_EDITED in flash_messages(response)
    assert _as_it_was(published) == UNCHANGED


def test_the_pages_edit_a_condition_of_a_draft_set(login, assessor):
    draft = condition_set("PL-01", publish=False)
    url, data = _edit_posts(draft)["change"]
    response = login(assessor).post(url, data, follow=True)
    assert NEVER_EDITED not in flash_messages(response)
    assert _as_it_was(draft) == ("Điều kiện tham gia", [("PL-09", "Sửa")])


def test_the_pages_remove_a_condition_of_a_draft_set(login, assessor):
    draft = condition_set("PL-01", "PL-02", publish=False)
    removed = draft.conditions.get(code="PL-02")
    login(assessor).post(reverse("conditions:condition_remove", args=[draft.pk, removed.pk]))
    assert _as_it_was(draft) == ("Điều kiện tham gia", [("PL-01", "Điều kiện PL-01")])


@pytest.mark.parametrize("method, url", [
    ("get", lambda s: reverse("conditions:create")),
    ("post", lambda s: reverse("conditions:create")),
    ("get", lambda s: reverse("conditions:condition_add", args=[s.pk])),
    ("post", lambda s: reverse("conditions:edit", args=[s.pk])),
], ids=["new-version-page", "new-version", "add-condition-page", "edit"])
def test_a_partner_user_gets_403_on_the_catalogue_pages(login, vnpt_user, published, method, url):
    response = getattr(login(vnpt_user), method)(url(published), {"title": "X", "effective_from": "01/01/2027"})
    assert response.status_code == 403
    assert list(ConditionSet.objects.all()) == [published]
    assert _as_it_was(published) == UNCHANGED


def test_the_services_refuse_a_partner_user_too(vnpt_user, published):
    with pytest.raises(NotPermitted, match="^Your roles do not allow managing the conditions.$"):
        services.condition_set_create(by=vnpt_user, title="X", effective_from=datetime.date(2027, 1, 1))
    assert list(ConditionSet.objects.all()) == [published]


def test_a_partner_user_gets_404_on_a_draft_set_and_does_not_see_it_listed(login, vnpt_user, published):
    draft = condition_set("PL-01", effective_from=datetime.date(2027, 1, 1), publish=False)
    client = login(vnpt_user)
    assert client.get(reverse("conditions:detail", args=[draft.pk])).status_code == 404
    assert client.post(reverse("conditions:publish", args=[draft.pk])).status_code == 404
    assert list(client.get(reverse("conditions:list")).context["sets"]) == [published]
    assert ConditionSet.objects.get(pk=draft.pk).status == ConditionSet.Status.DRAFT
