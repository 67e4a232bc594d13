"""A partner user's rows are found by its membership: `partner_id = <its unit's id>`, a plain filter that
costs what the unit's own rows cost, never `pk IN (…)` over everyone's object permissions (issue 12).
What each person sees is unchanged: a member its own unit and its minutes once first sent; a reviewer the
minutes asked of its department; someone with neither, nothing."""

import pytest
from guardian.shortcuts import assign_perm

from agreements.models import Agreement, ReviewRequest
from conditions.models import Evidence, Notice
from core import roles
from partners.models import AuthorityDocument, Membership, Partner
from tests.factories import UserFactory, draft, in_review, review_department, reviewer_of

pytestmark = pytest.mark.django_db

SCOPED = {
    "partner": (Partner, "id"),
    "authority document": (AuthorityDocument, "partner_id"),
    "member": (Membership, "partner_id"),
    "agreement": (Agreement, "partner_id"),
    "review request": (ReviewRequest, "partner_id"),
    "evidence": (Evidence, "partner_id"),
    "notice": (Notice, "partner_id"),
}


@pytest.mark.parametrize("name", SCOPED)
def test_a_members_rows_are_a_plain_filter_on_its_units_id(vnpt, vnpt_user, name):
    model, column = SCOPED[name]
    sql = str(model.objects.visible_to(vnpt_user).query)
    assert f'."{column}" = {vnpt.pk}' in sql
    assert "IN (SELECT" not in sql


def test_a_member_sees_its_units_sent_minutes_and_no_other(vnpt, vietsens, vnpt_user):
    sent = in_review(partner=vnpt)
    draft(partner=vnpt)  # never sent: not yet the partner's to read
    in_review(partner=vietsens)
    assert list(Agreement.objects.visible_to(vnpt_user)) == [sent]
    assert list(ReviewRequest.objects.visible_to(vnpt_user)) == list(sent.review_requests.all())


def test_a_member_sees_its_own_unit_only(vnpt, vietsens, vnpt_user):
    assert list(Partner.objects.visible_to(vnpt_user)) == [vnpt]


def test_an_object_permission_without_membership_shows_no_unit(vnpt):
    """Membership is the fact: member_add grants the permissions with it, member_remove takes both."""
    stranger = UserFactory(roles=[roles.PARTNER])
    assign_perm("partners.view_partner", stranger, vnpt)
    assert not Partner.objects.visible_to(stranger).exists()


def test_a_reviewer_sees_minutes_asked_of_its_department_once(vnpt):
    asked = in_review(partner=vnpt)
    draft(partner=vnpt)  # its department is asked only once the draft is sent
    reviewer = reviewer_of(review_department())
    assert list(Agreement.objects.visible_to(reviewer)) == [asked]
    assert Agreement.objects.visible_to(reviewer).count() == 1
    assert Agreement.objects.visible_to(reviewer).awaiting_opinion_from(review_department()).count() == 1


def test_someone_with_neither_unit_nor_department_sees_no_minutes(vnpt):
    in_review(partner=vnpt)
    nobody = UserFactory(roles=[roles.PARTNER])
    assert not Agreement.objects.visible_to(nobody).exists()
    assert not Evidence.objects.visible_to(nobody).exists()
