"""Login throttling by (username, address), with django-axes: after AXES_FAILURE_LIMIT failed logins of one name
from one address, that pair cools off for AXES_COOLOFF_TIME; other names and other addresses log in as before.
The address is core.http.client_address (never an X-Forwarded-For the client wrote). Every attempt, refused ones
included, is also an entry of the audit record (core.audit_events): axes' own rows are deleted on a successful
login or when an administrator lifts a lockout, the audit entries never are."""

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from django.conf import settings
from django.shortcuts import render

from core import audit


class LockoutBackend(AxesStandaloneBackend):
    """axes' refusal of a pair cooling off, before any password is checked; the request it refused is marked so
    that the audit entry of the failed login says why."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        try:
            return super().authenticate(request, username=username, password=password, **kwargs)
        except AxesBackendPermissionDenied:
            request.login_locked_out = True
            raise


def locked_out(request, original_response=None, credentials=None):
    """The page a pair cooling off gets instead of the login page (the site's or the admin's): 429, with how
    long to wait. axes' own page is English only, and answers an XMLHttpRequest with CORS open to any origin."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render(request, "registration/locked_out.html", {"minutes": seconds // 60}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def record_lifted(attempt, *, by):
    """An administrator lifted the lockout of one pair (axes' AccessAttempt row, deleted after this): an audit
    entry of who lifted it, for which name and address."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=attempt.username).first()
    audit.record("permission", actor_id=by.pk, model=get_user_model()._meta.label_lower,
                 object_id=user.pk if user else None, label=attempt.username,
                 payload={"action": "lockout_lifted", "of": attempt.username, "items": [attempt.ip_address or ""]})
