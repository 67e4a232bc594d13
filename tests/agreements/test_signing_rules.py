"""Every rule a signing must pass (agreements/guards/signing.py), grouped as that module checks them:
the partner unit is active; the minutes carry the details they print (a number free in its year, a
symbol, a date not in the future, both signatories); no province in scope is already covered by
another agreement in force for the same software; the partner is eligible under the set in force on
the signing day, on that day and on the day the signing is recorded.

Each rule both ways, through the service and from the page (409 with the reasons, 400 by a field)."""

import datetime

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement
from partners import services as partner_services
from partners.models import Partner
from tests.factories import (
    SIGNATORIES,
    accept,
    agreed,
    condition_set,
    current_province,
    draft,
    in_review,
    meet,
    old_province,
    on_day,
    signed,
    submit,
    terminated,
)
from tests.pages import field_errors, flash_messages, refusals

pytestmark = pytest.mark.django_db
S = Agreement.Status
D = datetime.date
DEC_28 = D(2025, 12, 28)
FORM = {"number": "1", "signed_on": "28/12/2025", "reason": "", **SIGNATORIES}


@pytest.fixture(autouse=True)
def clock():
    """The signing is recorded on 28/12/2025, the day the minutes are dated, unless a test says otherwise."""
    with on_day(DEC_28) as traveller:
        yield traveller


def ready(**kwargs):
    """Minutes in review with every addressee's opinion in: only the rule under test stands in the way
    (the round's own rules: tests/agreements/test_signing_waits_for_opinions.py)."""
    return agreed(in_review(**kwargs))


def _sign(agreement, by, **changes):
    return services.agreement_sign(agreement=agreement, by=by, **{"number": 1, "signed_on": DEC_28, **SIGNATORIES,
                                                                  **changes})


def _refusals(agreement, by, **changes):
    """The reasons the service gives for refusing; the minutes stay in review, with no number or date."""
    with pytest.raises(services.TransitionRefused) as refused:
        _sign(agreement, by, **changes)
    _assert_still_in_review(agreement)
    return refused.value.reasons


def _post(client, agreement, **changes):
    return client.post(reverse("agreements:transition", args=[agreement.pk, "sign"]), {**FORM, **changes})


def _assert_still_in_review(agreement):
    agreement.refresh_from_db()
    assert (agreement.status, agreement.number, agreement.signed_on) == (S.REVIEW, None, None)
    assert not agreement.status_changes.filter(to_status=S.SIGNED).exists()


def _status(agreement):
    agreement.refresh_from_db()
    return agreement.status


# --- a signing that passes every rule (dated today: a date not in the future) ---------------------

def test_minutes_in_review_are_signed_with_their_number_for_the_year(signer):
    done = _sign(ready(), signer, number=3)
    assert (done.status, done.number_and_symbol, done.number_year, done.signed_on) == (S.SIGNED, "03/BB-CNTT",
                                                                                     2025, DEC_28)


def test_the_signer_records_the_signing_from_the_page(login, signer):
    agreement = ready()
    response = _post(login(signer), agreement, number="4")
    assert response.status_code == 302
    assert flash_messages(response) == ["Signing recorded. The minutes are now frozen."]
    agreement.refresh_from_db()
    assert (agreement.status, agreement.number_and_symbol, agreement.signed_on) == (S.SIGNED, "04/BB-CNTT", DEC_28)


# --- only an active partner unit may take part ------------------------------------------------------

def test_signing_is_refused_when_the_partner_unit_is_suspended(signer, drafter, vnpt):
    agreement = ready(partner=vnpt)
    partner_services.partner_set_status(partner=vnpt, status=Partner.Status.SUSPENDED, by=drafter, reason="Vi phạm")
    assert _refusals(agreement, signer) == ["VNPT-IT is suspended: only an active partner unit may take part."]


def test_the_page_refuses_signing_for_a_withdrawn_partner_unit(login, signer, drafter, vnpt):
    agreement = ready(partner=vnpt)
    partner_services.partner_set_status(partner=vnpt, status=Partner.Status.WITHDRAWN, by=drafter, reason="Rút lui")
    response = _post(login(signer), agreement)
    assert response.status_code == 409
    assert refusals(response) == ["VNPT-IT is withdrawn: only an active partner unit may take part."]
    _assert_still_in_review(agreement)


# --- the details the minutes print: number, symbol without spaces, date, both signatories ---------

