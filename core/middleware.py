from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.cache import patch_cache_control

from core.second_factor.rules import next_step


class VietnameseByDefaultMiddleware:
    """The UI is Vietnamese unless the user chose otherwise with the language switch:
    a browser's Accept-Language header alone does not change it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class SignedInPagesAreNotStoredMiddleware:
    """Whatever a signed-in user is answered (a page, a private download) is kept by no cache, the
    browser's included: the next person at a shared computer cannot page Back into it after logout.
    Static files never reach here (WhiteNoise answers them first), so they stay cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class SecondFactorMiddleware:
    """After the password, a session must prove the person's second factor (core.second_factor) before any
    page but the public ones (login, /verify/, the language switch), logging out and the second factor's own
    two pages; /admin/ included. Runs after django-otp's OTPMiddleware, which tells a verified session."""

    OPEN = {"logout", "second_factor:verify", "second_factor:enrol"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified() or not getattr(view_func, "login_required", True):
            return None
        if request.resolver_match.view_name in self.OPEN:
            return None
        step = next_step(user)
        if step is None:
            return None
        return redirect_to_login(request.get_full_path(), reverse(f"second_factor:{step}"))
