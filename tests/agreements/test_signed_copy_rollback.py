"""The signed copy is written in the signing transaction itself (SignedCopy.data): a signing that does
not go through, refused or rolled back after its copy was rendered, leaves no signed copy behind."""

import secrets

import pytest
from django.db import IntegrityError, transaction

from agreements import services as agreement_services
from agreements.models import Agreement, SignedCopy
from agreements.services import TransitionRefused
from tests.factories import SIGNATORIES, SIGNED_ON, PartnerFactory, agreed, current_province, in_review, on_day, signed
from tests.samples import stored_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(drafter, vnpt):
    """VNPT's minutes in review, ready to be signed."""
    return agreed(in_review(by=drafter, partner=vnpt))


def _sign(agreement, signer, number=1):
    with on_day(SIGNED_ON):
        return agreement_services.agreement_sign(agreement=agreement, by=signer, number=number, signed_on=SIGNED_ON,
                                                 **SIGNATORIES)


def _as_before(agreement):
    agreement.refresh_from_db()
    return (agreement.status, agreement.number, agreement.signed_on) == (Agreement.Status.REVIEW, None, None)


def test_a_signing_whose_transaction_fails_after_rendering_leaves_no_signed_copy(sent, signer):
    files = stored_files()
    with pytest.raises(RuntimeError), transaction.atomic():
        _sign(sent, signer)
        assert SignedCopy.objects.filter(agreement=sent).exists()  # rendered and stored, not yet committed
        raise RuntimeError("anything later in the same transaction fails (or the commit itself)")
    assert not SignedCopy.objects.exists()
    assert stored_files() == files  # nor a file, which no rollback would remove
    assert _as_before(sent)


def test_a_signing_that_hits_an_integrity_error_after_rendering_leaves_no_signed_copy(sent, signer, monkeypatch):
    # Two copies drawing the same verification code: the second breaks a unique constraint when it is
    # stored, after its rendering. Randomness is from outside, so it is the one thing replaced here.
    monkeypatch.setattr(secrets, "token_bytes", lambda n: b"\x00" * n)
    first = signed(partner=PartnerFactory(), provinces=[current_province("48")], number=7)
    with pytest.raises(IntegrityError):
        _sign(sent, signer)
    assert list(SignedCopy.objects.values_list("agreement", flat=True)) == [first.pk]
    assert _as_before(sent)


def test_a_signing_refused_for_a_number_already_used_leaves_no_signed_copy(sent, signer):
    first = signed(partner=PartnerFactory(), provinces=[current_province("48")], number=1)
    with pytest.raises(TransitionRefused, match="Number 01/BB-CNTT is already used in 2025."):
        _sign(sent, signer, number=1)
    assert list(SignedCopy.objects.values_list("agreement", flat=True)) == [first.pk]
    assert _as_before(sent)


def test_a_signing_refused_because_the_partner_is_not_eligible_leaves_no_signed_copy(drafter, signer, vnpt):
    agreement = agreed(in_review(by=drafter, partner=vnpt, eligible=False))
    with pytest.raises(TransitionRefused, match="VNPT-IT is not eligible on 20/12/2025"):
        _sign(agreement, signer)
    assert not SignedCopy.objects.exists()
    assert _as_before(agreement)


def test_the_same_minutes_signed_with_a_free_number_keep_one_signed_copy(sent, signer):
    _sign(sent, signer, number=2)
    assert list(SignedCopy.objects.values_list("agreement", flat=True)) == [sent.pk]