SYMBOL_RULE = "A symbol is capital letters and digits joined by hyphens, as BB-CNTT or BB-KHĐT."


@pytest.mark.parametrize("change,reason", [
    ({"number": None}, "Give the minutes a number."),
    ({"symbol": "  "}, "Give the minutes a symbol."),
    ({"symbol": "BB CNTT"}, SYMBOL_RULE),
    ({"symbol": "BB\nX-Injected:1"}, SYMBOL_RULE),
    ({"symbol": 'BB"-CNTT'}, SYMBOL_RULE),
    ({"symbol": "bb-cntt"}, SYMBOL_RULE),
    ({"symbol": "BB--CNTT"}, SYMBOL_RULE),
    ({"signed_on": None}, "Give the signing date."),
    ({"handing_signatory": ""}, "Name who signs for the handing party, with their title."),
    ({"receiving_signatory_title": ""}, "Name who signs for the receiving party, with their title."),
], ids=["no number", "no symbol", "symbol with a space", "symbol with a line break", "symbol with a quote",
        "symbol in small letters", "symbol with an empty part", "no date", "no handing signatory",
        "no receiving title"])
def test_signing_is_refused_without_each_detail_the_minutes_print(signer, change, reason):
    assert _refusals(ready(), signer, **change) == [reason]


@pytest.mark.parametrize("symbol", ["BB-CNTT", "BB-KHĐT", "BB-YT2"])
def test_a_symbol_of_capital_letters_vietnamese_ones_included_is_accepted(signer, symbol):
    agreement = _sign(ready(), signer, symbol=symbol)
    assert (agreement.status, agreement.number_and_symbol) == ("signed", f"01/{symbol}")


def test_signing_names_every_missing_detail_at_once(signer):
    reasons = _refusals(ready(), signer, number=None, handing_signatory="", receiving_signatory="")
    assert reasons == ["Give the minutes a number.", "Name who signs for the handing party, with their title.",
                       "Name who signs for the receiving party, with their title."]


@pytest.mark.parametrize("signed_on", [D(2025, 12, 29), D(2028, 6, 16)], ids=["tomorrow", "years ahead"])
def test_a_signing_date_in_the_future_is_refused(signer, signed_on):
    assert _refusals(ready(), signer, signed_on=signed_on) == ["The signing date cannot be in the future."]


def test_the_page_refuses_a_signing_date_in_the_future(login, signer):
    agreement = ready()
    response = _post(login(signer), agreement, signed_on="29/12/2025")
    assert response.status_code == 409
    assert refusals(response) == ["The signing date cannot be in the future."]
    _assert_still_in_review(agreement)


@pytest.mark.parametrize("field", ["number", "handing_signatory", "receiving_signatory", "receiving_signatory_title"])
def test_a_missing_signing_detail_is_marked_by_its_field(login, signer, field):
    agreement = ready()
    response = _post(login(signer), agreement, **{field: ""})
    assert response.status_code == 400
    assert field_errors(response, field) == ["This field is required."]
    _assert_still_in_review(agreement)


def test_a_symbol_with_a_space_is_marked_by_its_field(login, signer):
    agreement = ready()
    response = _post(login(signer), agreement, symbol="BB CNTT")
    assert response.status_code == 400
    assert field_errors(response, "symbol") == [SYMBOL_RULE]
    _assert_still_in_review(agreement)


# --- a number free in its year (numbering restarts each year; per symbol) --------------------------

def test_signing_is_refused_when_the_number_is_already_used_that_year(signer):
    signed(number=1, signed_on=D(2025, 3, 1), provinces=[current_province("01")])
    agreement = ready(provinces=[current_province("79")])
    assert _refusals(agreement, signer, number=1) == ["Number 01/BB-CNTT is already used in 2025."]


def test_a_number_already_used_is_named_with_the_other_problems(signer):
    # The database would refuse the number too, but only after every other rule passed, alone.
    signed(number=1, provinces=[current_province("01")])
    reasons = _refusals(ready(provinces=[current_province("79")]), signer, number=1, handing_signatory="")
    assert reasons == ["Number 01/BB-CNTT is already used in 2025.",
                       "Name who signs for the handing party, with their title."]


def test_a_terminated_agreement_keeps_its_number_for_the_year(signer):
    terminated(number=1, terminated_on=DEC_28, reason_code="mutual", provinces=[current_province("01")])
    agreement = ready(provinces=[current_province("79")])
    assert _refusals(agreement, signer, number=1) == ["Number 01/BB-CNTT is already used in 2025."]


