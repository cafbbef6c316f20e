"""A complaint that is really an appeal, answered late: the handler sees the last day to
appeal, forwards it and gives a delay notice in the admin by clicks and keys; the citizen then
reads the new date and the reason on the status page in English. axe on each page."""

import re

from tests.e2e.conftest import axe_violations, sign_in

ADMIN_CONTENT = {"include": ["main"], "exclude": [".w-slim-header"]}
REASON = "Vi väntar på handlingar från en annan enhet."

SETUP = """
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.contrib.auth.models import Group
from wagtail.models import Locale
from feedback import intake
from feedback.models import Category, Feedback
handler = get_user_model().objects.create_user(
    "hanna", "hanna@example.org", "hanna-e2e-password", first_name="Hanna", last_name="Ek")
handler.groups.add(Group.objects.get(name="Feedback handlers"))
category = Category.objects.filter(locale=Locale.get_default(), name="Handläggning").first()
registered = intake.register(Feedback(kind="complaint", category=category, language="en",
    channel="web", message="I want to appeal the decision to reject my application.",
    name="Alex", email="alex@example.org", answer_by="email"))
item = registered.feedback
told_on = timezone.localdate() - timedelta(days=3)
new_date = item.answer_due + timedelta(days=14)
print(item.pk, item.reference, registered.lookup_code, told_on, new_date, item.may_be_appeal)
"""


def test_the_handler_forwards_an_appeal_and_gives_a_delay_notice(site_url, manage, new_page):
    pk, reference, code, told_on, new_date, flagged = manage("shell", "-c", SETUP).split()[-6:]
    assert flagged == "True"  # "appeal" and "decision" are on the list of appeal words

    handler = sign_in(new_page, site_url, "hanna")
    handler.goto(f"{site_url}/admin/feedback/edit/{pk}/")
    assert "Kan vara ett överklagande av ett beslut" in handler.content()
    # The native date controls' segment order varies with the locale: filled directly.
    handler.fill("#id_decision_told_on", told_on)
    handler.get_by_label("Lämnad vidare som överklagande").check()
    handler.fill("#id_delayed_answer_due", new_date)
    handler.locator("#id_delay_reason").focus()
    handler.keyboard.type(REASON)
    with handler.expect_navigation():
        handler.locator("form#w-editor-form button[type=submit]").first.click()
    handler.wait_for_url(re.compile(r"/admin/feedback/$"))
    saved = manage(
        "shell",
        "-c",
        f"from feedback.models import Feedback; f = Feedback.objects.get(pk={pk}); "
        "print(f.appeal_forwarded_on is not None, f.delayed_answer_due, "
        "f.notifications.filter(purpose__in=['appeal', 'delay']).count())",
    ).split()[-3:]
    assert saved == ["True", new_date, "2"]
    handler.goto(f"{site_url}/admin/feedback/edit/{pk}/")
    assert handler.locator("#appeal-heading ~ p strong").count() == 1  # the last day to appeal
    assert axe_violations(handler, ADMIN_CONTENT) == []

    citizen = new_page(locale="en-GB")
    citizen.goto(f"{site_url}/en/synpunkter/status/")
    citizen.get_by_label("Reference").fill(reference)
    citizen.get_by_label("Code").fill(code)
    with citizen.expect_navigation():
        citizen.get_by_role("button", name="Show status").click()
    notice = citizen.locator(".notice")
    assert "We need more time." in notice.inner_text()
    assert REASON in notice.inner_text()
    assert notice.locator("[lang=sv]").inner_text() == REASON
    assert axe_violations(citizen) == []
