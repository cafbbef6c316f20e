"""A citizen reads how the unit kept its promises, on the guarantee page in Swedish and in
Arabic on a phone: the verdict in words with an icon that is not colour alone, axe clean."""

from tests.e2e.conftest import axe_violations


def test_a_citizen_reads_how_the_promises_were_kept(site_url, new_page):
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{site_url}/sv/kvalitetsgaranti/")
    page.get_by_role("link", name="Läs hela garantin").click()
    section = page.locator("section.kept-promises")
    assert section.get_by_role("heading", level=2).inner_text() == "Så höll vi våra löften 2026"
    reachability = section.locator(".kept-promise--not_kept")
    assert "Uppfylls inte" in reachability.inner_text()
    assert reachability.locator(".kept-promise__icon").get_attribute("aria-hidden") == "true"
    assert "8 av 10" in section.locator(".kept-promise--partly").inner_text()
    assert axe_violations(page) == []

    page.locator(".language-nav").get_by_role("link", name="العربية").click()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    section = page.locator("section.kept-promises")
    assert section.is_visible()
    # The evidence is written in Swedish and marked so inside the Arabic page.
    evidence = section.locator(".kept-promise--partly [lang='sv']").first
    assert "stickprov" in evidence.inner_text()
    assert axe_violations(page) == []