def test_numbering_restarts_each_year(signer):
    signed(number=1, provinces=[current_province("01")])
    agreement = ready(provinces=[current_province("79")])
    with on_day(D(2026, 1, 5)):
        done = _sign(agreement, signer, number=1, signed_on=D(2026, 1, 5))
    assert (done.status, done.number_and_symbol, done.number_year) == (S.SIGNED, "01/BB-CNTT", 2026)


def test_the_same_number_under_another_symbol_is_free(signer):
    signed(number=1, provinces=[current_province("01")])
    done = _sign(ready(provinces=[current_province("79")]), signer, number=1, symbol="BB-KHĐT")
    assert (done.status, done.number_and_symbol) == (S.SIGNED, "01/BB-KHĐT")


def test_the_page_refuses_a_number_already_used_that_year(login, signer):
    signed(number=1, provinces=[current_province("01")])
    agreement = ready(provinces=[current_province("79")])
    response = _post(login(signer), agreement, number="1")
    assert response.status_code == 409
    assert refusals(response) == ["Number 01/BB-CNTT is already used in 2025."]
    _assert_still_in_review(agreement)


def test_the_page_accepts_the_same_number_in_the_next_year(login, signer):
    signed(number=1, provinces=[current_province("01")])
    agreement = ready(provinces=[current_province("79")])
    with on_day(D(2026, 1, 2)):
        assert _post(login(signer), agreement, number="1", signed_on="02/01/2026").status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.number_year) == (S.SIGNED, 2026)


# --- coverage: no province already covered by an agreement in force for the same software ---------
# The earlier agreement is VNPT-IT's, number 01, its term 2026-2027 unless a test says otherwise.

def _covered(province, until="31/12/2027", since="01/01/2026", number="01"):
    return (f"{province} is already covered by agreement {number}/BB-CNTT with VNPT-IT, "
            f"in force from {since} to {until}.")


def test_signing_is_refused_when_a_province_is_already_covered(signer, vnpt):
    signed(partner=vnpt, provinces=[current_province("01")])
    later = ready(provinces=[current_province("01")])
    assert _refusals(later, signer, number=2) == [_covered("Hà Nội")]


def test_a_province_covered_for_only_part_of_the_term_still_conflicts(signer, vnpt):
    signed(partner=vnpt, provinces=[current_province("01")], term_start=D(2027, 6, 1), term_end=D(2029, 5, 31))
    later = ready(provinces=[current_province("01"), current_province("79")])
    assert _refusals(later, signer, number=2) == [_covered("Hà Nội", since="01/06/2027", until="31/05/2029")]


@pytest.mark.parametrize("earlier", [
    dict(provinces=["79"]),
    dict(software_name="Phần mềm Tiêm chủng"),
    dict(term_start=D(2025, 7, 1), term_end=D(2025, 12, 31)),
], ids=["another province", "other software", "a term that does not overlap"])
def test_an_agreement_elsewhere_or_for_other_software_or_another_time_is_no_conflict(signer, earlier):
    provinces = [current_province(code) for code in earlier.pop("provinces", ["01"])]
    signed(provinces=provinces, **earlier)
    done = _sign(ready(provinces=[current_province("01")]), signer, number=2)
    assert done.status == S.SIGNED


def test_an_agreement_terminated_before_the_term_starts_is_no_conflict(signer):
    terminated(terminated_on=D(2025, 12, 22), reason_code="breach", provinces=[current_province("01")])
    assert _sign(ready(provinces=[current_province("01")]), signer, number=2).status == S.SIGNED


def test_an_agreement_terminated_with_effect_from_a_later_day_still_covers_until_then(signer, vnpt):
    # Terminated on paper, but in force until 30/06/2026: the new term starts before that.
    terminated(partner=vnpt, terminated_on=D(2026, 6, 30), reason_code="mutual", provinces=[current_province("01")])
    later = ready(provinces=[current_province("01")])
    assert _refusals(later, signer, number=2) == [_covered("Hà Nội", until="30/06/2026")]


def test_an_unsigned_agreement_is_no_conflict(signer):
    ready(provinces=[current_province("01")])
    assert _sign(ready(provinces=[current_province("01")]), signer, number=2).status == S.SIGNED


