"""Requests the site refuses to read: a page in the reader's language, never Django's bare
English 400, and never after reading a body larger than any form of ours."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control


def refused(request, status: int, too_large: bool = False) -> HttpResponse:
    html = render_to_string("400.html", {"too_large": too_large}, request=request)
    response = HttpResponse(html, status=status)
    patch_cache_control(response, no_store=True)
    return response


def bad_request(request, exception=None):
    """handler400: too many fields, a body over DATA_UPLOAD_MAX_MEMORY_SIZE, a broken form."""
    return refused(request, 400, too_large="TooBig" in type(exception).__name__)
