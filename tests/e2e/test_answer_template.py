"""A handler answers an English complaint from a template: picks it, edits the text, previews
the e-mail as the citizen will get it (in English) and saves; with and without JavaScript."""

import ast
import re

from tests.e2e.conftest import axe_violations, sign_in
from tests.e2e.test_triage import ADMIN_CONTENT

SETUP = """
from datetime import datetime
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale
from feedback import intake
from feedback.models import Category, Feedback
from portal.workdays import STOCKHOLM
User = get_user_model()
handler = User.objects.filter(username="henrika").first()
if handler is None:
    handler = User.objects.create_user(
        "henrika", "henrika@example.org", "henrika-e2e-password",
        first_name="Henrika", last_name="Berg")
    handler.groups.add(Group.objects.get(name="Feedback handlers"))
category = Category.objects.get(locale=Locale.get_default(), name="Bemötande")
item = intake.register(Feedback(kind="complaint", category=category, language="en",
    channel="web", message="The receptionist was rude to me.", name="Alex",
    email="alex@example.org", answer_by="email"),
    received_at=datetime(2026, 11, 2, 10, 0, tzinfo=STOCKHOLM)).feedback
print(item.pk, item.reference)
"""
TEMPLATE = "Complaint about how you were treated"
EDIT = "\nP.S. We now greet everyone at the desk."


def saved_answer(manage, pk) -> str:
    printed = manage(
        "shell",
        "-c",
        "from feedback.models import Feedback; "
        f"print(repr(Feedback.objects.get(pk={pk}).answer_text))",
    )
    return ast.literal_eval(printed.strip().splitlines()[-1])


def new_item(manage):
    return manage("shell", "-c", SETUP).split()[-2:]


def test_handler_answers_from_a_template_and_previews_the_email(site_url, manage, new_page):
    pk, reference = new_item(manage)
    page = sign_in(new_page, site_url, "henrika")
    page.goto(f"{site_url}/admin/feedback/edit/{pk}/")
    assert axe_violations(page, ADMIN_CONTENT) == []

    # Pick the template: the script fills the answer in place, in the citizen's English.
    page.select_option("#id_answer_template", label=TEMPLATE)
    page.locator("button[form=answer-template-form]").click()
    answer = page.locator("#id_answer_text")
    assert reference in answer.input_value()
    assert "Henrika Berg" in answer.input_value()
    assert page.url.endswith(f"/edit/{pk}/")  # no reload: nothing else typed was lost
    assert page.locator("#answer-template-status").inner_text() != ""

    # Edit it with the keyboard.
    answer.focus()
    page.keyboard.press("Control+End")
    page.keyboard.type(EDIT)
    edited = answer.input_value()
    assert EDIT in edited

    # Preview: the page comes back with the text kept and the e-mail below it, in English.
    page.locator("button[name=preview_email]").click()
    page.wait_for_selector("#answer-preview-body")
    assert page.evaluate("document.activeElement.id") == "answer-preview"
    assert page.locator("#id_answer_text").input_value() == edited
    subject = page.locator("#answer-preview-subject").inner_text()
    assert subject == f"An answer to your feedback is ready ({reference})"
    assert page.locator("#answer-preview-subject").get_attribute("lang") == "en"
    body = page.locator("#answer-preview-body").inner_text()
    assert "Our answer to your feedback with reference" in body
    assert axe_violations(page, ADMIN_CONTENT) == []
    assert saved_answer(manage, pk) == ""  # the preview saved nothing

    # Save.
    page.locator("form#w-editor-form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/feedback/$"))
    assert saved_answer(manage, pk).endswith(EDIT)


def test_a_template_is_picked_without_javascript(site_url, manage, new_page):
    pk, reference = new_item(manage)
    page = new_page(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", "henrika")
    page.fill("#id_password", "henrika-e2e-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(f"{site_url}/admin/feedback/edit/{pk}/")
    page.select_option("#id_answer_template", label=TEMPLATE)
    # By keyboard: without its script Wagtail's sidebar lies over the page.
    page.locator("button[form=answer-template-form]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "template=" in page.url
    assert reference in page.locator("#id_answer_text").input_value()
