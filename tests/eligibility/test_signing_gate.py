"""Signing from the page is refused unless the partner is eligible on the signing day."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements import services
from agreements.models import Agreement
from tests.eligibility.conftest import evidence
from tests.factories import accept_evidence, make_agreement
from tests.rules.pages import refusals

pytestmark = pytest.mark.django_db

SIGNED_ON = datetime.date(2025, 12, 28)
FORM = {"number": "3", "symbol": "BB-CNTT", "signed_on": "28/12/2025", "place": "Hà Nội",
        "handing_signatory": "Phạm Đức Long", "handing_signatory_title": "Cục trưởng",
        "receiving_signatory": "Nguyễn Văn A", "receiving_signatory_title": "Giám đốc", "reason": ""}


@pytest.fixture(autouse=True)
def recorded_on_the_signing_day(monkeypatch):
    """The signing is recorded on the day it happens: the gate also judges the day it is recorded."""
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: SIGNED_ON)


@pytest.fixture
def in_review(drafter, vnpt, condition_set):
    """in_review(): a complete VNPT agreement in review, judged under `condition_set`."""

    def _in_review():
        agreement = make_agreement(by=drafter, partner=vnpt, condition_set=condition_set)
        return services.agreement_send_for_review(agreement=agreement, by=drafter)

    return _in_review


def _sign(as_user, drafter, agreement):
    return as_user(drafter).post(reverse("agreements:transition", args=[agreement.pk, "sign"]), FORM)


def _status(agreement):
    agreement.refresh_from_db()
    return agreement.status


def _meet(partner, codes, *, valid_until=datetime.date(2026, 12, 31), skip=()):
    for code, condition in codes.items():
        if condition.mandatory and code not in skip:
            accept_evidence(partner, condition, valid_from=datetime.date(2025, 1, 1), valid_until=valid_until)


def test_signing_is_allowed_when_the_partner_is_eligible_that_day(as_user, drafter, vnpt, codes, in_review):
    _meet(vnpt, codes)
    agreement = in_review()
    assert _sign(as_user, drafter, agreement).status_code == 302
    assert _status(agreement) == Agreement.Status.SIGNED


def test_signing_is_refused_naming_the_mandatory_condition_without_evidence(as_user, drafter, vnpt, codes,
                                                                            in_review):
    _meet(vnpt, codes, skip=["ATTT-01"])
    evidence(vnpt, codes["ATTT-01"], drafter, "submitted")
    agreement = in_review()
    response = _sign(as_user, drafter, agreement)
    assert response.status_code == 409
    [reason] = refusals(response)
    assert reason.startswith("VNPT-IT is not eligible on 28/12/2025 — ATTT-01 ")
    assert _status(agreement) == Agreement.Status.REVIEW


def test_signing_is_refused_when_evidence_expired_the_day_before(as_user, drafter, vnpt, codes, in_review):
    _meet(vnpt, codes, valid_until=SIGNED_ON - datetime.timedelta(days=1))
    agreement = in_review()
    response = _sign(as_user, drafter, agreement)
    assert response.status_code == 409
    assert sorted(r.split(" — ")[1].split()[0] for r in refusals(response)) == ["ATTT-01", "PL-01"]
    assert _status(agreement) == Agreement.Status.REVIEW


def test_signing_is_allowed_on_the_last_day_the_evidence_is_valid(as_user, drafter, vnpt, codes, in_review):
    _meet(vnpt, codes, valid_until=SIGNED_ON)
    agreement = in_review()
    assert _sign(as_user, drafter, agreement).status_code == 302
    assert _status(agreement) == Agreement.Status.SIGNED


def test_a_missing_optional_condition_does_not_stop_the_signing(as_user, drafter, vnpt, codes, in_review):
    _meet(vnpt, codes)
    agreement = in_review()
    assert "KN-01" in codes and not codes["KN-01"].mandatory
    assert _sign(as_user, drafter, agreement).status_code == 302


def test_signing_is_refused_when_the_agreement_has_no_condition_set(as_user, drafter, vnpt, codes, in_review):
    _meet(vnpt, codes)
    agreement = make_agreement(by=drafter, partner=vnpt)
    services.agreement_update(agreement=agreement, by=drafter, header={"condition_set": None})
    agreement = services.agreement_send_for_review(agreement=agreement, by=drafter)
    response = _sign(as_user, drafter, agreement)
    assert response.status_code == 409
    assert refusals(response) == ["Choose the condition set the receiving party is judged under."]
    assert _status(agreement) == Agreement.Status.REVIEW


def test_a_signing_dated_in_the_past_is_refused_when_the_evidence_expired_since(
        as_user, drafter, vnpt, codes, in_review, monkeypatch):
    """Backdating the signature cannot slip past an expiry while the term still runs."""
    _meet(vnpt, codes, valid_until=datetime.date(2026, 1, 31))
    agreement = in_review()
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: datetime.date(2026, 2, 10))
    response = _sign(as_user, drafter, agreement)
    assert response.status_code == 409
    assert any("10/02/2026" in reason for reason in refusals(response))
    assert _status(agreement) == Agreement.Status.REVIEW


def test_a_signing_date_in_the_future_is_refused(as_user, drafter, vnpt, codes, in_review):
    _meet(vnpt, codes)
    agreement = in_review()
    form = dict(FORM, signed_on="29/12/2025")
    response = as_user(drafter).post(reverse("agreements:transition", args=[agreement.pk, "sign"]), form)
    assert response.status_code == 409
    assert _status(agreement) == Agreement.Status.REVIEW