def test_an_old_province_conflicts_with_the_province_it_became_part_of(signer, vnpt):
    # Hà Giang (02) became part of Tuyên Quang (08) on 01/07/2025.
    signed(partner=vnpt, provinces=[old_province("02")], term_start=D(2024, 1, 1), term_end=D(2026, 12, 31))
    later = ready(provinces=[current_province("08")])
    assert _refusals(later, signer, number=2) == [_covered("Tuyên Quang", since="01/01/2024", until="31/12/2026")]


def test_the_new_province_conflicts_with_an_old_one_it_absorbed(signer, vnpt):
    signed(partner=vnpt, provinces=[current_province("08")])
    later = ready(provinces=[old_province("02")], term_start=D(2024, 1, 1), term_end=D(2026, 12, 31))
    assert _refusals(later, signer, number=2) == [_covered("Hà Giang")]


def test_an_old_province_whose_term_ended_before_the_new_term_is_no_conflict(signer):
    signed(provinces=[old_province("02")], term_start=D(2024, 1, 1), term_end=D(2025, 6, 30))
    assert _sign(ready(provinces=[current_province("08")]), signer, number=2).status == S.SIGNED


def test_two_old_provinces_merged_into_one_do_not_cover_each_other(signer):
    # Hà Giang (02) and the old Tuyên Quang (08) both became part of today's Tuyên Quang, but before
    # that they were separate territories: one covering the other is no conflict.
    term = dict(term_start=D(2024, 1, 1), term_end=D(2026, 12, 31))
    signed(provinces=[old_province("02")], **term)
    assert _sign(ready(provinces=[old_province("08")], **term), signer, number=2).status == S.SIGNED


def test_the_page_refuses_a_covered_province_naming_the_other_agreement(login, signer, vnpt):
    signed(partner=vnpt, provinces=[current_province("01")])
    agreement = ready(provinces=[current_province("01")])
    response = _post(login(signer), agreement, number="2")
    assert response.status_code == 409
    assert refusals(response) == [_covered("Hà Nội")]
    _assert_still_in_review(agreement)


def test_the_page_refuses_coverage_across_the_reorganisation(login, signer, vnpt):
    signed(partner=vnpt, provinces=[old_province("02")], term_start=D(2024, 1, 1), term_end=D(2026, 12, 31))
    agreement = ready(provinces=[current_province("08")])
    response = _post(login(signer), agreement, number="2")
    assert response.status_code == 409
    assert refusals(response) == [_covered("Tuyên Quang", since="01/01/2024", until="31/12/2026")]
    _assert_still_in_review(agreement)


# --- eligibility: under the set in force on the signing day ----------------------------------------

def _not_in_force(condition_set, day):
    return f"{condition_set} is not in force on {day}: choose the condition set in force on the signing day."


def test_signing_under_a_set_no_longer_in_force_on_the_signing_day_is_refused(signer, vnpt):
    old = condition_set("PL-01", effective_from=D(2020, 1, 1))
    meet(vnpt, old)  # meets the old, lax catalogue only
    condition_set("ATTT-01", effective_from=D(2025, 1, 1))  # replaces it from 01/01/2025
    agreement = ready(partner=vnpt, condition_set=old)  # the form offers superseded sets
    assert _refusals(agreement, signer) == [_not_in_force(old, "28/12/2025")]


def test_a_signing_day_before_the_set_took_effect_is_refused(signer, vnpt):
    agreement = ready(partner=vnpt)  # judged under the catalogue in force from 01/01/2025
    reasons = _refusals(agreement, signer, signed_on=D(2020, 6, 1))
    assert reasons == [_not_in_force(agreement.condition_set, "01/06/2020")]


def test_signing_under_a_set_replaced_only_after_the_signing_day_is_allowed(signer, vnpt):
    current = condition_set("PL-01")
    meet(vnpt, current)
    condition_set("PL-01", "ATTT-01", effective_from=D(2026, 6, 1))  # published, not yet in force
    assert _sign(ready(partner=vnpt, condition_set=current), signer).status == S.SIGNED


# --- eligibility: on the signing day, and on the day the signing is recorded ------------------------
# VNPT-IT under a catalogue of PL-01 and ATTT-01 (mandatory) and KN-01 (optional), signed from the page.

@pytest.fixture
def conditions(db):
    made = condition_set("PL-01", "ATTT-01", "KN-01", optional=("KN-01",))
    return {condition.code: condition for condition in made.conditions.all()}


