"""Only real changes to the catalogue are recorded: a draft version or a condition saved as it was, or
with the line endings a browser sends, adds no history row and no audit entry (issue 10, item 6)."""

import pytest
from django.urls import reverse

from conditions import services
from conditions.models import Condition
from core.models import AuditEntry
from tests.factories import condition_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_set(assessor):
    made = condition_set("PL-01", publish=False)
    services.condition_save(condition_set=made, by=assessor, condition=made.conditions.get(), description="Một.\nHai.")
    return made


def _recorded(draft_set):
    condition = draft_set.conditions.get()
    changes = AuditEntry.objects.filter(kind=AuditEntry.Kind.CHANGE).count()
    return draft_set.history.count(), condition.history.count(), changes


def _as_the_form_sends(condition):
    return {"code": condition.code, "title": condition.title,
            "description": condition.description.replace("\n", "\r\n"),
            "category": condition.category, "mandatory": "on" if condition.mandatory else "",
            "evidence_required": condition.evidence_required, "validity_months": condition.validity_months,
            "position": condition.position}


def test_a_draft_version_saved_as_it_was_records_nothing(draft_set, assessor):
    before = _recorded(draft_set)
    services.condition_set_update(condition_set=draft_set, by=assessor, **{
        name: getattr(draft_set, name) for name in services.SET_FIELDS})
    assert _recorded(draft_set) == before


def test_a_draft_version_with_a_new_title_records_one_row(draft_set, assessor):
    versions, conditions, _entries = _recorded(draft_set)
    services.condition_set_update(condition_set=draft_set, by=assessor, title="Sửa",
                                  effective_from=draft_set.effective_from)
    assert _recorded(draft_set)[:2] == (versions + 1, conditions)
    assert draft_set.history.first().title == "Sửa"


def test_a_condition_saved_as_it_was_with_browser_line_endings_records_nothing(draft_set, assessor):
    condition = draft_set.conditions.get()
    before = _recorded(draft_set)
    services.condition_save(condition_set=draft_set, by=assessor, condition=condition, **{
        name: getattr(condition, name) for name in services.CONDITION_FIELDS})
    services.condition_save(condition_set=draft_set, by=assessor, condition=condition,
                            description="Một.\r\nHai.", title=condition.title)
    assert _recorded(draft_set) == before


def test_a_condition_form_posted_as_it_was_records_nothing(login, draft_set, assessor):
    condition = draft_set.conditions.get()
    before = _recorded(draft_set)
    login(assessor).post(reverse("conditions:condition_edit", args=[draft_set.pk, condition.pk]),
                         _as_the_form_sends(condition))
    assert _recorded(draft_set) == before


def test_a_condition_form_with_one_change_records_one_row(login, draft_set, assessor):
    condition = draft_set.conditions.get()
    versions, conditions, _entries = _recorded(draft_set)
    login(assessor).post(reverse("conditions:condition_edit", args=[draft_set.pk, condition.pk]),
                         {**_as_the_form_sends(condition), "description": condition.description, "validity_months": 24})
    assert _recorded(draft_set)[:2] == (versions, conditions + 1)
    assert Condition.objects.get(pk=condition.pk).validity_months == 24
