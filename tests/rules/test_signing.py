"""Signing needs a number free for the year and both signatories (services)."""

import datetime

import pytest

from agreements import services
from agreements.models import Agreement
from tests.factories import SIGN_DEFAULTS, current_province, make_agreement, make_signed

pytestmark = pytest.mark.django_db
DEC_28 = datetime.date(2025, 12, 28)


def _in_review(by, province="79"):
    """Minutes in review, on a province no other test agreement covers."""
    agreement = make_agreement(by=by, provinces=[current_province(province)])
    return services.agreement_send_for_review(agreement=agreement, by=by)


def _sign(agreement, by, **changes):
    details = dict(SIGN_DEFAULTS, number=1, signed_on=DEC_28)
    details.update(changes)
    return services.agreement_sign(agreement=agreement, by=by, **details)


def _refusals(agreement, by, **changes):
    with pytest.raises(services.TransitionRefused) as refused:
        _sign(agreement, by, **changes)
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.REVIEW
    assert agreement.number is None and agreement.signed_on is None
    return refused.value.reasons


def test_minutes_in_review_are_signed_with_their_number_for_the_year(drafter):
    signed = _sign(_in_review(drafter), drafter, number=3)
    assert signed.status == Agreement.Status.SIGNED
    assert signed.number_and_symbol == "03/BB-CNTT"
    assert signed.number_year == 2025


def test_signing_is_refused_without_a_number(drafter):
    assert _refusals(_in_review(drafter), drafter, number=None) == ["Give the minutes a number."]


def test_signing_is_refused_without_a_symbol(drafter):
    assert _refusals(_in_review(drafter), drafter, symbol="  ") == ["Give the minutes a symbol."]


def test_signing_is_refused_without_the_handing_signatory(drafter):
    reasons = _refusals(_in_review(drafter), drafter, handing_signatory="")
    assert reasons == ["Name who signs for the handing party, with their title."]


def test_signing_is_refused_without_the_receiving_signatorys_title(drafter):
    reasons = _refusals(_in_review(drafter), drafter, receiving_signatory_title="")
    assert reasons == ["Name who signs for the receiving party, with their title."]


def test_signing_names_every_missing_detail_at_once(drafter):
    reasons = _refusals(_in_review(drafter), drafter, number=None, handing_signatory="", receiving_signatory="")
    assert sorted(reasons) == sorted(["Give the minutes a number.",
                                      "Name who signs for the handing party, with their title.",
                                      "Name who signs for the receiving party, with their title."])


def test_signing_is_refused_when_the_number_is_already_used_that_year(drafter):
    make_signed(by=drafter, number=1, signed_on=datetime.date(2025, 3, 1), provinces=[current_province("01")])
    reasons = _refusals(_in_review(drafter), drafter, number=1, signed_on=DEC_28)
    assert reasons == ["Number 01/BB-CNTT is already used in 2025."]


def test_a_terminated_agreement_keeps_its_number_for_the_year(drafter):
    earlier = make_signed(by=drafter, number=1, provinces=[current_province("01")])
    services.agreement_terminate(agreement=earlier, by=drafter, terminated_on=DEC_28, reason_code="mutual")
    reasons = _refusals(_in_review(drafter), drafter, number=1, signed_on=DEC_28)
    assert reasons == ["Number 01/BB-CNTT is already used in 2025."]


def test_numbering_restarts_each_year(drafter):
    make_signed(by=drafter, number=1, signed_on=datetime.date(2025, 12, 20), provinces=[current_province("01")])
    signed = _sign(_in_review(drafter), drafter, number=1, signed_on=datetime.date(2026, 1, 5))
    assert signed.status == Agreement.Status.SIGNED
    assert (signed.number_and_symbol, signed.number_year) == ("01/BB-CNTT", 2026)


def test_the_same_number_under_another_symbol_is_free(drafter):
    make_signed(by=drafter, number=1, provinces=[current_province("01")])
    signed = _sign(_in_review(drafter), drafter, number=1, symbol="BB-KHĐT")
    assert signed.number_and_symbol == "01/BB-KHĐT"
