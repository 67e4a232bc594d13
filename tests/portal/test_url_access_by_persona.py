"""Who reaches which page: for every URL of the project, what a GET answers each persona. The URLs come
from the URLconf, so a new one fails here until its row says who may reach it.

    200      the page
    LOGIN    302 to the login page, which brings the visitor back here (?next=)
    HOME     302 to the dashboard (the login page for someone signed in; the language switch)
    403      the object is theirs to see, but their role may not do this
    404      the object is not theirs to see: another unit's, or never sent to their department
    405      an action: POST only (tests/portal/test_post_only_views.py posts to each)

Columns: a visitor not signed in, each Ministry role, a superuser holding only the administrator role
(the application ignores is_superuser), VNPT's member and VietSens's member, the outsider for VNPT's
objects. Ids are filled from vnpt_objects (tests/portal/conftest.py); <action> takes each action of
agreements.actions, under "name action" or, for all actions alike, under the name alone.

The admin follows rules rather than rows (ADMIN_* below): it is for configuration only."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests.portal.routes import admin_model, app_routes, case_id, every_route, url_of, with_actions

pytestmark = pytest.mark.django_db

LOGIN, HOME, ADMIN_LOGIN = "→ login", "→ /", "→ admin login"
MINE = "→ /second-factor/mine/"  # one who has a second factor manages it rather than setting up another
PERSONAS = ("anonymous", "drafter", "reviewer", "assessor", "signer", "auditor", "administrator", "superuser",
            "vnpt_user", "vietsens_user")

TABLE = {
    #                                    anon   drafter review assess signer audit  admin  super  vnpt   vietsens
    "dashboard":                        (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   200),
    "audit":                            (LOGIN, 403,    403,   403,   403,   200,   403,   403,   403,   403),
    "audit_csv":                        (LOGIN, 403,    403,   403,   403,   200,   403,   403,   403,   403),
    "audit_xlsx":                       (LOGIN, 403,    403,   403,   403,   200,   403,   403,   403,   403),
    "downloads":                        (LOGIN, 200,    403,   200,   200,   200,   200,   200,   403,   403),
    "login":                            (200,   HOME,   HOME,  HOME,  HOME,  HOME,  HOME,  HOME,  HOME,  HOME),
    "logout":                           (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "password_change":                  (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   200),
    "password_change_done":             (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   200),
    # The second factor: a session that proved it (or a partner user who needs none) is sent on.
    "second_factor:verify":             (LOGIN, HOME,   HOME,  HOME,  HOME,  HOME,  HOME,  HOME,  HOME,  HOME),
    "second_factor:enrol":              (LOGIN, MINE,   MINE,  MINE,  MINE,  MINE,  MINE,  MINE,  200,   200),
    "second_factor:manage":             (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   200),
    "second_factor:codes_renew":        (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "second_factor:remove":             (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "set_language":                     (HOME,  HOME,   HOME,  HOME,  HOME,  HOME,  HOME,  HOME,  HOME,  HOME),
    "verify":                           (200,   200,    200,   200,   200,   200,   200,   200,   200,   200),
    "partners:list":                    (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   200),
    "partners:create":                  (LOGIN, 200,    403,   403,   403,   403,   403,   403,   403,   403),
    "partners:detail":                  (LOGIN, 200,    404,   200,   200,   200,   200,   200,   200,   404),
    "partners:edit":                    (LOGIN, 200,    404,   403,   403,   403,   403,   403,   200,   404),
    "partners:status":                  (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "partners:document_add":            (LOGIN, 200,    404,   403,   403,   403,   403,   403,   200,   404),
    "partners:history":                 (LOGIN, 200,    404,   200,   200,   200,   200,   200,   403,   404),
    "partners:member_add":              (LOGIN, 200,    404,   403,   403,   403,   200,   200,   403,   404),
    "partners:member_remove":           (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "partners:document_download":       (LOGIN, 200,    404,   200,   200,   200,   200,   200,   200,   404),
    "conditions:list":                  (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   200),
    "conditions:create":                (LOGIN, 403,    403,   200,   403,   403,   200,   200,   403,   403),
    "conditions:detail":                (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   200),
    "conditions:edit":                  (LOGIN, 403,    403,   200,   403,   403,   200,   200,   403,   403),
    "conditions:publish":               (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "conditions:condition_add":         (LOGIN, 403,    403,   200,   403,   403,   200,   200,   403,   403),
    "conditions:condition_edit":        (LOGIN, 403,    403,   200,   403,   403,   200,   200,   403,   403),
    "conditions:condition_remove":      (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "conditions:eligibility":           (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   200),
    "conditions:partner_eligibility":   (LOGIN, 200,    404,   200,   200,   200,   200,   200,   200,   404),
    "conditions:submit":                (LOGIN, 403,    404,   403,   403,   403,   403,   403,   200,   404),
    "conditions:queue":                 (LOGIN, 403,    403,   200,   403,   403,   403,   403,   403,   403),
    "conditions:evidence":              (LOGIN, 200,    404,   200,   200,   200,   200,   200,   200,   404),
    "conditions:decide":                (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "conditions:answer":                (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "conditions:download":              (LOGIN, 200,    404,   200,   200,   200,   200,   200,   200,   404),
    "agreements:list":                  (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   200),
    "agreements:export_csv":            (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   200),
    "agreements:export_xlsx":           (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   200),
    "agreements:partner_suggestions":   (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   200),
    "agreements:province_options":      (LOGIN, 200,    403,   403,   403,   403,   403,   403,   403,   403),
    "agreements:create":                (LOGIN, 200,    403,   403,   403,   403,   403,   403,   403,   403),
    "agreements:library":               (LOGIN, 200,    403,   200,   200,   200,   200,   200,   403,   403),
    "agreements:library_add":           (LOGIN, 200,    403,   403,   403,   403,   403,   403,   403,   403),
    "agreements:library_edit":          (LOGIN, 200,    403,   403,   403,   403,   403,   403,   403,   403),
    "agreements:add_from_library":      (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "agreements:detail":                (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   404),
    "agreements:edit":                  (LOGIN, 200,    403,   403,   403,   403,   403,   403,   403,   404),
    "agreements:standard_clauses":      (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "agreements:history":               (LOGIN, 200,    403,   200,   200,   200,   200,   200,   403,   404),
    "agreements:pdf":                   (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   404),
    "agreements:confirm send":          (LOGIN, 200,    403,   403,   403,   403,   403,   403,   403,   404),
    "agreements:confirm return":        (LOGIN, 200,    403,   403,   403,   403,   403,   403,   403,   404),
    "agreements:confirm sign":          (LOGIN, 403,    403,   403,   200,   403,   403,   403,   403,   404),
    "agreements:confirm cancel":        (LOGIN, 200,    403,   403,   403,   403,   403,   403,   403,   404),
    "agreements:confirm terminate":     (LOGIN, 200,    403,   403,   403,   403,   403,   403,   403,   404),
    "agreements:transition":            (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "agreements:inbox":                 (LOGIN, 403,    200,   403,   403,   403,   403,   403,   200,   200),
    # Every partner's provinces and deployment: for those who read every agreement; to others it does not exist.
    "agreements:coverage":              (LOGIN, 200,    404,   200,   200,   200,   200,   200,   404,   404),
    "agreements:version":               (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   404),
    "agreements:version_pdf":           (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   404),
    "agreements:changes":               (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   404),
    "agreements:consolidation":         (LOGIN, 200,    403,   200,   200,   200,   200,   200,   403,   404),
    "agreements:consolidation_pdf":     (LOGIN, 200,    403,   200,   200,   200,   200,   200,   403,   404),
    "agreements:opinion_create":        (LOGIN, 403,    200,   403,   403,   403,   403,   403,   403,   404),
    "agreements:opinion":               (LOGIN, 200,    200,   200,   200,   200,   200,   200,   404,   404),
    "agreements:opinion_letter":        (LOGIN, 200,    200,   200,   200,   200,   200,   200,   404,   404),
    "agreements:answer":                (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    # After signing: the Ministry and the receiving party read the deployment; only the receiving party files.
    "agreements:deployment":            (LOGIN, 200,    404,   200,   200,   200,   200,   200,   200,   404),
    "agreements:deployment_file":       (LOGIN, 403,    404,   403,   403,   403,   403,   403,   200,   404),
    "agreements:deployment_period":     (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "agreements:deployment_report":     (LOGIN, 200,    404,   200,   200,   200,   200,   200,   200,   404),
    "agreements:deployment_report_file": (LOGIN, 200,   404,   200,   200,   200,   200,   200,   200,   404),
    # A refusal request: the receiving party asks, the Ministry decides (by POST); whoever reads the minutes (the
    # reviewer's department was asked for its opinion on them) reads the request; other units never see it.
    "agreements:refusal_create":        (LOGIN, 403,    403,   403,   403,   403,   403,   403,   200,   404),
    "agreements:refusal":               (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   404),
    "agreements:refusal_accept":        (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "agreements:refusal_reject":        (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "agreements:refusal_file":          (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   404),
    # After termination: the hand-back is read like the deployment; the receiving party records, the Ministry
    # confirms or returns (by POST). The minutes of termination are read like the signed minutes.
    "agreements:handback":              (LOGIN, 200,    404,   200,   200,   200,   200,   200,   200,   404),
    "agreements:handback_record":       (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "agreements:handback_confirm":      (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "agreements:handback_return":       (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
    "agreements:handback_file":         (LOGIN, 200,    404,   200,   200,   200,   200,   200,   200,   404),
    "agreements:termination_pdf":       (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   404),
    "notices":                          (LOGIN, 200,    200,   200,   200,   200,   200,   200,   200,   200),
    "notices_read":                     (LOGIN, 405,    405,   405,   405,   405,   405,   405,   405,   405),
}

# The admin, by rule. Not signed in: sent to a login page (the site's for a model's pages, where
# LoginRequiredMiddleware answers before the admin does; the admin's for its own pages). Signed in
# without staff status: sent to the admin's login. The superuser reads every page of every model and
# adds or deletes only configuration.
ADMIN_ADDS = {"auth.group", "auth.user", "core.province", "core.department", "core.staffprofile",
              "agreements.legaldocument", "agreements.clausetemplate"}
# Deleting a name's failed logins lifts its lockout (core.lockout).
ADMIN_DELETES = {"auth.group", "auth.user", "core.province", "core.department", "core.staffprofile",
                 "axes.accessattempt"}
ADMIN_SITE_PAGES = {"admin:index": 200, "admin:app_list": 200, "admin:jsi18n": 200, "admin:password_change": 200,
                    "admin:password_change_done": 200, "admin:login": "→ /admin/", "admin:logout": 405,
                    "admin:autocomplete": 403,  # no field named to complete
                    "admin:view_on_site": "→ /agreements/{agreement.pk}/", "admin:admin/(?P<url>.*)$": 404}
ADMIN_MODEL_PAGES = {"changelist": 200, "change": 200, "history": 200, "simple_history": 200, "permissions": 200,
                     "permissions_manage_user": 200, "permissions_manage_group": 200, "password_change": 200}


def admin_rule(route, persona, url, objects):
    """What the rules above say `persona` gets for `route`; None where no rule speaks of it."""
    model = admin_model(route)
    if persona != "superuser":
        if route.name == "admin:login":
            return 200
        if route.name == "admin:logout" and persona != "anonymous":
            return "→ /admin/"  # which sends them on to the admin's login
        return LOGIN if persona == "anonymous" and model else ADMIN_LOGIN
    if model is None:
        expected = ADMIN_SITE_PAGES.get(route.name)
        return expected.format(**objects) if isinstance(expected, str) else expected
    if not route.named:  # admin/<app>/<model>/<id>/
        return f"→ {url}change/"
    page = route.name.removeprefix(f"admin:{model._meta.app_label}_{model._meta.model_name}_")
    if page in ("add", "delete"):
        return 200 if model._meta.label_lower in (ADMIN_ADDS if page == "add" else ADMIN_DELETES) else 403
    return ADMIN_MODEL_PAGES.get(page)


def observed(response, url):
    if response.status_code not in (301, 302):
        return response.status_code
    to = urlsplit(response["Location"])
    for name, code in (("login", LOGIN), ("admin:login", ADMIN_LOGIN)):
        if to.path == reverse(name) and parse_qs(to.query) == {"next": [url]}:
            return code
    return f"→ {to.path}"


def answers(client, login, personas, url):
    """What a GET of `url` answers each persona."""
    seen = {"anonymous": observed(client.get(url), url)}
    for name in PERSONAS[1:]:
        seen[name] = observed(login(personas[name]).get(url), url)
    return seen


@pytest.mark.parametrize("route,action", with_actions(app_routes()),
                         ids=[case_id(route, action) for route, action in with_actions(app_routes())])
def test_each_persona_gets_what_the_table_says(client, login, personas, vnpt_objects, route, action):
    row = TABLE.get(case_id(route, action), TABLE.get(route.name))
    assert row is not None, f"{case_id(route, action)} ({route.route}) has no row in TABLE: say who may reach it"
    url = url_of(route, vnpt_objects, action)
    assert answers(client, login, personas, url) == dict(zip(PERSONAS, row))


def test_the_table_has_no_row_for_a_url_that_is_gone():
    cases = {case_id(route, action) for route, action in with_actions(app_routes())} | {r.name for r in app_routes()}
    assert set(TABLE) - cases == set()


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_admin_page_answers_each_persona_by_the_admin_rules(client, login, personas, every_model, persona):
    unexpected = {}
    browser = login(personas[persona]) if personas[persona] else client
    for route in (route for route in every_route() if route.is_admin):
        url = url_of(route, every_model)
        expected = admin_rule(route, persona, url, every_model)
        got = observed(browser.get(url), url)
        if expected is None:
            unexpected[route.name] = f"no rule says who may reach {route.route}; it answered {got}"
        elif got != expected:
            unexpected[route.name] = f"expected {expected}, got {got}"
    assert unexpected == {}
