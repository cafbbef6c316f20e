""" "Did our answer help?" as the citizen meets it: the link from the e-mail opens the question in
their language, a missed choice is named in the error summary, the answer is sent by clicks and
keys and taken once; axe on each page, in Swedish and in Arabic (right to left)."""

import pytest

from tests.e2e.conftest import axe_violations

SETUP = """
from datetime import timedelta
from django.utils import timezone
from wagtail.models import Locale
from feedback import help_questions, intake
from feedback.models import Category, Feedback, HelpQuestion
category = Category.objects.filter(locale=Locale.get_default(), name="Bemötande").first()
item = intake.register(Feedback(kind="complaint", category=category, language="{language}",
    channel="web", message="Receptionen var otrevlig.", name="Sam", email="sam@example.org",
    answer_by="email")).feedback
Feedback.objects.filter(pk=item.pk).update(status="answered",
    answer_text="Vi har pratat med personalen.", answered_on=timezone.localdate())
question = HelpQuestion.objects.create(feedback=item, asked_on=timezone.localdate(),
    expires_at=timezone.now() + timedelta(days=30))
print(item.pk, help_questions.token(question))
"""

CASES = {
    "sv": (
        "Hjälpte vårt svar dig?",
        "Delvis",
        "Välj ja, delvis eller nej.",
        "Tack. Vi har fått ditt svar.",
    ),
    "ar": ("هل ساعدك ردنا؟", "جزئيًا", "اختر نعم أو جزئيًا أو لا.", "شكرًا لك. وصلنا ردك."),
}


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_the_citizen_answers_once_from_the_link(site_url, manage, new_page, language):
    question, partly, missing, thanks = CASES[language]
    pk, token = manage("shell", "-c", SETUP.replace("{language}", language)).split()[-2:]
    url = f"{site_url}/{language}/synpunkter/svar/{token}/"
    page = new_page(viewport={"width": 390, "height": 844})  # a phone
    page.goto(url)
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert page.locator("h1").inner_text() == question
    assert axe_violations(page) == []

    # Sent without a choice: the error summary takes focus and links to the first option.
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert missing in page.locator("#error-summary").inner_text()
    assert axe_violations(page) == []

    page.get_by_label(partly, exact=True).check()
    page.locator("textarea").focus()
    page.keyboard.type("Svaret kom, men sent.")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert thanks in page.locator("main").inner_text()
    assert axe_violations(page) == []

    saved = manage(
        "shell",
        "-c",
        f"from feedback.models import HelpQuestion; q = HelpQuestion.objects.get(feedback={pk}); "
        "print(q.answer, q.answered_at is not None)",
    ).split()[-2:]
    assert saved == ["partly", "True"]
    page.goto(url)  # the link again: answered already, nothing to send
    assert page.locator("main form").count() == 0
    assert axe_violations(page) == []
