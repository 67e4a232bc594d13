"""Separation of duties (agreements/guards/opinions.duty_problems, core/roles.py): whoever drafted the
version in review (started the minutes, edited their text, sent them) or answered its comments does not
record its signing, even holding the signer role; the drafter role has no signing permission at all.
Superusers included."""

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement
from core import roles
from core.exceptions import NotPermitted
from core.permissions import has_grant
from tests.agreements.review_round import DAY, record, refusal, request_of, rewrite, sign
from tests.factories import UserFactory, agreed, draft, in_review, on_day, review_department, reviewer_of

pytestmark = pytest.mark.django_db
S = Agreement.Status
DUTY = "You drafted v1 or answered its comments: someone else must record its signing."


@pytest.fixture(autouse=True)
def clock():
    with on_day(DAY):
        yield


def _send(agreement, by):
    return services.agreement_send_for_review(agreement=agreement, by=by)


def _started(both, drafter):
    return agreed(_send(draft(by=both), drafter))


def _edited(both, drafter):
    return agreed(_send(rewrite(draft(by=drafter), both, "Bên giao giữ quyền sở hữu"), drafter))


def _sent(both, drafter):
    return agreed(_send(draft(by=drafter), both))


def _answered(both, drafter):
    agreement = in_review(by=drafter)
    opinion = record(request_of(agreement, review_department()), reviewer_of(review_department()),
                     position="agree_with_comments", general_comment="Bổ sung điều khoản")
    services.comment_answer(comment=opinion.comments.get(), by=both, kind="taken_in", text="Đã bổ sung Điều 5")
    return agreement


WAYS = {"started the minutes": _started, "edited their text": _edited, "sent them": _sent,
        "answered the comments": _answered}


def _drafter_signer(**kwargs):
    return UserFactory(username="drafter-signer", roles=[roles.DRAFTER, roles.SIGNER], **kwargs)


@pytest.mark.parametrize("way", WAYS)
def test_whoever_drafted_or_answered_the_version_cannot_record_its_signing(drafter, way):
    both = _drafter_signer()
    agreement = WAYS[way](both, drafter)
    assert refusal(lambda: sign(agreement, both), services.TransitionRefused) == [DUTY]
    agreement.refresh_from_db()
    assert agreement.status == S.REVIEW


@pytest.mark.parametrize("way", WAYS)
def test_another_signer_records_the_signing(drafter, signer, way):
    agreement = WAYS[way](_drafter_signer(), drafter)
    assert sign(agreement, signer).status == S.SIGNED


def test_a_superuser_who_sent_the_version_cannot_record_its_signing(drafter):
    root = _drafter_signer(is_staff=True, is_superuser=True)
    assert refusal(lambda: sign(_sent(root, drafter), root), services.TransitionRefused) == [DUTY]


def test_the_drafter_role_holds_no_signing_permission(drafter, signer):
    assert not has_grant(drafter, "agreements.sign_agreement")
    assert has_grant(signer, "agreements.sign_agreement")
    agreement = agreed(in_review())
    assert refusal(lambda: sign(agreement, drafter), NotPermitted) == ["Your roles do not allow “Record signing”."]


@pytest.mark.parametrize("who, status", [("drafter", 403), ("superuser", 403), ("signer", 200)])
def test_the_sign_confirm_page_answers_only_a_signer(request, login, who, status):
    agreement = agreed(in_review())
    response = login(request.getfixturevalue(who)).get(reverse("agreements:confirm", args=[agreement.pk, "sign"]))
    assert response.status_code == status
