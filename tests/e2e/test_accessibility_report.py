"""A person who meets a barrier on the website reports it from the accessibility statement, by
clicks and the keyboard, without giving a name, in Swedish and in Arabic; the report lands in
the register due within the statement's working days, and axe checks every page on the way."""

import re

import pytest

from tests.e2e.conftest import axe_violations

LINK = {"sv": "Rapportera brister på webbplatsen", "ar": "أبلغ عن مشكلة في الموقع الإلكتروني"}
ANSWER_TIME = {
    "sv": "Vi svarar på rapporter inom 5 arbetsdagar.",
    "ar": "نرد على البلاغات خلال 5 أيام عمل.",
}
MESSAGE = {
    "sv": "Kartan på sidan Öppettider går inte att nå med tangentbordet.",
    "ar": "لا يمكن الوصول إلى الخريطة في صفحة مواعيد العمل باستخدام لوحة المفاتيح.",
}
REGISTERED = """
from django.utils import timezone
from feedback.models import Feedback
from portal.models import AccessibilityStatementPage, ClosedDay
item = Feedback.objects.get(reference="{reference}")
days = AccessibilityStatementPage.answer_days_in_force()
due = ClosedDay.objects.calendar().add_working_days(timezone.localdate(item.received_at), days)
print(item.category.name, item.category.website_accessibility, item.kind, days,
      item.answer_due == due, item.is_anonymous, sep="|")
"""


def tab_to(page, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_a_report_from_the_statement_reaches_the_register(site_url, new_page, manage, code):
    page = new_page(locale=code)
    page.goto(f"{site_url}/{code}/tillganglighet/")
    report = page.locator("section[aria-labelledby=report]")
    assert ANSWER_TIME[code] in " ".join(report.inner_text().split())
    assert axe_violations(page) == []

    with page.expect_navigation():
        report.get_by_role("link", name=LINK[code]).click()
    assert page.url.endswith(f"/{code}/synpunkter/?om=webbplatsen")
    assert page.evaluate("document.documentElement.dir") == ("rtl" if code == "ar" else "ltr")
    # The website's category and "complaint" are chosen; the message says what to tell.
    assert page.locator("#id_kind_0").is_checked()
    chosen = page.locator("input[name=category]:checked")
    assert chosen.count() == 1
    assert page.locator(f"label[for={chosen.get_attribute('id')}]").inner_text()
    assert page.locator("#id_message_helptext").inner_text()
    assert axe_violations(page) == []

    tab_to(page, "#id_district")
    page.keyboard.press("ArrowDown")
    tab_to(page, "#id_message")
    page.keyboard.type(MESSAGE[code])
    # No answer wanted and no name: the form's own default, left as it is.
    assert page.locator("#id_answer_by_0").is_checked()
    page.wait_for_timeout(3200)  # people take longer than the minimum fill time
    with page.expect_navigation():
        page.locator("form.feedback-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{code}/synpunkter/kvitto/\d{{4}}-\d{{5}}/$"))
    reference = page.locator(".reference").inner_text()
    assert axe_violations(page) == []

    name, flagged, kind, days, due_as_promised, anonymous = (
        manage("shell", "-c", REGISTERED.format(reference=reference)).splitlines()[-1].split("|")
    )
    assert (name, flagged, kind) == ("Webbplatsens tillgänglighet", "True", "complaint")
    assert (days, due_as_promised, anonymous) == ("5", "True", "True")
