"""Arabic and Persian pages in Chromium: accessible, and the whole layout mirrored."""

import pytest

from tests.e2e.conftest import axe_violations

RTL = ["ar", "fa"]
PATHS = [
    "/",
    "/oppettider/",
    "/ekonomiskt-bistand/sa-ansoker-du/",
    "/kvalitetsgaranti/",
    "/statistik/",
]


@pytest.mark.parametrize("code", RTL)
def test_right_to_left_pages_have_no_wcag_21_aa_violations(site_url, new_page, code):
    page = new_page(locale=code)
    found = {}
    for path in PATHS:
        page.goto(f"{site_url}/{code}{path}")
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert not found, found


def right_edge(box) -> float:
    return box["x"] + box["width"]


@pytest.mark.parametrize("code", RTL)
def test_skip_link_and_navigation_start_at_the_right_edge(site_url, new_page, code):
    page = new_page(locale=code, viewport={"width": 1200, "height": 900})
    page.goto(f"{site_url}/{code}/")
    assert page.evaluate("document.documentElement.dir") == "rtl"

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link").bounding_box()
    assert right_edge(skip) > 1200 - 40 and skip["x"] > 600

    menu = page.locator(".main-nav a")
    first, last = menu.first.bounding_box(), menu.last.bounding_box()
    assert first["x"] > last["x"], "the first menu item should stand rightmost"

    heading = page.locator("main h1").bounding_box()
    assert right_edge(heading) > 1200 - 200


def test_swedish_pages_keep_left_to_right(site_url, new_page):
    page = new_page(viewport={"width": 1200, "height": 900})
    page.goto(f"{site_url}/sv/")
    page.keyboard.press("Tab")
    assert page.locator(".skip-link").bounding_box()["x"] < 100
    menu = page.locator(".main-nav a")
    assert menu.first.bounding_box()["x"] < menu.last.bounding_box()["x"]


def test_fallback_content_reads_left_to_right_inside_a_right_to_left_page(site_url, new_page):
    page = new_page(locale="ar")
    page.goto(f"{site_url}/ar/oppettider/")
    notice = page.locator(".fallback-notice")
    assert notice.is_visible()
    assert notice.evaluate("el => getComputedStyle(el).direction") == "rtl"
    heading = page.locator("main h1")
    assert heading.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert heading.get_attribute("lang") == "sv"
    # The interface around the Swedish content stays right to left.
    assert page.locator("main table").first.evaluate("el => getComputedStyle(el).direction") == (
        "rtl"
    )


def test_language_switcher_by_keyboard_keeps_the_page(site_url, new_page):
    page = new_page()
    page.goto(f"{site_url}/sv/ekonomiskt-bistand/sa-ansoker-du/")
    page.keyboard.press("Tab")  # skip link
    for _ in range(3):  # Svenska, English, العربية
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('lang')") == "ar"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}/ar/ekonomiskt-bistand/sa-ansoker-du/")
    assert page.locator("h1").inner_text() == "كيف تقدم طلبًا للحصول على المساعدة المالية"


# Arabic or Persian letters: interface strings on a page read in those languages.
ARABIC_SCRIPT = r"[\u0600-\u06FF]"
LANGUAGE_OF_TEXT = """(pattern) => {
    const arabic = new RegExp(pattern);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const wrong = [];
    let total = 0;
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!arabic.test(node.textContent)) continue;
        total += 1;
        const owner = node.parentElement.closest("[lang]");
        const style = getComputedStyle(node.parentElement);
        if (!["ar", "fa"].includes(owner.lang) || style.direction !== "rtl") {
            wrong.push(`${owner.lang}/${style.direction}: ${node.textContent.trim().slice(0, 40)}`);
        }
    }
    return {total, wrong};
}"""


@pytest.mark.parametrize("code", RTL)
def test_interface_text_on_fallback_pages_is_spoken_and_laid_out_in_the_readers_language(
    site_url, new_page, code
):
    page = new_page(locale=code)
    for path in ["/oppettider/", "/statistik/", "/tillganglighet/", "/lattlast/"]:
        page.goto(f"{site_url}/{code}{path}")
        found = page.evaluate(LANGUAGE_OF_TEXT, ARABIC_SCRIPT)
        assert found["total"] > 5, path
        assert found["wrong"] == [], path
        # The Swedish content keeps its own language and direction.
        heading = page.locator("main h1")
        assert heading.evaluate("el => el.closest('[lang]').lang") == "sv", path
        assert heading.evaluate("el => getComputedStyle(el).direction") == "ltr", path
