"""Logins, logouts, failed logins (the name tried, never the password), a person's groups and the object
permissions on a partner unit become audit entries; done through a page, the person who asked is the
actor (issue 10, item 1: granting VietSens rights on VNPT-IT left no trace)."""

import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import NoReverseMatch, reverse
from guardian.shortcuts import assign_perm, remove_perm

from core import roles
from tests.core.auditing import entries
from tests.portal.acting import as_posted
from tests.sessions import sign_in

pytestmark = pytest.mark.django_db


def test_a_login_is_an_entry_of_who_and_from_where(client, drafter):
    assert client.post(reverse("login"), {"username": "drafter", "password": "pw"}).status_code == 302
    [entry] = entries(kind="login")
    assert (entry.actor, entry.object_id, entry.label, entry.payload) == (drafter, drafter.pk, "drafter",
                                                                          {"ip": "127.0.0.1"})


def test_a_logout_is_an_entry(login, drafter):
    login(drafter).post(reverse("logout"))
    [entry] = entries(kind="logout")
    assert (entry.actor, entry.label) == (drafter, "drafter")


def test_a_failed_login_records_the_name_tried_and_never_the_password(client, drafter):
    response = client.post(reverse("login"), {"username": "drafter", "password": "Secret-guess-42"})
    assert response.status_code == 200
    [entry] = entries(kind="login_failed")
    assert (entry.actor, entry.label, entry.payload["username"]) == (drafter, "drafter", "drafter")
    assert "Secret-guess-42" not in json.dumps([entry.label, entry.reason, entry.payload])


def test_a_failed_login_with_an_unknown_name_has_no_actor(client, db):
    client.post(reverse("login"), {"username": "nobody", "password": "x"})
    [entry] = entries(kind="login_failed")
    assert (entry.actor, entry.object_id, entry.label) == (None, None, "nobody")


def test_adding_a_person_to_a_group_is_an_entry(drafter):
    drafter.groups.add(Group.objects.get(name=roles.SIGNER))
    entry = entries(kind="permission", object_id=drafter.pk)[-1]
    assert entry.payload["action"] == "granted" and entry.payload["items"] == [roles.SIGNER]
    assert entry.payload["relation"] == "auth.user_groups"


def test_clearing_a_persons_groups_names_each_group_taken(drafter):
    drafter.groups.clear()
    entry = entries(kind="permission", object_id=drafter.pk)[-1]
    assert (entry.payload["action"], entry.payload["items"]) == ("revoked", [roles.DRAFTER])


def test_a_group_given_in_the_admin_names_the_superuser_who_gave_it(login, superuser, drafter):
    client = login(superuser)
    url = reverse("admin:auth_user_change", args=[drafter.pk])
    form = as_posted(client.get(url).context["adminform"].form)
    form |= {"date_joined_0": "2026-01-01", "date_joined_1": "08:00:00"}  # a split field as_posted leaves out
    form["groups"] = [str(g.pk) for g in Group.objects.filter(name__in=[roles.DRAFTER, roles.SIGNER])]
    response = client.post(url, form)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = entries(kind="permission", object_id=drafter.pk)[-1]
    assert (entry.actor, entry.payload["action"], entry.payload["items"]) == (superuser, "granted", [roles.SIGNER])


def test_an_object_permission_on_a_partner_is_an_entry_scoped_to_the_partner(vnpt, vietsens_user):
    assign_perm("partners.change_partner", vietsens_user, vnpt)
    [entry] = entries(kind="permission", model="partners.partner", object_id=vnpt.pk)
    assert (entry.object_id, entry.partner_id, entry.label) == (vnpt.pk, vnpt.pk, "VNPT-IT")
    assert entry.payload == {"action": "granted", "permission": "change_partner",
                             "holder": f"user:{vietsens_user.pk}", "holder_name": "vietsens"}


def test_taking_an_object_permission_back_is_an_entry(vnpt, vietsens_user):
    assign_perm("partners.view_partner", vietsens_user, vnpt)
    remove_perm("partners.view_partner", vietsens_user, vnpt)
    assert [e.payload["action"] for e in entries(kind="permission", model="partners.partner", object_id=vnpt.pk)] == [
        "granted", "revoked"]


def test_a_member_added_on_the_partner_page_is_granted_with_entries_naming_who_added_them(vnpt, vnpt_user):
    """member_add grants the member's object permissions; each grant is on record."""
    granted = entries(kind="permission", model="partners.partner", object_id=vnpt.pk)
    assert {e.payload["permission"] for e in granted} == {"view_partner", "change_partner"}
    assert {e.payload["holder"] for e in granted} == {f"user:{vnpt_user.pk}"}


def test_the_admin_offers_no_page_to_grant_object_permissions_on_a_partner(vnpt):
    with pytest.raises(NoReverseMatch):
        reverse("admin:partners_partner_permissions", args=[vnpt.pk])


def test_making_someone_a_superuser_is_an_entry_with_who_did_it(superuser, vietsens_user):
    change = reverse("admin:auth_user_change", args=[vietsens_user.pk])
    admin = Client()
    sign_in(admin, superuser)
    form = admin.get(change).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"is_superuser": "on", "is_staff": "on", "groups": [g.pk for g in vietsens_user.groups.all()],
                 "date_joined_0": form["date_joined"].value().strftime("%d/%m/%Y"),
                 "date_joined_1": form["date_joined"].value().strftime("%H:%M:%S")})
    data.pop("date_joined", None)
    data.pop("last_login", None)
    data.pop("password", None)
    response = admin.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    entry = [e for e in entries(kind="permission", object_id=vietsens_user.pk) if "flags" in e.payload][-1]
    assert entry.actor == superuser
    assert entry.payload["flags"] == {"is_superuser": [False, True], "is_staff": [False, True]}


def test_a_login_changes_no_flag_and_records_no_permission_entry(client, drafter):
    before = entries(kind="permission", object_id=drafter.pk)
    client.post(reverse("login"), {"username": "drafter", "password": "pw"})
    assert entries(kind="permission", object_id=drafter.pk) == before


def test_deleting_a_group_records_the_memberships_it_takes_away(drafter, superuser):
    extra = Group.objects.create(name="extra")
    drafter.groups.add(extra)
    extra.delete()
    [gone] = [e for e in entries(kind="permission", model="auth.group") if e.payload.get("deleted")]
    assert gone.payload["action"] == "revoked" and "members: drafter" in gone.payload["items"]
