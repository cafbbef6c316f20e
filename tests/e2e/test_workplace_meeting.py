"""The workplace-meeting loop in the admin: a handler puts an item on the list from its page,
the unit head records the meeting that took it up and the action it decided, the action's first
follow-up is overdue in the actions list (in words), and the owner records it. Axe clean."""

import re
from datetime import date, timedelta

from tests.e2e.conftest import axe_violations, sign_in
from tests.e2e.test_triage import ADMIN_CONTENT

SETUP = """
from datetime import datetime
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale
from feedback import intake
from feedback.models import Category, Feedback
User = get_user_model()
handler = User.objects.create_user(
    "harriet", "harriet@example.org", "harriet-e2e-password", first_name="Harriet",
    last_name="Berg")
handler.groups.add(Group.objects.get(name="Feedback handlers"))
head = User.objects.create_user(
    "ulrika", "ulrika@example.org", "ulrika-e2e-password", first_name="Ulrika", last_name="Holm")
head.groups.add(Group.objects.get(name="Unit heads"))
category = Category.objects.get(locale=Locale.get_default(), name="Information")
item = intake.register(Feedback(kind="suggestion", category=category, language="sv",
    channel="web", message="Skriv breven enklare.")).feedback
print(item.pk, item.reference)
"""


def test_a_handler_puts_an_item_on_the_list_and_the_unit_head_decides_an_action(
    site_url, manage, new_page
):
    pk, reference = manage("shell", "-c", SETUP).split()[-2:]
    handler = sign_in(new_page, site_url, "harriet")
    handler.goto(f"{site_url}/admin/feedback/edit/{pk}/")
    handler.get_by_label("Vad ska mötet ta upp? (valfritt)").fill("Brevens språk")
    with handler.expect_navigation():
        handler.get_by_role("button", name="Sätt upp på APT-listan").click()
    assert "står på listan till nästa APT" in handler.content()
    handler.goto(f"{site_url}/admin/workplace-meetings/list/")
    assert reference in handler.locator("main table").inner_text()
    assert axe_violations(handler, ADMIN_CONTENT) == []

    head = sign_in(new_page, site_url, "ulrika")
    held_on = date.today() - timedelta(days=40)  # the 30-day follow-up is overdue
    head.goto(f"{site_url}/admin/workplace-meetings/meetings/new/")
    assert axe_violations(head, ADMIN_CONTENT) == []
    head.fill("#id_held_on", held_on.isoformat())
    head.fill("#id_title", "APT")
    head.get_by_label(re.compile(re.escape(reference))).check()
    with head.expect_navigation():
        head.locator("form#w-editor-form button[type=submit]").first.click()
    assert "Brevens språk" in head.locator("main").inner_text()
    assert axe_violations(head, ADMIN_CONTENT) == []

    with head.expect_navigation():
        head.get_by_role("link", name="Lägg till en åtgärd").click()
    head.fill("#id_title", "Enklare brevmallar")
    head.select_option("#id_owner", label="Harriet Berg")
    head.fill("#id_due_on", (date.today() + timedelta(days=30)).isoformat())
    head.get_by_label(re.compile(re.escape(reference))).check()
    assert axe_violations(head, ADMIN_CONTENT) == []
    with head.expect_navigation():
        head.locator("form#w-editor-form button[type=submit]").first.click()
    assert "Enklare brevmallar" in head.locator("main").inner_text()

    head.goto(f"{site_url}/admin/workplace-meetings/actions/?overdue=true")
    row = head.locator("main tr", has_text="Enklare brevmallar")
    assert "Försenad 10 dagar: uppföljning efter 30 dagar" in row.inner_text()
    assert axe_violations(head, ADMIN_CONTENT) == []

    # The owner records the follow-up from the action's page.
    handler.goto(f"{site_url}/admin/workplace-meetings/actions/?overdue=true")
    with handler.expect_navigation():
        handler.get_by_role("link", name="Enklare brevmallar").click()
    with handler.expect_navigation():
        handler.get_by_role("link", name="Uppföljning efter 30 dagar").click()
    assert axe_violations(handler, ADMIN_CONTENT) == []
    handler.get_by_label("Delvis genomförd").check()
    handler.fill("#id_note", "Två av tre mallar är omskrivna.")
    with handler.expect_navigation():
        handler.locator("form#w-editor-form button[type=submit]").first.click()
    assert "Uppföljningen är registrerad." in handler.content()
    handler.goto(f"{site_url}/admin/workplace-meetings/actions/?overdue=true")
    assert "Enklare brevmallar" not in handler.locator("main").inner_text()
