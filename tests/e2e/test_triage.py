"""A feedback handler finds an item, triages and answers it with the keyboard only, and sends
an answer by e-mail once however often Save is clicked."""

import re

from tests.e2e.conftest import axe_violations, sign_in

# Our part of the admin pages. Wagtail's own header is left out: its action button fails
# label-content-name-mismatch in Wagtail 8.0.1 (upstream markup, not ours).
ADMIN_CONTENT = {"include": ["main"], "exclude": [".w-slim-header"]}

SETUP = """
from datetime import datetime
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale
from feedback import intake
from feedback.models import Category, Feedback
from portal.workdays import STOCKHOLM
handler = get_user_model().objects.create_user(
    "hedda", "hedda@example.org", "hedda-e2e-password", first_name="Hedda", last_name="Lind")
handler.groups.add(Group.objects.get(name="Feedback handlers"))
category = Category.objects.filter(locale=Locale.get_default(), name="Information").first()
item = intake.register(Feedback(kind="complaint", category=category, language="sv",
    channel="letter", message="Brevet om mitt beslut var svårt att förstå.", name="Sam",
    postal_address="Box 1, 111 11 Stockholm", answer_by="letter"),
    received_at=datetime(2026, 11, 2, 10, 0, tzinfo=STOCKHOLM)).feedback
print(item.pk, item.reference)
"""


def test_handler_triages_and_answers_with_the_keyboard(site_url, manage, new_page):
    pk, reference = manage("shell", "-c", SETUP).split()[-2:]
    page = sign_in(new_page, site_url, "hedda")

    page.goto(f"{site_url}/admin/feedback/?overdue=true")
    assert reference in page.content()
    assert axe_violations(page, ADMIN_CONTENT) == []

    page.goto(f"{site_url}/admin/feedback/edit/{pk}/")
    assert axe_violations(page, ADMIN_CONTENT) == []
    page.locator("#id_assigned_to").focus()
    page.keyboard.type("Hedda")  # type-ahead in the select
    page.locator("#id_status").focus()
    page.select_option("#id_status", "closed")
    page.locator("#id_answer_text").focus()
    page.keyboard.type("Vi har skrivit om brevmallen så att den blir lättare att förstå.")
    # The native date control's segment order varies with the browser's locale; it is filled
    # directly, everything else by keyboard.
    page.fill("#id_answered_on", "2026-11-20")
    page.locator("#id_answer_channel").focus()
    page.select_option("#id_answer_channel", "letter")
    page.locator("#id_action_taken").focus()
    page.keyboard.type("Ny brevmall för beslut.")
    page.locator("form#w-editor-form button[type=submit]").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/feedback/$"))
    saved = manage(
        "shell",
        "-c",
        f"from feedback.models import Feedback; f = Feedback.objects.get(pk={pk}); "
        "print(f.status, f.answer_channel, f.answered_on, f.assigned_to.username)",
    ).split()[-4:]  # the shell prints its auto-imports first
    assert saved == ["closed", "letter", "2026-11-20", "hedda"]


ANSWER_SETUP = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale
from feedback import intake
from feedback.models import Category, Feedback
handler, _ = get_user_model().objects.get_or_create(username="hedda", defaults={
    "email": "hedda@example.org", "first_name": "Hedda", "last_name": "Lind"})
handler.set_password("hedda-e2e-password")
handler.save()
handler.groups.add(Group.objects.get(name="Feedback handlers"))
category = Category.objects.filter(locale=Locale.get_default(), name="Bemötande").first()
item = intake.register(Feedback(kind="complaint", category=category, language="sv",
    channel="web", message="Jag blev illa bemött i receptionen.", name="Kim",
    email="kim@example.org", answer_by="email")).feedback
print(item.pk)
"""


def test_handler_sends_the_answer_once_and_sees_it_sent(site_url, manage, new_page):
    pk = manage("shell", "-c", ANSWER_SETUP).split()[-1]
    page = sign_in(new_page, site_url, "hedda")
    page.goto(f"{site_url}/admin/feedback/edit/{pk}/")
    page.click("#id_answer_text")
    page.keyboard.type("Tack, vi har pratat med receptionen om hur vi bemöter besökare.")
    page.click("#id_send_answer_by_email")
    with page.expect_navigation():
        page.dblclick("form#w-editor-form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/feedback/$"))

    page.goto(f"{site_url}/admin/feedback/edit/{pk}/")
    answer = page.locator('#timeline li[data-event="email-answer"]')
    assert answer.count() == 1
    assert answer.locator("[data-state]").get_attribute("data-state") == "sent"
    assert "kim@example.org" in answer.inner_text()
    assert axe_violations(page, ADMIN_CONTENT) == []
    saved = manage(
        "shell",
        "-c",
        f"from feedback.models import Feedback; f = Feedback.objects.get(pk={pk}); "
        "print(f.status, f.answer_channel, f.notifications.filter(purpose='answer').count())",
    ).split()[-3:]
    assert saved == ["answered", "email", "1"]


def test_report_page_is_accessible(site_url, new_page):
    page = new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "e2e-staff-password-not-secret")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(f"{site_url}/admin/feedback-report/")
    assert page.locator("svg[role=img]").count() == 1
    text = page.locator("#report-text").input_value()
    assert re.search(r"^Under \d{4} registrerades ", text, re.MULTILINE)
    assert axe_violations(page, ADMIN_CONTENT) == []
