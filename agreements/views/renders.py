"""What a request for a PDF answers once its person has had their renders for now (agreements.pdf_cache): 429,
with a page that says when to try again. A PDF kept from an earlier render is still served."""

import functools
import math

from django.shortcuts import render

from agreements.pdf_cache import TooManyRenders


def renders_limited(view):
    @functools.wraps(view)
    def limited(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except TooManyRenders as refused:
            response = render(request, "agreements/too_many_renders.html", {
                "renders": refused.renders, "window": math.ceil(refused.window / 60),
                "minutes": math.ceil(refused.retry_after / 60),
            }, status=429)
            response["Retry-After"] = str(refused.retry_after)
            return response

    return limited
