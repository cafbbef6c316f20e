"""The admin speaks Swedish to staff whatever their browser asks for; each may choose another
language in their account settings (Wagtail's "preferred language").

Wagtail uses the profile's language where one is chosen and otherwise the request's, which
LocaleMiddleware takes from Accept-Language: an en-US browser got an English admin. Under
/admin/ the request's language is the site's default instead, so "use the server's language"
means Swedish. Public pages keep the language of their URL prefix.
"""

from django.conf import settings
from django.utils import translation

from portal.staff_sessions import is_admin_request


class AdminLanguageMiddleware:
    """After LocaleMiddleware: the default language for every request to the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_admin_request(request):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
