"""A citizen reads what the unit changed because of feedback ("Ni sa, vi gjorde") on a phone, in
Swedish and then in Arabic: only the approved entries, the untranslated one in Swedish marked
as Swedish inside the right-to-left page, axe clean; and the page works without JavaScript."""

from tests.e2e.conftest import axe_violations

PATH = "/sv/ni-sa-vi-gjorde/"


def test_a_citizen_reads_you_said_we_did_in_swedish_and_arabic(site_url, new_page):
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + PATH)
    assert page.get_by_role("heading", level=1).inner_text() == "Ni sa, vi gjorde"
    entries = page.locator(".you-said")
    assert entries.count() == 2
    assert "Det var svårt att nå oss på telefon." in entries.all_inner_texts()[1]
    assert "Väntrummet" not in page.content()  # waits for approval
    assert axe_violations(page) == []

    page.locator(".language-nav").get_by_role("link", name="العربية").click()
    page.wait_for_url("**/ar/ni-sa-vi-gjorde/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.get_by_role("heading", level=1).inner_text() == "قلتم، ففعلنا"
    entries = page.locator(".you-said")
    assert entries.count() == 2
    assert "كان من الصعب الوصول إلينا عبر الهاتف." in entries.nth(1).inner_text()
    # Not translated into Arabic: shown in Swedish, marked so.
    swedish = entries.nth(0).locator("[lang='sv']").first
    assert swedish.inner_text() == "Breven om beslut var svåra att förstå."
    assert swedish.get_attribute("dir") == "ltr"
    assert "Väntrummet" not in page.content()
    assert axe_violations(page) == []


def test_the_page_needs_no_javascript(site_url, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "/ar/ni-sa-vi-gjorde/")
    assert page.locator(".you-said").count() == 2
