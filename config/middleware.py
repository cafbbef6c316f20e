"""Middleware of the whole site: request ids for the logs, security headers, and a page in the
reader's language (with what they typed) when the database is out of reach."""

import contextvars
import re
import uuid

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils.cache import patch_cache_control

from config import errors

# The request being served, for log lines (see RequestIdFilter).
request_id = contextvars.ContextVar("request_id", default="-")
REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9-]{8,64}$")
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)


class RequestIdMiddleware:
    """Tag each request with an id: nginx's X-Request-ID when it is well formed, else a new one.
    It is in every log line of the request and in the response's X-Request-ID header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        token = request_id.set(given if REQUEST_ID_PATTERN.match(given) else uuid.uuid4().hex)
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id.get()
            return response
        finally:
            request_id.reset(token)


class SecurityHeadersMiddleware:
    """Permissions-Policy everywhere; no-store on the admin (personal data), and on any page
    that marked itself private (receipt, status: see feedback.views)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path_info.startswith("/admin/"):
            patch_cache_control(response, no_store=True, private=True)
        return response


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy (CONTENT_SECURITY_POLICY) on the public site; the Wagtail admin, which
    needs inline scripts and styles, gets ADMIN_CONTENT_SECURITY_POLICY."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class BodySizeLimitMiddleware:
    """Refuse a body larger than any form of ours before anything reads it (413): the public
    forms hold a few thousand characters, the admin takes uploads (nginx has the same limits,
    this holds where it is not in front)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return errors.refused(request, 400)
        admin = request.path_info.startswith("/admin/")
        limit = settings.ADMIN_MAX_BODY_BYTES if admin else settings.PUBLIC_MAX_BODY_BYTES
        if length > limit:
            return errors.refused(request, 413, too_large=True)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, answer 503 in the reader's language instead of a
    bare 500, and give back what they typed so that nothing is lost. The page is rendered
    without the database (no site settings, no menu)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # A lost or refused connection, not a bug in a query.
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        response = errors.form_not_received(request, 503)
        response["Retry-After"] = "60"
        return response
