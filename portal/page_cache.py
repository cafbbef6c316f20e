"""Cached pages for citizens: an anonymous GET of a CMS page is served from the shared cache.

A page is kept per address (its language is in the address) under the current content
generation, so publishing, unpublishing, moving or deleting any page, or saving a snippet, a
setting, an image or a document, makes every kept page stale on every app server at once (see
content_generation). A kept page also expires at the next Stockholm midnight (which guarantee
is in force, the coming week's hours) or earlier where the page says so (``expire_at``: the
opening-hours engine's next change of "open now").

Never kept: anything but a 200 answer to a GET without a query string from a visitor without a
session (staff always have one); a page that holds a form token, set a cookie or said
``private``/``no-store``/``no-cache``. Browsers get an ``ETag`` and ``Cache-Control:
no-cache``, so a returning phone asks again and gets a 304 when nothing changed.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag

from portal import content_generation
from portal.workdays import STOCKHOLM

KEPT_HEADERS = ("Content-Type", "ETag")
CSRF_FIELD = b'name="csrfmiddlewaretoken"'


def expire_at(request, moment: datetime) -> None:
    """Keep the page being served no later than ``moment``."""
    until = getattr(request, "page_cache_until", None)
    request.page_cache_until = moment if until is None else min(until, moment)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not _may_use_cache(request):
            return self.get_response(request)
        started = timezone.now()
        key = _key(request)
        kept = cache.get(key)
        if kept is not None:
            content, headers = kept
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _may_keep(request, response):
            seconds = _seconds_to_keep(request, started)
            if seconds > 0:
                set_response_etag(response)
                patch_cache_control(response, no_cache=True)
                headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
                headers.append(("Cache-Control", response["Cache-Control"]))
                cache.set(key, (response.content, headers), seconds)
                response["X-Page-Cache"] = "miss"
        return response


def _may_use_cache(request) -> bool:
    return (
        request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _key(request) -> str:
    return ":".join(
        (
            "portal:page",
            content_generation.current(),
            request.scheme,
            request.get_host(),
            request.path,
        )
    )


def _may_keep(request, response) -> bool:
    """A Wagtail page's 200 that is the same for every visitor without a session: it started
    no session (its cookie is set further out), set no cookie (the CSRF cookie every page with
    a form token sets) and holds no form token."""
    cache_control = response.get("Cache-Control", "")
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and getattr(request, "_wagtail_route_for_request", None) is not None
        and not (session is not None and session.modified)
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and CSRF_FIELD not in response.content
    )


def next_midnight(moment: datetime) -> datetime:
    """The Stockholm midnight after ``moment``, when a page's "today" changes."""
    return datetime.combine(
        moment.astimezone(STOCKHOLM).date() + timedelta(days=1), datetime.min.time(), STOCKHOLM
    )


def _seconds_to_keep(request, started: datetime) -> int:
    """Until the midnight after the page was asked for (its date decided what it shows), or
    what the page said (``expire_at``), at most PAGE_CACHE_SECONDS."""
    midnight = next_midnight(started)
    until = min(midnight, getattr(request, "page_cache_until", None) or midnight)
    seconds = int((until - timezone.now()).total_seconds())
    return min(settings.PAGE_CACHE_SECONDS, seconds)
