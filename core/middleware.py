from django.conf import settings
from django.utils.cache import patch_cache_control


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
