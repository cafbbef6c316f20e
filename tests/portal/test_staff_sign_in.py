"""Staff sign in through a real OpenID Connect provider (npm oidc-provider, started here), get
their groups from its claims, lose access when it removes them, and sign out there too; the
break-glass password account needs a TOTP code; staff sessions end after 30 idle minutes.

Outside CI the provider tests skip with the reason when Node or oidc-provider is missing; under
CI=true they fail instead."""

import logging
import os
from datetime import timedelta
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import oidc_provider
from tests.oidc_provider import Browser, Provider

pytestmark = pytest.mark.django_db

GROUP_MAP = {
    "portal-editors": "Editors",
    "portal-moderators": "Moderators",
    "portal-feedback": "Feedback handlers",
}
BREAK_GLASS = "nodkonto"
BREAK_GLASS_PASSWORD = "a-long-break-glass-password-1"
User = get_user_model()


@pytest.fixture(scope="session")
def provider(tmp_path_factory):
    if lacking := oidc_provider.missing():
        reason = f"The staff sign-in tests need {lacking}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    provider = Provider(tmp_path_factory.mktemp("oidc") / "provider.log")
    yield provider
    provider.stop()


@pytest.fixture
def configured(settings, provider, demo_site):
    """The portal configured for the provider, as the environment would do it."""
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    settings.OIDC_GROUP_MAP = GROUP_MAP
    settings.OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS = 15 * 60
    settings.BREAK_GLASS_USERNAMES = [BREAK_GLASS]
    return provider


