"""A link, a bookmark or a prefetching browser never changes data: every POST-only view (require_POST;
logout by its http_method_names) answers 405 to a GET, and every confirmation page (require_GET) 405 to
a POST, even for someone holding every role who sends a valid form. The views are found in the URLconf
by their decorator, so a new one is covered; one that loses its decorator fails the 405s of
tests/portal/test_url_access_by_persona.py."""

import datetime

import pytest

from core import roles
from tests.factories import UserFactory, condition_set, draft
from tests.portal.acting import EVERY_FIELD, FORMS, recorded_writes
from tests.portal.routes import app_routes, case_id, url_of, with_actions

pytestmark = pytest.mark.django_db

POST_ONLY = with_actions([route for route in app_routes() if route.methods == {"POST"}])
GET_ONLY = with_actions([route for route in app_routes() if route.methods == {"GET"}])


@pytest.fixture
def everyone(db):
    """Someone who may do anything the application offers: a refusal can only be about the method."""
    return UserFactory(username="everyone", roles=sorted(roles.MINISTRY_ROLES | {roles.AUDITOR}))


@pytest.fixture
def objects(vnpt_objects, vnpt):
    """vnpt_objects, but where a GET let through would change something: a draft with no clause yet
    (standard clauses would go in), and a draft condition set (it would be published, its condition removed)."""
    draft_set = condition_set("KT-09", effective_from=datetime.date(2026, 6, 1), publish=False)
    return {**vnpt_objects, "agreement": draft(partner=vnpt, complete=False), "condition_set": draft_set,
            "condition": draft_set.conditions.get()}


def test_the_urlconf_has_post_only_views_and_confirmation_pages_to_check():
    assert {route.name for route, _ in POST_ONLY} >= {"logout", "partners:status", "agreements:transition"}
    assert {route.name for route, _ in GET_ONLY} == {"agreements:confirm"}


@pytest.mark.parametrize("route,action", POST_ONLY, ids=[case_id(*case) for case in POST_ONLY])
def test_a_post_only_view_answers_405_to_a_get_and_changes_nothing(login, everyone, objects, route, action):
    url = url_of(route, objects, action)  # which may make the objects it names (tests/portal/routes.py)
    before = recorded_writes()
    response = login(everyone).get(url, EVERY_FIELD)
    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) - {"OPTIONS"} == {"POST"}
    assert recorded_writes() == before


@pytest.mark.parametrize("route,action", GET_ONLY, ids=[case_id(*case) for case in GET_ONLY])
def test_a_confirmation_page_answers_405_to_a_post_and_changes_nothing(login, everyone, objects, route, action):
    before = recorded_writes()
    response = login(everyone).post(url_of(route, objects, action), FORMS[action])
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert recorded_writes() == before
