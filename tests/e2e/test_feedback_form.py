"""A person sends feedback with the keyboard only, in Swedish and in Arabic; axe checks the
form, its error state and the receipt."""

import re

import pytest

from tests.e2e.conftest import axe_violations

MESSAGE = {
    "sv": "Jag fick vänta länge i telefonkön.",
    "ar": "انتظرت وقتًا طويلًا على الهاتف.",
}


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching ``selector`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_keyboard_only_submission_with_axe_clean_form_errors_and_receipt(site_url, new_page, code):
    page = new_page(locale=code)
    page.goto(f"{site_url}/{code}/synpunkter/")
    assert axe_violations(page) == []

    # Sending the empty form: the error summary takes focus and links to the fields.
    tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator(".error-summary a").count() >= 4
    assert axe_violations(page) == []

    tab_to(page, "#id_kind_0")
    page.keyboard.press("Space")  # complaint
    tab_to(page, "#id_category_0")
    page.keyboard.press("ArrowDown")  # the second category
    tab_to(page, "#id_district")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_to(page, "#id_message")
    page.keyboard.type(MESSAGE[code])
    tab_to(page, "#id_answer_by_0")
    page.keyboard.press("ArrowDown")  # by e-mail
    tab_to(page, "#id_email")
    page.keyboard.type("kim@example.org")
    page.wait_for_timeout(3200)  # people take longer than the minimum fill time
    tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/{code}/synpunkter/kvitto/\d{{4}}-\d{{5}}/$"))

    reference = page.locator(".reference").inner_text()
    assert re.fullmatch(r"\d{4}-\d{5}", reference)
    assert page.locator(".lookup-code").inner_text()
    assert page.evaluate("document.documentElement.lang") == code
    assert axe_violations(page) == []
