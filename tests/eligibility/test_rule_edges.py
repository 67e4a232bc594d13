"""The eligibility rule at its edges: every mandatory condition has accepted evidence valid that day."""

import datetime

import pytest

from conditions.eligibility import Standing, verdict
from conditions.models import Evidence
from tests.eligibility.conftest import evidence
from tests.factories import UserFactory, accept_evidence

pytestmark = pytest.mark.django_db

UNTIL = datetime.date(2026, 6, 30)


def _meet_all_but(partner, codes, *left_out, valid_until=UNTIL):
    for code, condition in codes.items():
        if condition.mandatory and code not in left_out:
            accept_evidence(partner, condition, valid_from=datetime.date(2025, 7, 1), valid_until=valid_until)


def _standing(result, code):
    return next(s.standing for s in result.standings if s.condition.code == code)


def test_evidence_counts_on_its_last_valid_day(vnpt, condition_set, codes):
    _meet_all_but(vnpt, codes)
    assert verdict(vnpt, condition_set, UNTIL).eligible


def test_evidence_stops_counting_the_day_after_its_last_valid_day(vnpt, condition_set, codes):
    _meet_all_but(vnpt, codes)
    result = verdict(vnpt, condition_set, UNTIL + datetime.timedelta(days=1))
    assert not result.eligible
    assert _standing(result, "PL-01") == Standing.EXPIRED


def test_evidence_valid_only_from_a_later_day_does_not_count_yet(vnpt, condition_set, codes):
    _meet_all_but(vnpt, codes, "PL-01")
    accept_evidence(vnpt, codes["PL-01"], valid_from=datetime.date(2026, 3, 1), valid_until=datetime.date(2027, 2, 28))
    result = verdict(vnpt, condition_set, datetime.date(2026, 2, 28))
    assert not result.eligible
    assert [s.condition.code for s in result.unmet] == ["PL-01"]


def test_a_missing_optional_condition_does_not_block_eligibility(vnpt, condition_set, codes):
    _meet_all_but(vnpt, codes)
    result = verdict(vnpt, condition_set, datetime.date(2026, 1, 15))
    assert _standing(result, "KN-01") == Standing.MISSING
    assert result.eligible


@pytest.mark.parametrize("status, standing", [
    (None, Standing.MISSING),
    (Evidence.Status.SUBMITTED, Standing.PENDING),
    (Evidence.Status.REJECTED, Standing.REJECTED),
    (Evidence.Status.INFO_REQUESTED, Standing.INFO_REQUESTED),
])
def test_one_unmet_mandatory_condition_blocks_and_the_reasons_name_it(vnpt, condition_set, codes, status, standing):
    _meet_all_but(vnpt, codes, "ATTT-01")
    if status:
        evidence(vnpt, codes["ATTT-01"], UserFactory(), status)
    result = verdict(vnpt, condition_set, datetime.date(2026, 1, 15))
    assert not result.eligible
    assert _standing(result, "ATTT-01") == standing
    [reason] = result.reasons()
    assert reason.startswith("ATTT-01 ")


def test_evidence_expiring_within_30_days_is_flagged_expiring_and_still_counts(vnpt, condition_set, codes):
    _meet_all_but(vnpt, codes)
    result = verdict(vnpt, condition_set, UNTIL - datetime.timedelta(days=30))
    assert _standing(result, "PL-01") == Standing.EXPIRING
    assert result.eligible


def test_evidence_expiring_in_31_days_is_simply_met(vnpt, condition_set, codes):
    _meet_all_but(vnpt, codes)
    result = verdict(vnpt, condition_set, UNTIL - datetime.timedelta(days=31))
    assert _standing(result, "PL-01") == Standing.MET
    assert result.expiring == []


def test_a_newer_rejection_does_not_undo_evidence_still_valid(vnpt, condition_set, codes):
    _meet_all_but(vnpt, codes)
    evidence(vnpt, codes["PL-01"], UserFactory(), Evidence.Status.REJECTED)
    assert verdict(vnpt, condition_set, datetime.date(2026, 1, 15)).eligible


def test_no_condition_set_means_not_eligible_with_a_reason(vnpt):
    result = verdict(vnpt, None, datetime.date(2026, 1, 15))
    assert not result.eligible
    assert len(result.reasons()) == 1
