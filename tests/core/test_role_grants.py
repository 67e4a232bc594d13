"""The roles of DOMAIN.md as groups holding exactly the permissions core.roles.GRANTS gives them, and
has_grant() reading only those: a superuser may do only what its roles grant."""

import pytest
from django.contrib.auth.models import Group

from core import roles
from core.permissions import can_view_history, has_grant
from core.roles import GRANTS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", sorted(GRANTS))
def test_the_role_group_holds_exactly_its_granted_permissions(role):
    group = Group.objects.get(name=role)
    held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    assert held == set(GRANTS[role])


def test_an_auditor_holds_no_permission_to_change_anything():
    held = list(Group.objects.get(name=roles.AUDITOR).permissions.values_list("codename", flat=True))
    assert held and all(code.startswith("view_") for code in held)


def test_a_superuser_holds_only_what_its_roles_grant(superuser):
    assert superuser.has_perm("agreements.add_agreement")  # what Django alone would answer
    assert not has_grant(superuser, "agreements.add_agreement")
    assert has_grant(superuser, "partners.add_membership")


def test_an_inactive_account_holds_nothing():
    user = UserFactory(roles=[roles.DRAFTER], is_active=False)
    assert not has_grant(user, "agreements.add_agreement")


@pytest.mark.parametrize("role,reads_history", [(roles.DRAFTER, True), (roles.SIGNER, True), (roles.ASSESSOR, True),
                                                (roles.AUDITOR, True), (roles.ADMINISTRATOR, True),
                                                (roles.REVIEWER, False), (roles.PARTNER, False)])
def test_the_history_is_read_by_ministry_staff_and_auditors_only(role, reads_history):
    assert can_view_history(UserFactory(roles=[role])) is reads_history
