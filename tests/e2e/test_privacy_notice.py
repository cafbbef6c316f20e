"""The privacy notice by keyboard in Chromium, in Swedish and Arabic: from the form's privacy
text to the notice, which names the controller, the data protection officer, the retention
period and IMY, and is axe clean; its way back to the form; and the footer's link to it."""

import pytest

from tests.e2e.conftest import axe_violations
from tests.e2e.test_citizen_journeys import press_enter_and_wait
from tests.e2e.test_feedback_form import tab_to

HEADING = {"sv": "Så hanterar vi dina personuppgifter", "ar": "كيف نتعامل مع بياناتك الشخصية"}


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_from_the_form_to_the_privacy_notice_by_keyboard(site_url, new_page, code):
    page = new_page(locale=code)
    page.goto(f"{site_url}/{code}/synpunkter/")

    # The link sits in the privacy text, before the Send button.
    tab_to(page, f'.privacy a[href="/{code}/synpunkter/personuppgifter/"]')
    press_enter_and_wait(page)
    assert page.url == f"{site_url}/{code}/synpunkter/personuppgifter/"
    assert page.evaluate("document.documentElement.lang") == code
    assert page.evaluate("document.documentElement.dir") == ("rtl" if code == "ar" else "ltr")
    main = page.locator("main")
    assert main.locator("h1").inner_text() == HEADING[code]
    assert main.locator("h2").count() >= 6
    text = main.inner_text()
    for expected in ("Östermalms stadsdelsnämnd", "dataskyddsombud@example.org", "24", "IMY"):
        assert expected in text, expected
    # The unit's Swedish names keep their own language and direction inside Arabic.
    controller = main.locator("dd bdi", has_text="Östermalms stadsdelsnämnd")
    assert controller.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert axe_violations(page) == []

    # Back to the form, still by keyboard.
    tab_to(page, f'main a[href="/{code}/synpunkter/"]')
    press_enter_and_wait(page)
    assert page.locator("main form #id_message").count() == 1


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_the_footer_links_the_privacy_notice(site_url, new_page, code):
    page = new_page(locale=code)
    page.goto(f"{site_url}/{code}/oppettider/")
    tab_to(page, f'.site-footer a[href="/{code}/synpunkter/personuppgifter/"]', limit=120)
    press_enter_and_wait(page)
    assert page.locator("main h1").inner_text() == HEADING[code]
