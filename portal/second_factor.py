"""The second factor of a password sign-in (the break-glass account): after the password, the
admin asks for the six-digit code from the account's authenticator app (django-otp TOTP)
before anything else, while STAFF_PASSWORD_REQUIRES_OTP is on."""

import logging
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)
PROVIDER_BACKEND = "portal.staff_sign_in.ProviderBackend"
# The code page itself, signing out, and the interface's translations and icons it loads.
OPEN_BEFORE_THE_CODE = (
    "staff_second_factor",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
)


def needs_second_factor(request) -> bool:
    return (
        settings.STAFF_PASSWORD_REQUIRES_OTP
        and request.user.is_authenticated
        # Every sign-in but the provider's asks for the code (fails closed for a new backend).
        and request.session.get(BACKEND_SESSION_KEY) != PROVIDER_BACKEND
        and not request.user.is_verified()
    )


class SecondFactorMiddleware:
    """Sends a password-signed-in staff member without a verified code to the code page,
    from every admin page but those in OPEN_BEFORE_THE_CODE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith("/admin/")
            and path not in {reverse(name) for name in OPEN_BEFORE_THE_CODE}
            and needs_second_factor(request)
        ):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('staff_second_factor')}?{query}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def verify(request):
    """The code page: a right code from one of the user's TOTP devices marks the session
    verified; wrong codes slow down (django-otp's throttling)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = reverse("wagtailadmin_home")
    if not needs_second_factor(request):
        return redirect(next_url)
    devices = list(TOTPDevice.objects.filter(user=request.user, confirmed=True))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = next((d for d in devices if d.verify_token(form.cleaned_data["code"])), None)
        if device is not None:
            otp_login(request, device)
            request.session.cycle_key()  # a new session key once the second factor is given
            logger.info("event=staff_second_factor result=ok user=%s", request.user.pk)
            return redirect(next_url)
        logger.warning("event=staff_second_factor result=wrong_code user=%s", request.user.pk)
        form.add_error(
            "code", _("The code is wrong or too old. Wait a moment and try the newest code.")
        )
    context = {"form": form, "next": next_url, "has_device": bool(devices)}
    return render(request, "portal/admin/second_factor.html", context)
