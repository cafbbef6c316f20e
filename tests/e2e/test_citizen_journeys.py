"""Citizen journeys by keyboard in Chromium, in Swedish and Arabic: from the guarantee's promise
to the form, the receipt, the status lookup by pressing its button, and a change of language
on the status page; each step ends with axe clean."""

import re

import pytest

from tests.e2e.conftest import axe_violations
from tests.e2e.test_feedback_form import MESSAGE, tab_to


def press_enter_and_wait(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_from_a_promise_to_feedback_and_its_status(site_url, new_page, code):
    page = new_page(locale=code)
    page.goto(f"{site_url}/{code}/")

    # The guarantee from the main menu: its promises are on the index at once.
    tab_to(page, f'.main-nav a[href="/{code}/kvalitetsgaranti/"]')
    press_enter_and_wait(page)
    assert page.locator(".commitment").count() >= 4
    assert axe_violations(page) == []

    # "Tell us if we did not keep this promise" opens the form about that commitment.
    tab_to(page, 'a[href$="?commitment=nybesok"]')
    press_enter_and_wait(page)
    assert page.locator("#id_commitment").input_value() == "nybesok"
    assert page.locator('input[name="kind"][value="complaint"]').is_checked()
    assert axe_violations(page) == []

    tab_to(page, "#id_category_0")
    page.keyboard.press("Space")
    tab_to(page, "#id_district")
    page.keyboard.press("ArrowDown")
    tab_to(page, "#id_message")
    page.keyboard.type(MESSAGE[code])
    tab_to(page, "#id_answer_by_0")
    page.keyboard.press("ArrowDown")  # by e-mail
    tab_to(page, "#id_email")
    page.keyboard.type("kim@example.org")
    page.wait_for_timeout(3200)  # people take longer than the minimum fill time
    tab_to(page, "button[type=submit]")
    press_enter_and_wait(page)
    page.wait_for_url(re.compile(rf"/{code}/synpunkter/kvitto/\d{{4}}-\d{{5}}/$"))
    reference = page.locator(".reference").inner_text()
    code_on_receipt = page.locator(".lookup-code").inner_text()
    assert axe_violations(page) == []
    # Shown once: a reload keeps the receipt but not the code.
    page.reload()
    assert page.locator(".reference").inner_text() == reference
    assert page.locator(".lookup-code").count() == 0
    assert code_on_receipt not in page.content()
    assert axe_violations(page) == []

    # The status lookup, sent by pressing its button.
    tab_to(page, 'a[href$="/synpunkter/status/"]')
    press_enter_and_wait(page)
    tab_to(page, "#id_reference")
    page.keyboard.type(reference)
    tab_to(page, "#id_code")
    page.keyboard.type(code_on_receipt)
    tab_to(page, "button[type=submit]")
    press_enter_and_wait(page)
    card = page.locator(".status-card")
    assert reference in card.inner_text()
    assert axe_violations(page) == []

    # The language switcher keeps the reader on the status lookup.
    other = "ar" if code == "sv" else "sv"
    tab_to(page, f'.language-nav a[hreflang="{other}"]')
    press_enter_and_wait(page)
    assert page.url == f"{site_url}/{other}/synpunkter/status/"
    assert page.evaluate("document.documentElement.lang") == other
    assert axe_violations(page) == []


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_status_lookup_button_submits_with_a_mouse_click_too(site_url, new_page, code):
    page = new_page(locale=code)
    page.goto(f"{site_url}/{code}/synpunkter/status/")
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    # Sent empty: the error summary names both fields and takes focus.
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator(".error-summary a").count() == 2
    assert axe_violations(page) == []


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_reading_the_hours_and_the_guarantee(site_url, new_page, code):
    page = new_page(locale=code)
    page.goto(f"{site_url}/{code}/")
    tab_to(page, f'.main-nav a[href="/{code}/oppettider/"]')
    press_enter_and_wait(page)
    assert page.locator("table").count() >= 1
    assert axe_violations(page) == []
    page.goto(f"{site_url}/{code}/kvalitetsgaranti/")
    tab_to(page, 'main a[href*="/kvalitetsgaranti/kvalitetsgaranti-2026/"]')
    press_enter_and_wait(page)
    assert page.locator(".commitment").count() >= 4
    assert page.locator('a[href$="/statistik/"]').count() >= 1
    assert axe_violations(page) == []
