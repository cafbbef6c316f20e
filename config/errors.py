"""Requests the site cannot take: a page in the reader's language, never Django's bare English
one. Too large or malformed (400/413, refused before the body is read); a form that cannot be
received (database down 503, expired CSRF token 403), with what the citizen typed kept."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

# Never written back into a page: the token, the honeypot and any password.
NOT_KEPT = {"csrfmiddlewaretoken", "website", "password", "password1", "password2"}


def refused(request, status: int, too_large: bool = False) -> HttpResponse:
    html = render_to_string("400.html", {"too_large": too_large}, request=request)
    response = HttpResponse(html, status=status)
    patch_cache_control(response, no_store=True)
    return response


def bad_request(request, exception=None):
    """handler400: too many fields, a body over DATA_UPLOAD_MAX_MEMORY_SIZE, a broken form."""
    return refused(request, 400, too_large="TooBig" in type(exception).__name__)


def kept_fields(request) -> list[tuple[str, str]]:
    """What a citizen posted, to give back in a form when it could not be received (the
    database was down, the form had expired), so nothing they typed is lost. Never for the
    admin: its forms hold passwords and staff can go back."""
    if request.method != "POST" or request.path_info.startswith("/admin/"):
        return []
    return [
        (name, value)
        for name, values in request.POST.lists()
        for value in values
        if name not in NOT_KEPT
    ]


def form_not_received(request, status: int, expired: bool = False) -> HttpResponse:
    """The page that keeps what was typed (templates/503.html), rendered without the database."""
    kept = kept_fields(request)
    html = render_to_string(
        "503.html",
        {
            "kept": kept,
            "message": dict(kept).get("message", ""),
            "path": request.path,
            "expired": expired,
        },
        request=request,
    )
    response = HttpResponse(html, status=status)
    patch_cache_control(response, no_store=True)
    return response


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent after its token expired (or with cookies blocked) gets a
    page in the reader's language that keeps what they typed, with a fresh form to send."""
    return form_not_received(request, 403, expired=True)
