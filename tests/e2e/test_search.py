"""A person searches the site with the keyboard only, in Swedish and in Arabic, with and without
JavaScript: Tab to the search field in the header, type, press Enter, land on the results in
their own language and follow one; axe checks the results page."""

import re
from urllib.parse import quote

import pytest

from tests.e2e.conftest import axe_violations
from tests.e2e.test_feedback_form import tab_to

WORD = {"sv": "Kvalitetsgaranti", "ar": "ضمان"}
SEARCH_FIELD = 'input[type="search"][name="q"]'


def search_by_keyboard(page, site_url: str, code: str) -> None:
    page.goto(f"{site_url}/{code}/")
    tab_to(page, SEARCH_FIELD)
    page.keyboard.type(WORD[code])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/{code}/sok/\?q="))


def assert_results_in_language(page, code: str) -> list[str]:
    assert page.evaluate("document.documentElement.lang") == code
    assert page.evaluate("document.documentElement.dir") == ("rtl" if code == "ar" else "ltr")
    assert WORD[code] in page.locator("h1").inner_text()
    assert page.locator(SEARCH_FIELD).input_value() == WORD[code]
    hrefs = page.locator(".search-result__title a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert f"/{code}/kvalitetsgaranti/" in hrefs
    assert all(href.startswith(f"/{code}/") for href in hrefs)
    return hrefs


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_keyboard_search_lands_on_axe_clean_results(site_url, new_page, code):
    page = new_page(locale=code)
    search_by_keyboard(page, site_url, code)
    assert_results_in_language(page, code)
    assert axe_violations(page) == []

    # The first result, by keyboard.
    tab_to(page, f'.search-result__title a[href="/{code}/kvalitetsgaranti/"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{site_url}/{code}/kvalitetsgaranti/"


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_keyboard_search_works_without_javascript(site_url, new_page, code):
    page = new_page(locale=code, java_script_enabled=False)
    search_by_keyboard(page, site_url, code)
    assert page.url == f"{site_url}/{code}/sok/?q={quote(WORD[code])}"
    assert_results_in_language(page, code)


def test_no_results_and_empty_search_are_axe_clean(site_url, new_page):
    page = new_page(locale="ar")
    page.goto(f"{site_url}/ar/sok/?q=xyzzyplugh")
    assert page.locator(".search-result").count() == 0
    assert axe_violations(page) == []
    page.goto(f"{site_url}/sv/sok/")
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def test_favicon_answers_on_the_running_server(site_url, new_page):
    page = new_page()
    response = page.goto(f"{site_url}/favicon.ico")
    assert response.ok
    assert page.url.startswith(f"{site_url}/static/")
    assert response.headers["content-type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
