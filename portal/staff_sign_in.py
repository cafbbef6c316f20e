"""Staff sign-in: through the municipality's OpenID Connect provider once it is configured
(``OIDC_RP_CLIENT_ID``), with groups from its claims; else, and for the break-glass accounts,
with a local password."""

import logging
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)
from wagtail.admin.views import account

logger = logging.getLogger(__name__)


def provider_configured() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


def claimed_groups(claims: dict) -> set[str]:
    """The names of the Django groups that OIDC_GROUP_MAP grants for the groups claim."""
    values = claims.get(settings.OIDC_GROUPS_CLAIM) or []
    if isinstance(values, str):
        values = [values]
    group_map = settings.OIDC_GROUP_MAP
    return {group_map[value] for value in values if isinstance(value, str) and value in group_map}


def is_provider_callback(request, credentials=None) -> bool:
    """Axes counts password attempts only (AXES_WHITELIST_CALLABLE): the provider throttles its
    own sign-ins, and a refused one must not lock out an office behind one address."""
    return provider_configured() and request.path_info == reverse("oidc_authentication_callback")


class PasswordBackend(ModelBackend):
    """Local passwords: any account's until the provider is configured, then only the
    break-glass accounts' (BREAK_GLASS_USERNAMES)."""

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and (
            not provider_configured() or user.get_username() in settings.BREAK_GLASS_USERNAMES
        )


class ProviderBackend(OIDCAuthenticationBackend):
    """The staff member from the provider's claims: user name, name and e-mail, and the groups
    OIDC_GROUP_MAP grants. Without a mapped group there is no sign-in; nobody becomes a
    superuser, and a local password account is never taken over."""

    def authenticate(self, request, **kwargs):
        if not (request and is_provider_callback(request)):
            return None
        try:
            return super().authenticate(request, **kwargs)
        except requests.RequestException as error:
            # The provider refused the code or token (a removed user) or could not be reached.
            status = getattr(error.response, "status_code", "-")
            logger.warning("event=staff_sign_in_refused reason=provider_error status=%s", status)
            return None

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        username = claims.get(settings.OIDC_USERNAME_CLAIM)
        if not isinstance(username, str) or not 0 < len(username) <= 150:
            logger.warning("event=staff_sign_in_refused reason=no_username_claim")
            return None
        user = self.UserModel.objects.filter(username=username).first()
        if user is not None and (user.has_usable_password() or user.is_superuser):
            # A local account (or a superuser made with createsuperuser --noinput) is never
            # taken over by a provider account of the same name.
            logger.warning("event=staff_sign_in_refused reason=local_account user=%s", user.pk)
            return None
        granted = claimed_groups(claims)
        if user is None and not granted:
            logger.warning("event=staff_sign_in_refused reason=no_mapped_group user=-")
            return None
        if user is None:
            user = self.UserModel(username=username)
            user.set_unusable_password()
        update_from_claims(user, claims, granted)
        if not granted:
            logger.warning("event=staff_sign_in_refused reason=no_mapped_group user=%s", user.pk)
            return None
        logger.info("event=staff_sign_in user=%s groups=%s", user.pk, len(granted))
        return user

    def get_user(self, user_id):
        # Unlike mozilla-django-oidc's, a deactivated user's session ends at once.
        user = super().get_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


@transaction.atomic
def update_from_claims(user, claims: dict, granted: set[str]) -> None:
    """Name, e-mail, staff status and the mapped groups as the provider says now; groups
    outside OIDC_GROUP_MAP are left as they are."""
    user.first_name = str(claims.get("given_name") or claims.get("name") or "")[:150]
    user.last_name = str(claims.get("family_name") or "")[:150]
    user.email = str(claims.get("email") or "")[:254]
    user.is_staff = bool(granted)
    user.save()
    managed = Group.objects.filter(name__in=set(settings.OIDC_GROUP_MAP.values()))
    user.groups.remove(*[group for group in managed if group.name not in granted])
    user.groups.add(*[group for group in managed if group.name in granted])
    for missing in granted - {group.name for group in managed}:
        logger.warning("event=staff_group_missing group=%s", missing)


def sign_out_url(request) -> str:
    """Where signing out leads: the provider's end-session endpoint for a session that came
    from it, else the admin's sign-in page. Called before the session ends."""
    sign_in = reverse("wagtailadmin_login")
    id_token = request.session.get("oidc_id_token")
    if not (provider_configured() and settings.OIDC_OP_LOGOUT_ENDPOINT and id_token):
        return sign_in
    query = urlencode(
        {
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": request.build_absolute_uri(sign_in),
        }
    )
    return f"{settings.OIDC_OP_LOGOUT_ENDPOINT}?{query}"


class ProviderRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not provider_configured():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class ProviderSignInView(ProviderRequiredMixin, OIDCAuthenticationRequestView):
    """Sends the browser to the provider (the button on the admin's sign-in page)."""


class ProviderCallbackView(ProviderRequiredMixin, OIDCAuthenticationCallbackView):
    """The provider's answer. A refusal, also of a silent renewal, ends any session and
    returns to the sign-in page with a message."""

    @property
    def failure_url(self):
        return reverse("wagtailadmin_login")

    def login_failure(self):
        if self.request.user.is_authenticated:
            logout(self.request)
        messages.error(
            self.request,
            _(
                "You could not be signed in with the municipality's account. If you should "
                "have access to the portal's admin, ask your manager to give you a role."
            ),
        )
        return super().login_failure()


class StaffLoginView(account.LoginView):
    """Wagtail's sign-in page, offering the municipality's account when it is configured."""

    template_name = "portal/admin/login.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"provider_sign_in": provider_configured()}


class StaffLogoutView(account.LogoutView):
    """Wagtail's sign-out, continuing to the provider's end-session endpoint."""

    def post(self, request, *args, **kwargs):
        self.after_sign_out = sign_out_url(request)
        return super().post(request, *args, **kwargs)

    def get_success_url(self):
        return self.after_sign_out


def public_sign_in(request):
    """Wagtail's public sign-in (``/<language>/_util/login/``, for pages restricted to signed-in
    users) is a bare password form: it would skip the provider, the break-glass rule and the
    lockout's view. Staff sign in where the admin does, and come back to the page."""
    return redirect_to_login(request.GET.get("next") or "/", login_url="/admin/login/")
