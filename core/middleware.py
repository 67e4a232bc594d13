from django.conf import settings


class VietnameseByDefaultMiddleware:
    """The UI is Vietnamese unless the user chose otherwise with the language switch:
    a browser's Accept-Language header alone does not change it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
