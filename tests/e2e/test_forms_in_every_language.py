"""Every public form submits in Chromium in every language: feedback is sent, the receipt
shows its reference and code, the status lookup answers after a click on its button, and the
site search in the header finds the guarantee."""

import re

import pytest
from django.conf import settings

from tests.e2e.conftest import axe_violations


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_feedback_and_status_lookup_submit_in_every_language(site_url, new_page, code):
    page = new_page(locale=code)
    page.goto(f"{site_url}/{code}/synpunkter/")
    page.locator('input[name="kind"]').nth(1).check()
    page.locator('input[name="category"]').first.check()
    page.locator("#id_district").select_option(index=1)
    page.locator("#id_message").fill("Telefonkön var lång i dag.")
    page.wait_for_timeout(3200)  # longer than the minimum fill time
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{code}/synpunkter/kvitto/\d{{4}}-\d{{5}}/$"))
    reference = page.locator(".reference").inner_text()
    lookup_code = page.locator(".lookup-code").inner_text()

    page.goto(f"{site_url}/{code}/synpunkter/status/")
    page.locator("#id_reference").fill(reference)
    page.locator("#id_code").fill(lookup_code)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert reference in page.locator(".status-card").inner_text()
    assert page.evaluate("document.documentElement.lang") == code
    assert axe_violations(page) == []

    page.locator("#site-search-q").fill("kvalitetsgaranti")
    with page.expect_navigation():
        page.locator(".site-search__submit").click()
    assert page.url.startswith(f"{site_url}/{code}/sok/?q=kvalitetsgaranti")
    assert page.locator(f'main a[href^="/{code}/kvalitetsgaranti/"]').count() >= 1
    assert axe_violations(page) == []
