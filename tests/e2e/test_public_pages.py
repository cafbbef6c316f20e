"""What a person sees: the demo site in headless Chromium, checked with axe-core."""

import pytest

from tests.e2e.conftest import axe_violations

PAGES = [
    "/sv/",
    "/sv/kvalitetsgaranti/",
    "/sv/kvalitetsgaranti/kvalitetsgaranti-2026/",
    "/sv/kvalitetsgaranti/kvalitetsgaranti-2007/",
    "/sv/oppettider/",
    "/sv/ekonomiskt-bistand/",
    "/sv/ekonomiskt-bistand/sa-ansoker-du/",
    "/sv/synpunkter/",
    "/sv/synpunkter/status/",
    "/sv/synpunkter/personuppgifter/",
    "/sv/statistik/",
    "/sv/tillganglighet/",
    "/sv/lattlast/",
    "/fi/ekonomiskt-bistand/sa-ansoker-du/",
    "/ti/oppettider/",
    "/en/oppettider/",
    "/sv/finns-inte/",
]


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 360, "height": 740}]
)
def test_public_pages_have_no_wcag_21_aa_violations(site_url, new_page, viewport):
    page = new_page(viewport=viewport)
    found = {}
    for path in PAGES:
        page.goto(site_url + path)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert not found, found


def test_skip_link_is_first_and_moves_focus_to_the_content(site_url, new_page):
    page = new_page()
    page.goto(site_url + "/sv/oppettider/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.is_visible() and skip.inner_text() == "Hoppa till huvudinnehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_pages_load_nothing_from_other_hosts(site_url, new_page):
    page = new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["/sv/", "/sv/oppettider/", "/sv/ekonomiskt-bistand/sa-ansoker-du/"]:
        page.goto(site_url + path)
    assert requested
    assert all(url.startswith(site_url) for url in requested), requested


def test_questions_open_without_javascript(site_url, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "/sv/ekonomiskt-bistand/sa-ansoker-du/")
    answer = page.get_by_text("Vi skickar beslutet inom 14 dagar")
    assert not answer.is_visible()
    page.get_by_text("Hur lång tid tar det att få ett beslut?").click()
    assert answer.is_visible()


def test_stylesheet_is_served_and_applied(site_url, new_page):
    page = new_page()
    page.goto(site_url + "/sv/")
    header_background = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert header_background == "rgb(10, 58, 102)"
