import pytest
from django.contrib.auth.models import Group

from core.roles import GRANTS

pytestmark = pytest.mark.django_db


def test_every_role_group_holds_exactly_its_granted_permissions():
    for role, perms in GRANTS.items():
        group = Group.objects.get(name=role)
        held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
        assert held == set(perms), role


def test_an_auditor_holds_no_permission_to_change_anything():
    held = Group.objects.get(name="auditor").permissions.values_list("codename", flat=True)
    assert all(code.startswith("view_") for code in held)
