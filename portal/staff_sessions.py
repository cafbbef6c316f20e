"""Staff sessions in the admin: they end after STAFF_IDLE_MINUTES without an admin request, and
one from the provider is renewed silently there, so that a user removed there loses access.
Public pages are left alone: no session, no cookie."""

import logging
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import ngettext
from mozilla_django_oidc.middleware import SessionRefresh

from portal.staff_sign_in import provider_configured

logger = logging.getLogger(__name__)
LAST_ACTIVITY_KEY = "staff_last_activity"
# Requests the admin's pages send by themselves (the editor's concurrent-editing ping): they
# do not keep a session alive, but they do end one that has been idle too long.
BACKGROUND_PREFIXES = ("/admin/editing-sessions/",)


def is_admin_request(request) -> bool:
    return request.path_info.startswith("/admin/")


def note_sign_in(sender, request, user, **kwargs) -> None:
    """Signing in counts as activity (user_logged_in)."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_ACTIVITY_KEY] = int(time.time())


class StaffIdleTimeoutMiddleware:
    """Signs a staff member out, with a message on the sign-in page, when their last admin
    request was more than STAFF_IDLE_MINUTES ago."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_admin_request(request) and request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY_KEY)
            if last is not None and now - last > settings.STAFF_IDLE_MINUTES * 60:
                return self.sign_out(request)
            # Written at most once a minute: not every admin request needs a session write.
            background = request.path_info.startswith(BACKGROUND_PREFIXES)
            if not background and (last is None or now - last >= 60):
                request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)

    def sign_out(self, request):
        logger.info("event=staff_idle_sign_out user=%s", request.user.pk)
        logout(request)
        minutes = settings.STAFF_IDLE_MINUTES
        messages.info(
            request,
            ngettext(
                "You were signed out after %(minutes)d minute without activity.",
                "You were signed out after %(minutes)d minutes without activity.",
                minutes,
            )
            % {"minutes": minutes},
        )
        sign_in = reverse("wagtailadmin_login")
        if request.method != "GET":
            return redirect(sign_in)
        return redirect(f"{sign_in}?{urlencode({'next': request.get_full_path()})}")


class ProviderSessionRefresh(SessionRefresh):
    """mozilla-django-oidc's silent renewal (prompt=none) every
    OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS, for admin pages only."""

    def is_refreshable_url(self, request):
        return (
            provider_configured()
            and is_admin_request(request)
            and super().is_refreshable_url(request)
        )
