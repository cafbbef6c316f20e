"""An editor signs in to the admin through the municipality's provider (a real oidc-provider,
see tests/oidc_provider) in Chromium: its button on our sign-in page, its own form, and back
to the admin's landing page, which passes axe."""

import pytest

from tests import oidc_provider
from tests.e2e.conftest import axe_violations, free_port, require, serve

ADMIN_CONTENT = {"include": ["main"], "exclude": [".w-slim-header"]}


@pytest.fixture(scope="module")
def provider_site(site, tmp_path_factory):
    """A second server on the demo site's database, configured for a provider of its own."""
    lacking = oidc_provider.missing()
    require(lacking is None, lacking or "")
    tmp_path = tmp_path_factory.mktemp("e2e_oidc")
    port = free_port()
    provider = oidc_provider.Provider(tmp_path / "provider.log", f"http://127.0.0.1:{port}")
    env = {
        **site[2],
        **provider.settings(),
        "OIDC_GROUP_MAP": "portal-editors=Editors",
    }
    try:
        with serve(env, tmp_path / "server.log", port) as url:
            yield url, provider
    finally:
        provider.stop()


def test_an_editor_signs_in_with_the_municipalitys_account(provider_site, new_page):
    url, provider = provider_site
    provider.put_user("e2e-editor", groups=["portal-editors"], name="Ella Editor")
    page = new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{url}/admin/")
    assert page.url.startswith(f"{url}/admin/login/")
    assert axe_violations(page, {"include": ["main"]}) == []
    with page.expect_navigation():
        page.click("a[href^='/oidc/authenticate/']")
    assert page.url.startswith(f"{provider.url}/interaction/")
    page.fill("input[name=login]", "e2e-editor")
    with page.expect_navigation(url=f"{url}/admin/"):
        page.keyboard.press("Enter")
    assert page.locator("body.login").count() == 0
    assert axe_violations(page, ADMIN_CONTENT) == []
