"""Every URL pattern of the project, found by walking the URLconf (the apps it includes and the admin
too), and a URL for each with its arguments taken from one object of each kind. A test that reads
this list covers a page added tomorrow without anyone remembering to list it."""

import re
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern

from agreements.actions import ACTIONS


@dataclass(frozen=True)
class Route:
    name: str  # "agreements:confirm"; an unnamed pattern goes by its route: "admin:admin/auth/group/<path:object_id>/"
    route: str  # "agreements/<int:pk>/<action:action>/confirm/"
    params: tuple  # its arguments in order; a regular expression's unnamed groups are "0", "1", ...
    view: object
    named: bool

    @property
    def is_admin(self):
        return self.name.startswith("admin:")

    @property
    def is_public(self):
        """Marked login_not_required: LoginRequiredMiddleware lets a visitor in without signing in."""
        return getattr(self.view, "login_required", True) is False

    @property
    def methods(self):
        """The methods its require_http_methods (require_POST, require_GET), or a class-based view's
        http_method_names, let through (OPTIONS aside); None if any."""
        view = self.view
        if hasattr(view, "view_class"):
            allowed = {method.upper() for method in view.view_class.http_method_names} - {"OPTIONS"}
            return None if {"GET", "POST"} <= allowed else frozenset(allowed)
        while view is not None:
            free = getattr(getattr(view, "__code__", None), "co_freevars", ())
            if "request_method_list" in free:
                return frozenset(view.__closure__[free.index("request_method_list")].cell_contents)
            view = getattr(view, "__wrapped__", None)
        return None


def every_route(patterns=None, prefix="", namespace=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace) if part)
            yield from every_route(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            continue
        route = prefix + str(pattern.pattern)
        name = ":".join(part for part in (namespace, pattern.name or route) if part)
        if isinstance(pattern.pattern, RoutePattern):
            params = tuple(pattern.pattern.converters)
        else:
            regex = pattern.pattern.regex
            params = tuple(regex.groupindex) or tuple(str(n) for n in range(regex.groups))
        yield Route(name, route, params, pattern.callback, pattern.name is not None)


def app_routes():
    return [route for route in every_route() if not route.is_admin]


def with_actions(routes):
    """(route, action) pairs: a route with an <action:action> once for each action of agreements.actions."""
    return [(route, action) for route in routes for action in (ACTIONS if "action" in route.params else [None])]


def case_id(route, action=None):
    return f"{route.name} {action}" if action else route.name


# The object behind an id is named by the word before it: partners/<int:pk>/ is a partner's page.
OBJECT_BEFORE_ID = {"partners": "partner", "members": "membership", "documents": "document",
                    "conditions": "condition_set", "evidence": "evidence", "files": "evidence_file",
                    "agreements": "agreement", "<str:kind>": "clause_template"}
OBJECT_NAMED = {"partner_pk": "partner", "condition_pk": "condition", "request_pk": "review_request",
                "opinion_pk": "opinion", "comment_pk": "comment", "report_pk": "deployment_report",
                "file_pk": "deployment_report_file"}
# Parameters that are no id: a version's number, and the two versions compared.
VALUE_NAMED = {"number": lambda objects: objects["version"].number, "since": lambda objects: 1,
               "to": lambda objects: 2}


def url_of(route, objects, action=None):
    """The URL of `route`, filled from `objects` (kind -> object, see tests/portal/conftest.py)."""
    if route.is_admin:
        return _admin_url(route, objects)
    kwargs, named = {}, OBJECT_NAMED
    if "/refusals/" in route.route:  # a refusal request of VNPT's signed minutes, with its file
        request = objects["refusal"]()
        objects = {**objects, "agreement": request.agreement, "refusal": request, "refusal_file": request.files.get()}
        named = {**OBJECT_NAMED, "refusal_pk": "refusal", "file_pk": "refusal_file"}
    if "/handback/" in route.route or "/termination/" in route.route:  # VNPT's terminated minutes, one obligation
        obligation = objects["handback"]()  # recorded with its file
        objects = {**objects, "agreement": obligation.agreement, "obligation": obligation,
                   "handback_file": obligation.files.get()}
        named = {**OBJECT_NAMED, "obligation_pk": "obligation", "file_pk": "handback_file"}
    if "/deployment/" in route.route:  # the pages of signed minutes: VNPT's, with a report and its file
        report = objects["deployment"]()
        objects = {**objects, "agreement": report.agreement, "deployment_report": report,
                   "deployment_report_file": report.files.get()}
    for param in route.params:
        if param == "action":
            kwargs[param] = action
        elif param == "kind":
            kwargs[param] = "clauses"  # the library of standard clauses; its other kind is "documents"
        elif param in VALUE_NAMED:
            kwargs[param] = VALUE_NAMED[param](objects)
        elif param in named:
            kwargs[param] = objects[named[param]].pk
        else:
            before = route.route.split(f"<int:{param}>")[0].rstrip("/").rsplit("/", 1)[-1]
            kwargs[param] = objects[OBJECT_BEFORE_ID[before]].pk
    return reverse(route.name, kwargs=kwargs)


def admin_model(route):
    """The model whose admin pages `route` belongs to, or None for the site's own pages."""
    parts = route.route.split("/")  # admin/<app_label>/<model_name>/...
    if len(parts) > 2:
        try:
            return apps.get_model(parts[1], parts[2])
        except LookupError:
            pass
    return None


def _admin_url(route, objects):
    model = admin_model(route)
    row = _changed_last(model) if model else objects["agreement"]
    if route.params == ("0", "1"):  # django-simple-history's page of one version: the row, the version
        return reverse(route.name, args=[row.pk, row.history.order_by("-history_id")[0].history_id])
    values = {"object_id": row.pk, "id": row.pk, "object_pk": row.pk, "app_label": "agreements", "url": "nowhere/",
              "content_type_id": ContentType.objects.get_for_model(row).pk,
              "user_id": objects["drafter"].pk, "group_id": objects["drafter"].groups.get().pk}
    kwargs = {param: values[param] for param in route.params}
    if route.named:
        return reverse(route.name, kwargs=kwargs)
    path = "/" + route.route.replace("(?P<url>.*)$", "<url>")  # the catch-all; the others are path()s
    for param, value in kwargs.items():
        path = re.sub(f"<([a-z]+:)?{param}>", str(value), path)
    return path


def _changed_last(model):
    """The row changed last (so it has a version in its history), or the first of a model without history."""
    history = getattr(model, "history", None)
    if history is not None and history.exists():
        return model.objects.get(pk=history.order_by("-history_id")[0].instance.pk)
    return model.objects.order_by("pk").first()
