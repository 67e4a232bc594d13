"""Django's test client login() authenticates without a request, which axes refuses (it counts by address):
in the test suite such a login is checked as if it came from the test client's own address."""

from django.http import HttpRequest

from core.lockout import LockoutBackend


class ClientLoginLockoutBackend(LockoutBackend):
    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            request = HttpRequest()
            request.META["REMOTE_ADDR"] = "127.0.0.1"
        return super().authenticate(request, username=username, password=password, **kwargs)
