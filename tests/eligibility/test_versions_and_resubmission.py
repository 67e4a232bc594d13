"""Versions replace each other on their effective date; a partner can resubmit after a rejection."""

import datetime

import pytest

from conditions import services
from conditions.eligibility import Standing, verdict
from conditions.models import ConditionSet, Evidence
from tests.eligibility.conftest import submit
from tests.factories import accept_evidence

pytestmark = pytest.mark.django_db

V2_FROM = datetime.date(2026, 1, 1)


def _publish(by, effective_from, copy_from=None):
    condition_set = services.condition_set_create(by=by, title="Điều kiện", effective_from=effective_from,
                                                  copy_from=copy_from)
    if copy_from is None:
        services.condition_save(condition_set=condition_set, by=by, code="PL-01", title="Tư cách pháp nhân",
                                category="legal", mandatory=True, validity_months=24)
    return services.condition_set_publish(condition_set=condition_set, by=by)


@pytest.fixture
def v1_and_v2(assessor):
    v1 = _publish(assessor, datetime.date(2019, 10, 1))
    return v1, _publish(assessor, V2_FROM, copy_from=v1)


def test_the_older_version_is_in_force_the_day_before_the_newer_takes_effect(v1_and_v2):
    v1, _v2 = v1_and_v2
    assert ConditionSet.objects.in_force_on(V2_FROM - datetime.timedelta(days=1)) == v1


def test_the_newer_version_is_in_force_from_its_effective_date(v1_and_v2):
    _v1, v2 = v1_and_v2
    assert ConditionSet.objects.in_force_on(V2_FROM) == v2


def test_no_version_is_in_force_before_the_first_takes_effect(v1_and_v2):
    assert ConditionSet.objects.in_force_on(datetime.date(2019, 9, 30)) is None


def test_a_draft_version_is_never_in_force(v1_and_v2, assessor):
    services.condition_set_create(by=assessor, title="Nháp", effective_from=datetime.date(2026, 6, 1))
    assert ConditionSet.objects.in_force_on(datetime.date(2026, 7, 1)).version == 2


def test_evidence_accepted_under_v1_does_not_count_under_v2(v1_and_v2, vnpt):
    v1, v2 = v1_and_v2
    accept_evidence(vnpt, v1.conditions.get(code="PL-01"), valid_from=datetime.date(2025, 6, 1),
                    valid_until=datetime.date(2027, 5, 31))
    assert verdict(vnpt, v1, datetime.date(2026, 3, 1)).eligible
    under_v2 = verdict(vnpt, v2, datetime.date(2026, 3, 1))
    assert not under_v2.eligible
    assert [s.standing for s in under_v2.standings] == [Standing.MISSING]


def test_a_resubmission_after_a_rejection_then_accepted_turns_the_partner_eligible(vnpt, vnpt_user, assessor,
                                                                                   condition_set, codes):
    day = datetime.date(2026, 3, 1)
    accept_evidence(vnpt, codes["ATTT-01"])
    first = submit(vnpt, codes["PL-01"], vnpt_user)
    services.evidence_decide(evidence=first, by=assessor, decision=Evidence.Status.REJECTED, reason="Hết hạn")
    assert not verdict(vnpt, condition_set, day).eligible

    second = submit(vnpt, codes["PL-01"], vnpt_user)
    assert verdict(vnpt, condition_set, day).unmet[0].standing == Standing.PENDING
    services.evidence_decide(evidence=second, by=assessor, decision=Evidence.Status.ACCEPTED,
                             valid_from=datetime.date(2026, 2, 1))
    assert verdict(vnpt, condition_set, day).eligible