def _meet(partner, conditions, *, valid_until=D(2026, 12, 31), skip=()):
    for code, condition in conditions.items():
        if condition.mandatory and code not in skip:
            accept(partner, condition, valid_from=D(2025, 1, 1), valid_until=valid_until)


def _vnpt_in_review(vnpt, conditions):
    return ready(partner=vnpt, condition_set=conditions["PL-01"].condition_set)


def _not_eligible(day, *standings):
    return [f"VNPT-IT is not eligible on {day} — {code} Điều kiện {code}: {standing}" for code, standing in standings]


def test_signing_is_allowed_when_the_partner_is_eligible_that_day(login, signer, vnpt, conditions):
    _meet(vnpt, conditions)
    agreement = _vnpt_in_review(vnpt, conditions)
    assert _post(login(signer), agreement).status_code == 302
    assert _status(agreement) == S.SIGNED


def test_signing_is_refused_naming_the_mandatory_condition_not_yet_accepted(login, signer, vnpt, conditions):
    _meet(vnpt, conditions, skip=["ATTT-01"])
    submit(vnpt, conditions["ATTT-01"])  # awaiting assessment: it does not count yet
    agreement = _vnpt_in_review(vnpt, conditions)
    response = _post(login(signer), agreement)
    assert response.status_code == 409
    assert refusals(response) == _not_eligible("28/12/2025", ("ATTT-01", "Awaiting assessment"))
    _assert_still_in_review(agreement)


def test_signing_is_refused_when_the_evidence_expired_the_day_before(login, signer, vnpt, conditions):
    _meet(vnpt, conditions, valid_until=DEC_28 - datetime.timedelta(days=1))
    agreement = _vnpt_in_review(vnpt, conditions)
    response = _post(login(signer), agreement)
    assert response.status_code == 409
    assert refusals(response) == _not_eligible("28/12/2025", ("PL-01", "Expired"), ("ATTT-01", "Expired"))
    _assert_still_in_review(agreement)


def test_signing_is_allowed_on_the_last_day_the_evidence_is_valid(login, signer, vnpt, conditions):
    _meet(vnpt, conditions, valid_until=DEC_28)
    agreement = _vnpt_in_review(vnpt, conditions)
    assert _post(login(signer), agreement).status_code == 302
    assert _status(agreement) == S.SIGNED


def test_a_missing_optional_condition_does_not_stop_the_signing(login, signer, vnpt, conditions):
    _meet(vnpt, conditions)
    assert not conditions["KN-01"].mandatory and not conditions["KN-01"].evidence.exists()
    agreement = _vnpt_in_review(vnpt, conditions)
    assert _post(login(signer), agreement).status_code == 302
    assert _status(agreement) == S.SIGNED


def test_signing_is_refused_when_the_agreement_has_no_condition_set(login, signer, drafter, vnpt, conditions):
    _meet(vnpt, conditions)
    agreement = draft(by=drafter, partner=vnpt, condition_set=conditions["PL-01"].condition_set)
    services.agreement_update(agreement=agreement, by=drafter, header={"condition_set": None})
    agreed(services.agreement_send_for_review(agreement=agreement, by=drafter))
    response = _post(login(signer), agreement)
    assert response.status_code == 409
    assert refusals(response) == ["Choose the condition set the receiving party is judged under."]
    _assert_still_in_review(agreement)


def test_a_signing_dated_in_the_past_is_refused_when_the_evidence_expired_since(login, signer, vnpt, conditions):
    """Backdating the signature cannot slip past an expiry while the term still runs."""
    _meet(vnpt, conditions, valid_until=D(2026, 1, 31))
    agreement = _vnpt_in_review(vnpt, conditions)
    with on_day(D(2026, 2, 10)):
        response = _post(login(signer), agreement)
    assert response.status_code == 409
    assert refusals(response) == _not_eligible("10/02/2026", ("PL-01", "Expired"), ("ATTT-01", "Expired"))
    _assert_still_in_review(agreement)


def test_a_signing_dated_in_the_past_is_allowed_when_the_evidence_is_valid_on_both_days(login, signer, vnpt,
                                                                                       conditions):
    _meet(vnpt, conditions, valid_until=D(2026, 12, 31))
    agreement = _vnpt_in_review(vnpt, conditions)
    with on_day(D(2026, 2, 10)):
        assert _post(login(signer), agreement).status_code == 302
    assert _status(agreement) == S.SIGNED
