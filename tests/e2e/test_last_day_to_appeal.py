"""A person who got a decision finds their last day to appeal, by keyboard, in Swedish and in
Arabic, with and without JavaScript: from the feedback form's appeal notice to the page, types
the day they were told, sends, and reads the last day in words; a wrong date is an error that
has focus and names the field. axe checks each state."""

from datetime import date, timedelta

import pytest
from babel.dates import format_date

from portal import appeals
from tests.e2e.conftest import axe_violations
from tests.e2e.test_feedback_form import tab_to

FIELD = "#told-on"
BUTTON = "main form.appeal-form button[type=submit]"
BABEL_LOCALE = {"sv": "sv", "ar": "ar"}


def day_equal_to_month(start: date, step: int) -> date:
    """The first day from ``start`` on (``step`` -1: backwards) whose day and month are the same
    number: its keys are the same whether the browser's date field asks for the month or the
    day first."""
    day = start
    while day.day != day.month:
        day += timedelta(days=step)
    return day


def told_on_recently() -> date:
    return day_equal_to_month(date.today(), -1)


def type_date(page, day: date) -> None:
    """Type ``day`` into the focused date field, digit by digit."""
    page.keyboard.type(f"{day.day:02d}{day.month:02d}{day.year}")


def open_from_the_feedback_form(page, site_url: str, code: str) -> None:
    page.goto(f"{site_url}/{code}/synpunkter/")
    tab_to(page, f'.notice a[href="/{code}/sista-dagen-att-overklaga/"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{site_url}/{code}/sista-dagen-att-overklaga/"


def assert_language(page, code: str) -> None:
    assert page.evaluate("document.documentElement.lang") == code
    assert page.evaluate("document.documentElement.dir") == ("rtl" if code == "ar" else "ltr")


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_keyboard_journey_to_the_last_day_in_words(site_url, new_page, code):
    page = new_page(locale=code)
    open_from_the_feedback_form(page, site_url, code)
    assert_language(page, code)
    assert axe_violations(page) == []

    told_on = told_on_recently()
    tab_to(page, FIELD)
    type_date(page, told_on)
    assert page.locator(FIELD).input_value() == told_on.isoformat()
    tab_to(page, BUTTON)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url.endswith(f"/{code}/sista-dagen-att-overklaga/?told_on={told_on}")
    assert_language(page, code)
    last_day = appeals.last_day_to_appeal(told_on)
    answer = page.locator(".appeal-result time")
    assert answer.get_attribute("datetime") == last_day.isoformat()
    assert answer.inner_text() == format_date(last_day, "full", locale=BABEL_LOCALE[code])
    assert page.locator(FIELD).input_value() == told_on.isoformat()
    assert axe_violations(page) == []


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_a_wrong_date_is_an_error_with_focus_on_the_field(site_url, new_page, code):
    page = new_page(locale=code)
    page.goto(f"{site_url}/{code}/sista-dagen-att-overklaga/")
    # Sending without a date, with a click.
    with page.expect_navigation():
        page.locator(BUTTON).click()
    assert_language(page, code)
    assert page.evaluate("document.activeElement.id") == "told-on"
    field = page.locator(FIELD)
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("aria-describedby") == "told-on-hint told-on-error"
    assert page.locator("#told-on-error").is_visible()
    assert page.locator(".error-summary a[href='#told-on']").count() == 1
    assert page.title().startswith(page.locator("#told-on-error .visually-hidden").inner_text())
    assert page.locator(".appeal-result").count() == 0
    assert axe_violations(page) == []

    # The field has focus: type a day after today and press Enter in it.
    type_date(page, day_equal_to_month(date.today() + timedelta(days=1), 1))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "told-on"
    assert page.locator(".appeal-result").count() == 0
    assert page.locator("#told-on-error").is_visible()


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_the_journey_works_without_javascript(site_url, new_page, code):
    page = new_page(locale=code, java_script_enabled=False)
    open_from_the_feedback_form(page, site_url, code)
    told_on = told_on_recently()
    tab_to(page, FIELD)
    type_date(page, told_on)
    tab_to(page, BUTTON)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_language(page, code)
    answer = page.locator(".appeal-result time")
    assert answer.get_attribute("datetime") == appeals.last_day_to_appeal(told_on).isoformat()