@pytest.fixture
def staff_client():
    """An English-speaking browser: the sign-in pages answer in Swedish all the same (staff get
    the admin in Swedish until they choose otherwise in their account)."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def browser(staff_client, configured):
    return Browser(staff_client, configured)


def a_sub(name: str) -> str:
    return f"{name}-{os.urandom(4).hex()}"


def later(minutes: int):
    return time_machine.travel(timezone.now() + timedelta(minutes=minutes))


def group_names(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


# -- signing in through the provider --


def test_the_sign_in_page_offers_the_municipalitys_account_only_when_configured(
    staff_client, settings, demo_site, provider
):
    page = staff_client.get("/admin/login/").content.decode()
    assert "/oidc/authenticate/" not in page
    assert staff_client.get("/oidc/authenticate/", follow=True).status_code == 404
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    page = staff_client.get("/admin/login/?next=/admin/pages/").content.decode()
    assert "Logga in med kommunens konto" in page
    assert "/oidc/authenticate/?next=/admin/pages/" in page


def test_signing_in_creates_the_staff_member_with_the_mapped_groups(browser, configured, caplog):
    sub = a_sub("anna")
    configured.put_user(sub, groups=["portal-editors", "portal-feedback", "other-system"])
    with caplog.at_level(logging.INFO, logger="portal.staff_sign_in"):
        status, page = browser.sign_in_with_provider(sub)
    assert status == 200 and browser.url == "http://testserver/admin/"
    user = User.objects.get(username=sub)
    assert group_names(user) == {"Editors", "Feedback handlers"}
    assert (user.first_name, user.last_name, user.email) == (
        "Anna",
        "Andersson",
        f"{sub}@kommun.example.se",
    )
    assert user.is_staff and not user.is_superuser and not user.has_usable_password()
    # The log says who by id only: no user name, name or e-mail.
    assert f"event=staff_sign_in user={user.pk} groups=2" in caplog.messages
    assert not any(sub in line or "Andersson" in line for line in caplog.messages)


def test_the_page_asked_for_is_where_signing_in_ends(browser, configured):
    sub = a_sub("britt")
    configured.put_user(sub, groups=["portal-moderators"])
    status, _ = browser.sign_in_with_provider(sub, start="/admin/pages/")
    assert status == 200 and browser.url == "http://testserver/admin/pages/"


def test_a_user_without_a_mapped_group_is_refused(browser, configured):
    sub = a_sub("cecilia")
    configured.put_user(sub, groups=["other-system"])
    status, page = browser.sign_in_with_provider(sub)
    assert browser.url.startswith("http://testserver/admin/login/")
    assert "You could not be signed in with the municipality&#x27;s account" in page
    assert not signed_in(browser.client)
    assert not User.objects.filter(username=sub).exists()


def test_a_local_password_account_is_never_taken_over_from_the_provider(browser, configured):
    User.objects.create_superuser(BREAK_GLASS, "nod@example.se", BREAK_GLASS_PASSWORD)
    configured.put_user(BREAK_GLASS, groups=["portal-editors"])
    browser.sign_in_with_provider(BREAK_GLASS)
    assert browser.url.startswith("http://testserver/admin/login/")
    assert not signed_in(browser.client)
    assert not group_names(User.objects.get(username=BREAK_GLASS))


def test_a_user_removed_before_the_code_is_exchanged_is_refused(browser, configured):
    sub = a_sub("ebba")
    configured.put_user(sub, groups=["portal-editors"])
    browser.sign_in_with_provider(sub, stop_before="http://testserver/oidc/callback/")
    configured.remove_user(sub)  # the provider now refuses the code (invalid_grant)
    browser.open(browser.url)
    assert browser.url.startswith("http://testserver/admin/login/")
    assert not signed_in(browser.client)
    assert not User.objects.filter(username=sub).exists()


def test_a_group_changed_at_the_provider_applies_at_the_next_renewal(browser, configured):
    sub = a_sub("david")
    configured.put_user(sub, groups=["portal-editors"])
    browser.sign_in_with_provider(sub)
    configured.put_user(sub, groups=["portal-moderators"])
    with later(10):  # the ID token is still fresh: nothing asked
        assert browser.open("/admin/pages/")[0] == 200
    assert group_names(User.objects.get(username=sub)) == {"Editors"}
    with later(16):  # renewed silently (prompt=none) through the provider
        status, _ = browser.open("/admin/pages/")
    assert status == 200 and browser.url == "http://testserver/admin/pages/"
    assert group_names(User.objects.get(username=sub)) == {"Moderators"}


def test_a_user_removed_at_the_provider_loses_access_at_the_next_renewal(browser, configured):
    sub = a_sub("erik")
    configured.put_user(sub, groups=["portal-editors"])
    browser.sign_in_with_provider(sub)
    configured.remove_user(sub)
    with later(16):
        status, page = browser.open("/admin/pages/")
    assert browser.url.startswith("http://testserver/admin/login/")
    assert not signed_in(browser.client)
    # Only this session ended: the account itself is not deactivated or changed.
    assert User.objects.get(username=sub).is_active


def test_a_user_whose_groups_are_all_taken_away_loses_access_and_the_groups(browser, configured):
    sub = a_sub("frida")
    configured.put_user(sub, groups=["portal-feedback"])
    browser.sign_in_with_provider(sub)
    configured.put_user(sub, groups=[])
    with later(16):
        browser.open("/admin/")
    assert browser.url.startswith("http://testserver/admin/login/")
    assert not signed_in(browser.client)
    user = User.objects.get(username=sub)
    assert not group_names(user) and not user.is_staff


def test_signing_out_ends_the_session_here_and_at_the_provider(browser, configured):
    sub = a_sub("greta")
    configured.put_user(sub, groups=["portal-editors"])
    browser.sign_in_with_provider(sub)
    status, page = browser.open("/admin/logout/", {})
    end_session = urlsplit(browser.url)
    assert f"{end_session.scheme}://{end_session.netloc}" == configured.url
    assert not signed_in(browser.client)
    # The provider asks whether to sign out there too; yes.
    status, page = browser.submit(page, logout="yes")
    assert status == 200 and browser.url == "http://testserver/admin/login/"
    # Signing in again needs the provider's form again: its session is gone too.
    browser.open("/admin/")
    button = "/oidc/authenticate/?next=/admin/"
    browser.open(button)
    assert browser.url.startswith(f"{configured.url}/interaction/")


def test_the_end_session_request_carries_the_id_token_and_the_way_back(browser, configured):
    sub = a_sub("hanna")
    configured.put_user(sub, groups=["portal-editors"])
    browser.sign_in_with_provider(sub)
    answer = browser.client.post("/admin/logout/")
    query = parse_qs(urlsplit(answer["Location"]).query)
    assert query["post_logout_redirect_uri"] == ["http://testserver/admin/login/"]
    assert query["client_id"] == ["portal"] and query["id_token_hint"][0].count(".") == 2


# -- staff sessions --


def test_a_staff_session_ends_after_thirty_idle_minutes(staff_client, django_user_model, demo_site):
    user = django_user_model.objects.create_superuser("idun", "i@example.se", "pw-idun-123456")
    staff_client.force_login(user)
    assert staff_client.get("/admin/").status_code == 200
    with later(20):
        assert staff_client.get("/admin/pages/").status_code == 200
    with later(45):  # 25 minutes after the last request: still signed in
        assert staff_client.get("/admin/").status_code == 200
    with later(76):
        answer = staff_client.get("/admin/pages/")
    assert answer.status_code == 302
    assert answer["Location"] == "/admin/login/?next=%2Fadmin%2Fpages%2F"
    assert not signed_in(staff_client)
    page = staff_client.get(answer["Location"]).content.decode()
    assert "Du loggades ut efter 30 minuter utan aktivitet." in page


def test_the_editors_background_ping_does_not_keep_a_session_alive(
    staff_client, django_user_model, demo_site
):
    user = django_user_model.objects.create_superuser("ivar", "i@example.se", "pw-ivar-123456")
    staff_client.force_login(user)
    staff_client.get("/admin/")
    with later(20):
        staff_client.post("/admin/editing-sessions/ping/wagtailcore/page/3/0/")
    with later(31):
        assert staff_client.get("/admin/").status_code == 302
    assert not signed_in(staff_client)


def test_public_pages_stay_without_a_session_or_cookie(client, configured):
    for path in ("/sv/", "/en/", "/ar/"):
        answer = client.get(path)
        assert answer.status_code == 200
        assert not answer.cookies, path


# -- the break-glass account: a password and a TOTP code --


@pytest.fixture
def break_glass(settings, demo_site):
    """The break-glass superuser, its authenticator set up by the management command."""
    settings.STAFF_PASSWORD_REQUIRES_OTP = True
    settings.BREAK_GLASS_USERNAMES = [BREAK_GLASS]
    user = User.objects.create_superuser(BREAK_GLASS, "nod@example.se", BREAK_GLASS_PASSWORD)
    out = StringIO()
    call_command("break_glass_device", BREAK_GLASS, stdout=out)
    uri = out.getvalue().strip()
    assert uri.startswith("otpauth://totp/F%C3%B6rs%C3%B6rjningsst%C3%B6dsenheten%3Anodkonto?")
    assert TOTPDevice.objects.get(user=user).config_url == uri
    return user


def current_code(user) -> str:
    device = TOTPDevice.objects.get(user=user)
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def sign_in_with_password(client, username=BREAK_GLASS, password=BREAK_GLASS_PASSWORD):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/pages/"}
    )


def test_a_password_sign_in_asks_for_the_code_before_anything_else(staff_client, break_glass):
    answer = sign_in_with_password(staff_client)
    assert answer["Location"] == "/admin/pages/"
    answer = staff_client.get("/admin/pages/")
    assert answer["Location"] == "/admin/second-factor/?next=%2Fadmin%2Fpages%2F"
    assert staff_client.get("/admin/reports/").status_code == 302
    page = staff_client.get(answer["Location"])
    assert page.status_code == 200
    # What the code page loads itself is open: the interface's translations and icons.
    assert staff_client.get("/admin/jsi18n/").status_code == 200
    answer = staff_client.post(
        "/admin/second-factor/", {"code": current_code(break_glass), "next": "/admin/pages/"}
    )
    assert answer["Location"] == "/admin/pages/"
    assert staff_client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused(staff_client, break_glass):
    sign_in_with_password(staff_client)
    right = current_code(break_glass)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    page = staff_client.post("/admin/second-factor/", {"code": wrong, "next": "/admin/"})
    assert page.status_code == 200
    assert "Koden är fel eller för gammal." in page.content.decode()
    assert staff_client.get("/admin/")["Location"].startswith("/admin/second-factor/")


def test_an_account_without_an_authenticator_cannot_get_past_the_code_page(
    staff_client, break_glass
):
    TOTPDevice.objects.all().delete()
    sign_in_with_password(staff_client)
    page = staff_client.get("/admin/second-factor/").content.decode()
    assert "Det här kontot har ingen autentiseringsapp inställd" in page
    assert staff_client.get("/admin/")["Location"].startswith("/admin/second-factor/")


def test_with_the_provider_configured_only_break_glass_accounts_sign_in_with_a_password(
    staff_client, configured, break_glass
):
    User.objects.create_superuser("lokal", "l@example.se", "pw-lokal-123456")
    refused = sign_in_with_password(staff_client, "lokal", "pw-lokal-123456")
    assert refused.status_code == 200 and not signed_in(staff_client)
    assert sign_in_with_password(staff_client).status_code == 302
    assert signed_in(staff_client)


def test_the_lockout_still_applies_to_the_break_glass_account(
    staff_client, configured, break_glass
):
    answers = [sign_in_with_password(staff_client, password="wrong").status_code for _ in range(6)]
    assert answers[5] == 429
    assert sign_in_with_password(staff_client).status_code == 429


def test_provider_sign_ins_are_not_counted_by_the_lockout(browser, configured):
    """Refused provider sign-ins (here, from one office address) lock nobody out."""
    sub = a_sub("jonas")
    configured.put_user(sub, groups=["other-system"])
    for _ in range(6):
        browser.provider_session.cookies.clear()
        browser.sign_in_with_provider(sub)
    configured.put_user(sub, groups=["portal-editors"])
    browser.provider_session.cookies.clear()
    status, _ = browser.sign_in_with_provider(sub)
    assert status == 200 and browser.url == "http://testserver/admin/"


def test_the_public_sign_in_form_leads_to_the_staff_sign_in(client, break_glass):
    """Wagtail's own password form under /<language>/_util/login/ would sign in without the
    provider's rules; it sends staff to the admin's sign-in and back to the page."""
    answer = client.get("/sv/_util/login/?next=/sv/oppettider/")
    assert answer.status_code == 302
    assert answer["Location"] == "/admin/login/?next=/sv/oppettider/"
    client.post("/sv/_util/login/", {"username": BREAK_GLASS, "password": BREAK_GLASS_PASSWORD})
    assert "_auth_user_id" not in client.session
