"""The eligibility rule at its edges: every mandatory condition has accepted evidence valid that day,
under the set the partner is judged by, and nothing else counts."""

import datetime

import pytest

from conditions.eligibility import Standing, verdict
from conditions.models import Evidence
from tests.factories import accept, condition_set, decide, submit

pytestmark = pytest.mark.django_db

UNTIL = datetime.date(2026, 6, 30)


def _meet_all_but(partner, codes, *left_out, valid_until=UNTIL):
    for code, condition in codes.items():
        if condition.mandatory and code not in left_out:
            accept(partner, condition, valid_from=datetime.date(2025, 7, 1), valid_until=valid_until)


def _standing(result, code):
    return next(s.standing for s in result.standings if s.condition.code == code)


def test_evidence_counts_on_its_last_valid_day(vnpt, rules, codes):
    _meet_all_but(vnpt, codes)
    assert verdict(vnpt, rules, UNTIL).eligible


def test_evidence_stops_counting_the_day_after_its_last_valid_day(vnpt, rules, codes):
    _meet_all_but(vnpt, codes)
    result = verdict(vnpt, rules, UNTIL + datetime.timedelta(days=1))
    assert not result.eligible
    assert _standing(result, "PL-01") == Standing.EXPIRED


def test_evidence_valid_only_from_a_later_day_does_not_count_yet(vnpt, rules, codes):
    _meet_all_but(vnpt, codes, "PL-01")
    accept(vnpt, codes["PL-01"], valid_from=datetime.date(2026, 3, 1), valid_until=datetime.date(2027, 2, 28))
    result = verdict(vnpt, rules, datetime.date(2026, 2, 28))
    assert not result.eligible
    assert [s.condition.code for s in result.unmet] == ["PL-01"]
    assert verdict(vnpt, rules, datetime.date(2026, 3, 1)).eligible


def test_a_missing_optional_condition_does_not_block_eligibility(vnpt, rules, codes):
    _meet_all_but(vnpt, codes)
    result = verdict(vnpt, rules, datetime.date(2026, 1, 15))
    assert _standing(result, "KN-01") == Standing.MISSING
    assert result.eligible


@pytest.mark.parametrize("status, standing", [
    (None, Standing.MISSING),
    (Evidence.Status.SUBMITTED, Standing.PENDING),
    (Evidence.Status.REJECTED, Standing.REJECTED),
    (Evidence.Status.INFO_REQUESTED, Standing.INFO_REQUESTED),
])
def test_one_unmet_mandatory_condition_blocks_and_the_reasons_name_it(vnpt, rules, codes, status, standing):
    _meet_all_but(vnpt, codes, "ATTT-01")
    if status:
        evidence = submit(vnpt, codes["ATTT-01"])
        if status != Evidence.Status.SUBMITTED:
            decide(evidence, status, reason="Thiếu hồ sơ")
    result = verdict(vnpt, rules, datetime.date(2026, 1, 15))
    assert not result.eligible
    assert _standing(result, "ATTT-01") == standing
    assert result.reasons() == [f"ATTT-01 Điều kiện ATTT-01: {Standing.LABELS[standing]}"]


def test_evidence_expiring_within_30_days_is_flagged_expiring_and_still_counts(vnpt, rules, codes):
    _meet_all_but(vnpt, codes)
    result = verdict(vnpt, rules, UNTIL - datetime.timedelta(days=30))
    assert _standing(result, "PL-01") == Standing.EXPIRING
    assert [s.condition.code for s in result.expiring] == ["PL-01", "ATTT-01"]
    assert result.eligible


def test_evidence_expiring_in_31_days_is_simply_met(vnpt, rules, codes):
    _meet_all_but(vnpt, codes)
    result = verdict(vnpt, rules, UNTIL - datetime.timedelta(days=31))
    assert _standing(result, "PL-01") == Standing.MET
    assert result.expiring == []


def test_a_newer_rejection_does_not_undo_evidence_still_valid(vnpt, rules, codes):
    _meet_all_but(vnpt, codes)
    decide(submit(vnpt, codes["PL-01"]), Evidence.Status.REJECTED, reason="Bản sao mờ")
    result = verdict(vnpt, rules, datetime.date(2026, 1, 15))
    assert result.eligible
    assert _standing(result, "PL-01") == Standing.MET


def test_no_condition_set_means_not_eligible_with_a_reason(vnpt):
    result = verdict(vnpt, None, datetime.date(2026, 1, 15))
    assert not result.eligible
    assert result.reasons() == ["No published condition set is in force."]


def test_evidence_accepted_under_one_version_does_not_count_under_the_next(vnpt, rules, codes):
    _meet_all_but(vnpt, codes, valid_until=datetime.date(2027, 5, 31))
    v2 = condition_set("PL-01", "ATTT-01", effective_from=datetime.date(2026, 1, 1))
    assert verdict(vnpt, rules, datetime.date(2026, 3, 1)).eligible
    under_v2 = verdict(vnpt, v2, datetime.date(2026, 3, 1))
    assert not under_v2.eligible
    assert [s.standing for s in under_v2.standings] == [Standing.MISSING, Standing.MISSING]
