"""Signing is refused when a province in scope is already covered by another signed agreement
for the same software over an overlapping term, across the 2025 reorganisation too."""

import datetime

import pytest

from agreements import services
from agreements.models import Agreement
from tests.factories import SIGN_DEFAULTS, current_province, make_agreement, make_signed, old_province

pytestmark = pytest.mark.django_db
D = datetime.date


def _sign(agreement, by):
    """Send then sign as number 02, so the number never clashes with the earlier 01."""
    services.agreement_send_for_review(agreement=agreement, by=by)
    return services.agreement_sign(agreement=agreement, by=by, number=2, signed_on=D(2025, 12, 28), **SIGN_DEFAULTS)


def _refusals(agreement, by):
    with pytest.raises(services.TransitionRefused) as refused:
        _sign(agreement, by)
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.REVIEW
    return refused.value.reasons


def test_signing_is_refused_when_a_province_is_already_covered(drafter, vnpt):
    make_signed(by=drafter, number=1, partner=vnpt, provinces=[current_province("01")])
    reasons = _refusals(make_agreement(by=drafter, provinces=[current_province("01")]), drafter)
    assert reasons == ["Hà Nội is already covered by agreement 01/BB-CNTT with VNPT-IT, "
                       "in force from 01/01/2026 to 31/12/2027."]


def test_a_province_covered_by_only_part_of_the_term_still_conflicts(drafter):
    make_signed(by=drafter, number=1, provinces=[current_province("01")], term_start=D(2027, 6, 1),
                term_end=D(2029, 5, 31))
    reasons = _refusals(make_agreement(by=drafter, provinces=[current_province("01"), current_province("79")]),
                        drafter)
    assert len(reasons) == 1 and "01/BB-CNTT" in reasons[0] and reasons[0].startswith("Hà Nội ")


def test_another_province_is_no_conflict(drafter):
    make_signed(by=drafter, number=1, provinces=[current_province("01")])
    assert _sign(make_agreement(by=drafter, provinces=[current_province("79")]), drafter).status == "signed"


def test_an_agreement_for_other_software_is_no_conflict(drafter):
    make_signed(by=drafter, number=1, provinces=[current_province("01")], software_name="Phần mềm Tiêm chủng")
    assert _sign(make_agreement(by=drafter, provinces=[current_province("01")]), drafter).status == "signed"


def test_an_agreement_whose_term_does_not_overlap_is_no_conflict(drafter):
    make_signed(by=drafter, number=1, provinces=[current_province("01")], term_start=D(2025, 7, 1),
                term_end=D(2025, 12, 31))
    assert _sign(make_agreement(by=drafter, provinces=[current_province("01")]), drafter).status == "signed"


def test_a_terminated_agreement_is_no_conflict(drafter):
    earlier = make_signed(by=drafter, number=1, provinces=[current_province("01")])
    services.agreement_terminate(agreement=earlier, by=drafter, terminated_on=D(2025, 12, 22), reason_code="breach")
    assert _sign(make_agreement(by=drafter, provinces=[current_province("01")]), drafter).status == "signed"


def test_an_unsigned_agreement_is_no_conflict(drafter):
    other = make_agreement(by=drafter, provinces=[current_province("01")])
    services.agreement_send_for_review(agreement=other, by=drafter)
    assert _sign(make_agreement(by=drafter, provinces=[current_province("01")]), drafter).status == "signed"


def test_an_old_province_conflicts_with_the_province_it_became_part_of(drafter):
    # Hà Giang (02) became part of Tuyên Quang (08) on 01/07/2025.
    make_signed(by=drafter, number=1, provinces=[old_province("02")], term_start=D(2024, 1, 1),
                term_end=D(2026, 12, 31))
    reasons = _refusals(make_agreement(by=drafter, provinces=[current_province("08")]), drafter)
    assert len(reasons) == 1 and reasons[0].startswith("Tuyên Quang is already covered by agreement 01/BB-CNTT")


def test_the_new_province_conflicts_with_an_old_one_it_absorbed(drafter):
    make_signed(by=drafter, number=1, provinces=[current_province("08")])
    later = make_agreement(by=drafter, provinces=[old_province("02")], term_start=D(2024, 1, 1),
                           term_end=D(2026, 12, 31))
    reasons = _refusals(later, drafter)
    assert len(reasons) == 1 and reasons[0].startswith("Hà Giang is already covered by agreement 01/BB-CNTT")


def test_an_old_province_whose_term_ended_before_the_new_term_is_no_conflict(drafter):
    make_signed(by=drafter, number=1, provinces=[old_province("02")], term_start=D(2024, 1, 1),
                term_end=D(2025, 6, 30))
    assert _sign(make_agreement(by=drafter, provinces=[current_province("08")]), drafter).status == "signed"


def test_an_agreement_terminated_with_effect_from_a_later_day_still_covers_until_then(drafter):
    # Terminated on paper today, but in force until 30/06/2026: the new term starts before that.
    earlier = make_signed(by=drafter, number=1, provinces=[current_province("01")])
    services.agreement_terminate(agreement=earlier, by=drafter, terminated_on=D(2026, 6, 30), reason_code="mutual")
    reasons = _refusals(make_agreement(by=drafter, provinces=[current_province("01")]), drafter)
    assert len(reasons) == 1 and "01/BB-CNTT" in reasons[0]


def test_two_old_provinces_merged_into_one_do_not_cover_each_other(drafter):
    # Hà Giang (02) and the old Tuyên Quang (08) both became part of today's Tuyên Quang,
    # but before that they were separate territories: one covering the other is no conflict.
    term = dict(term_start=D(2024, 1, 1), term_end=D(2026, 12, 31))
    make_signed(by=drafter, number=1, provinces=[old_province("02")], **term)
    later = make_agreement(by=drafter, provinces=[old_province("08")], **term)
    assert _sign(later, drafter).status == "signed"
