"""The catalogue: a published set is never edited; a new version copies, then replaces it."""

import datetime

import pytest
from django.urls import reverse

from conditions import services
from conditions.models import Condition, ConditionSet
from core.exceptions import Refused
from tests.rules.pages import flash_messages

pytestmark = pytest.mark.django_db

NEVER_EDITED = "A published condition set is never edited: start a new version instead."


def _draft(by, effective_from=datetime.date(2025, 1, 1), mandatory=True, copy_from=None):
    condition_set = services.condition_set_create(by=by, title="Điều kiện", effective_from=effective_from,
                                                  copy_from=copy_from)
    if copy_from is None:
        services.condition_save(condition_set=condition_set, by=by, code="PL-01", title="Tư cách pháp nhân",
                                category="legal", mandatory=mandatory, validity_months=24)
    return condition_set


@pytest.fixture
def published(assessor):
    return services.condition_set_publish(condition_set=_draft(assessor), by=assessor)


@pytest.mark.parametrize("change", [
    lambda s, by: services.condition_save(condition_set=s, by=by, code="X-01", title="Mới", category="legal"),
    lambda s, by: services.condition_save(condition_set=s, by=by, condition=s.conditions.get(), title="Sửa"),
    lambda s, by: services.condition_remove(condition=s.conditions.get(), by=by),
    lambda s, by: services.condition_set_update(condition_set=s, by=by, title="Sửa"),
], ids=["add", "change", "remove", "update"])
def test_a_published_set_cannot_be_edited_through_the_services(published, assessor, change):
    with pytest.raises(Refused, match=NEVER_EDITED):
        change(published, assessor)
    published.refresh_from_db()
    assert (published.title, list(published.conditions.values_list("code", "title"))) == (
        "Điều kiện", [("PL-01", "Tư cách pháp nhân")])


def test_the_pages_refuse_to_edit_a_published_set(as_user, assessor, published):
    client = as_user(assessor)
    condition = published.conditions.get()
    form = {"code": "PL-09", "title": "Sửa", "category": "legal", "mandatory": "on", "validity_months": "12",
            "position": "1"}
    posts = [(reverse("conditions:condition_add", args=[published.pk]), form),
             (reverse("conditions:condition_edit", args=[published.pk, condition.pk]), form),
             (reverse("conditions:condition_remove", args=[published.pk, condition.pk]), {}),
             (reverse("conditions:edit", args=[published.pk]), {"title": "Sửa", "effective_from": "01/02/2025"})]
    for url, data in posts:
        assert NEVER_EDITED in flash_messages(client.post(url, data, follow=True)), url
    published.refresh_from_db()
    assert (published.title, list(published.conditions.values_list("code", "title"))) == (
        "Điều kiện", [("PL-01", "Tư cách pháp nhân")])


def test_publishing_needs_a_mandatory_condition(assessor):
    draft = _draft(assessor, mandatory=False)
    with pytest.raises(Refused, match="A condition set needs at least one mandatory condition."):
        services.condition_set_publish(condition_set=draft, by=assessor)
    draft.refresh_from_db()
    assert draft.status == ConditionSet.Status.DRAFT


def test_publishing_v2_supersedes_v1_from_v2s_effective_date(assessor, published):
    v2 = _draft(assessor, effective_from=datetime.date(2026, 1, 1), copy_from=published)
    services.condition_set_publish(condition_set=v2, by=assessor)
    published.refresh_from_db()
    assert (published.status, published.superseded_on) == (ConditionSet.Status.SUPERSEDED, datetime.date(2026, 1, 1))
    assert ConditionSet.objects.get(pk=v2.pk).status == ConditionSet.Status.PUBLISHED


def test_a_new_version_must_take_effect_after_the_one_in_force(assessor, published):
    v2 = _draft(assessor, effective_from=published.effective_from, copy_from=published)
    with pytest.raises(Refused):
        services.condition_set_publish(condition_set=v2, by=assessor)
    published.refresh_from_db()
    assert published.status == ConditionSet.Status.PUBLISHED


def test_a_new_version_copies_the_conditions_as_a_draft(as_user, assessor, published):
    response = as_user(assessor).post(reverse("conditions:create"), {
        "title": "Phiên bản 2", "effective_from": "01/01/2026", "copy_from": published.pk})
    v2 = ConditionSet.objects.get(title="Phiên bản 2")
    assert response.status_code == 302
    assert (v2.version, v2.status) == (published.version + 1, ConditionSet.Status.DRAFT)
    copied, original = v2.conditions.get(), published.conditions.get()
    assert copied.pk != original.pk
    assert (copied.code, copied.title, copied.mandatory, copied.validity_months) == (
        original.code, original.title, original.mandatory, original.validity_months)
    assert Condition.objects.filter(condition_set=published).count() == 1


def test_partners_cannot_manage_the_catalogue(client, vnpt_user, published):
    client.force_login(vnpt_user)
    assert client.get(reverse("conditions:create")).status_code == 403
    assert client.post(reverse("conditions:create"), {"title": "X", "effective_from": "01/01/2027"}).status_code == 403
    assert client.get(reverse("conditions:condition_add", args=[published.pk])).status_code == 403
    assert client.post(reverse("conditions:edit", args=[published.pk]), {"title": "X"}).status_code == 403
    assert ConditionSet.objects.count() == 1


def test_partners_do_not_see_draft_sets(client, vnpt_user, assessor, published):
    draft = _draft(assessor, effective_from=datetime.date(2027, 1, 1), copy_from=published)
    client.force_login(vnpt_user)
    assert client.get(reverse("conditions:detail", args=[draft.pk])).status_code == 404
    assert client.post(reverse("conditions:publish", args=[draft.pk])).status_code == 404
    assert list(client.get(reverse("conditions:list")).context["sets"]) == [published]
