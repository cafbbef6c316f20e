"""Reflow (WCAG 1.4.10): at 320 CSS pixels no page scrolls sideways, in Swedish, Arabic and
Finnish (long compound words: "Försörjningsstödsenheten", "Toimeentulotukiyksikkö")."""

from datetime import date, timedelta

import pytest

PAGES = [
    "/",
    "/kvalitetsgaranti/",
    "/kvalitetsgaranti/kvalitetsgaranti-2026/",
    "/oppettider/",
    "/ekonomiskt-bistand/sa-ansoker-du/",
    "/tillganglighet/",
    "/lattlast/",
    "/synpunkter/",
    "/synpunkter/status/",
    "/synpunkter/personuppgifter/",
    "/statistik/",
    "/sok/?q=garanti",
    f"/sista-dagen-att-overklaga/?told_on={date.today() - timedelta(days=7)}",
]
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
        .filter(el => {
            const box = el.getBoundingClientRect();
            return box.width && (box.right > width + 1 || box.left < -1);
        })
        .map(el => `${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 30)}`)
        .slice(0, 5);
}"""


@pytest.mark.parametrize("code", ["sv", "ar", "fi"])
def test_no_page_scrolls_sideways_at_320_pixels(site_url, new_page, code):
    page = new_page(locale=code, viewport={"width": 320, "height": 640})
    found = {}
    for path in PAGES:
        page.goto(f"{site_url}/{code}{path}")
        if path == "/synpunkter/":  # the form with its errors, too
            with page.expect_navigation():
                page.locator("main form button[type=submit]").click()
        wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        if wide:
            found[path] = page.evaluate(OVERFLOWING)
    assert not found, found
