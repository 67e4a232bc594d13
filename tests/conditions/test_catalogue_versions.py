"""Versions of the catalogue: a new one starts as a copy, is published once it has a mandatory
condition, and replaces the one in force from its own effective date."""

import datetime

import pytest
from django.urls import reverse

from conditions import services
from conditions.models import Condition, ConditionSet
from core.exceptions import Refused
from tests.factories import condition_set
from tests.pages import flash_messages

pytestmark = pytest.mark.django_db

V1_FROM = datetime.date(2019, 10, 1)
V2_FROM = datetime.date(2026, 1, 1)


@pytest.fixture
def v1(db):
    return condition_set("PL-01", effective_from=V1_FROM)


def _draft_after(v1, assessor, effective_from=V2_FROM):
    return services.condition_set_create(by=assessor, title="Phiên bản 2", effective_from=effective_from, copy_from=v1,
                                         decision_number="5120/QĐ-BYT", decision_date=effective_from)


def test_publishing_a_set_without_a_mandatory_condition_is_refused(assessor):
    draft = condition_set("KN-01", optional=("KN-01",), publish=False)
    with pytest.raises(Refused, match="A condition set needs at least one mandatory condition."):
        services.condition_set_publish(condition_set=draft, by=assessor)
    draft.refresh_from_db()
    assert (draft.status, draft.published_at) == (ConditionSet.Status.DRAFT, None)


def test_publishing_a_set_with_a_mandatory_condition_from_the_page(login, assessor):
    draft = condition_set("PL-01", publish=False)
    response = login(assessor).post(reverse("conditions:publish", args=[draft.pk]), follow=True)
    assert f"Version {draft.version} published." in flash_messages(response)
    draft.refresh_from_db()
    assert draft.status == ConditionSet.Status.PUBLISHED and draft.published_at is not None


def test_the_publish_page_shows_why_it_refuses(login, assessor):
    draft = condition_set("KN-01", optional=("KN-01",), publish=False)
    response = login(assessor).post(reverse("conditions:publish", args=[draft.pk]), follow=True)
    assert flash_messages(response) == ["A condition set needs at least one mandatory condition."]
    assert ConditionSet.objects.get(pk=draft.pk).status == ConditionSet.Status.DRAFT


def test_publishing_v2_supersedes_v1_from_v2s_effective_date(assessor, v1):
    v2 = services.condition_set_publish(condition_set=_draft_after(v1, assessor), by=assessor)
    v1.refresh_from_db()
    assert (v1.status, v1.superseded_on) == (ConditionSet.Status.SUPERSEDED, V2_FROM)
    assert ConditionSet.objects.get(pk=v2.pk).status == ConditionSet.Status.PUBLISHED


def test_a_new_version_taking_effect_on_the_same_day_as_the_one_in_force_is_refused(assessor, v1):
    v2 = _draft_after(v1, assessor, effective_from=V1_FROM)
    with pytest.raises(Refused, match="Version 1 takes effect on 01/10/2019; the new version must take effect later."):
        services.condition_set_publish(condition_set=v2, by=assessor)
    v1.refresh_from_db()
    assert (v1.status, v1.superseded_on) == (ConditionSet.Status.PUBLISHED, None)
    assert ConditionSet.objects.get(pk=v2.pk).status == ConditionSet.Status.DRAFT


def test_a_new_version_copies_the_conditions_as_a_draft(login, assessor, v1):
    response = login(assessor).post(reverse("conditions:create"), {
        "title": "Phiên bản 2", "effective_from": "01/01/2026", "copy_from": v1.pk})
    v2 = ConditionSet.objects.get(title="Phiên bản 2")
    assert response.status_code == 302 and response.url == v2.get_absolute_url()
    assert (v2.version, v2.status) == (v1.version + 1, ConditionSet.Status.DRAFT)
    copied, original = v2.conditions.get(), v1.conditions.get()
    assert copied.pk != original.pk
    assert (copied.code, copied.title, copied.mandatory, copied.validity_months) == (
        original.code, original.title, original.mandatory, original.validity_months)
    assert Condition.objects.filter(condition_set=v1).count() == 1


def test_the_older_version_is_in_force_the_day_before_the_newer_takes_effect(assessor, v1):
    services.condition_set_publish(condition_set=_draft_after(v1, assessor), by=assessor)
    assert ConditionSet.objects.in_force_on(V2_FROM - datetime.timedelta(days=1)) == v1


def test_the_newer_version_is_in_force_from_its_effective_date(assessor, v1):
    v2 = services.condition_set_publish(condition_set=_draft_after(v1, assessor), by=assessor)
    assert ConditionSet.objects.in_force_on(V2_FROM) == v2


def test_no_version_is_in_force_before_the_first_takes_effect(v1):
    assert ConditionSet.objects.in_force_on(V1_FROM - datetime.timedelta(days=1)) is None
    assert ConditionSet.objects.in_force_on(V1_FROM) == v1


def test_a_draft_version_is_never_in_force(assessor, v1):
    _draft_after(v1, assessor, effective_from=datetime.date(2026, 6, 1))
    assert ConditionSet.objects.in_force_on(datetime.date(2026, 7, 1)) == v1
