"""A handler's morning: from the admin home to the overdue items, the most overdue one picked
up, answered from a template and closed in at most three page loads, landing on the next
overdue item; then the list on a 390 px phone shows reference, status and due date without
scrolling sideways."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from tests.e2e.conftest import axe_violations, sign_in
from tests.e2e.test_triage import ADMIN_CONTENT

# The desk: 56 items, 20 of them overdue, two handlers. The most overdue is a letter
# from a named person who wants a written answer; it and the next one are nobody's yet.
SETUP = """
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale
from feedback import intake
from feedback.models import Category, Feedback
group = Group.objects.get(name="Feedback handlers")
handlers = []
for username, first, last in (("desk-dora", "Dora", "Dahl"), ("desk-dag", "Dag", "Berg")):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", f"{username}-e2e-password",
        first_name=first, last_name=last)
    user.groups.add(group)
    handlers.append(user)
category = Category.objects.filter(locale=Locale.get_default(), name="Handläggning").first()
now = timezone.now()
items = []
for n in range(56):
    late = n < 20
    feedback = Feedback(kind="complaint" if late or n % 2 else "suggestion", category=category,
        language="sv", channel="letter", message=f"Skrivelse nummer {n}.", name="Sam Berg",
        postal_address="Box 1, 111 11 Stockholm", answer_by="letter")
    # The late ones a week apart, the first the latest: their due dates differ.
    received = now - timedelta(days=300 - 7 * n if late else n % 5)
    item = intake.register(feedback, received_at=received).feedback
    item.status = "in_progress" if late else ("received", "acknowledged", "closed")[n % 3]
    item.assigned_to = None if n < 2 else handlers[n % 2]
    item.save()
    items.append(item)
print(items[0].pk, items[0].reference, items[1].pk, items[1].reference)
"""


def test_a_handler_works_the_most_overdue_item_in_three_page_loads(site_url, manage, new_page):
    first_pk, first_ref, second_pk, second_ref = manage("shell", "-c", SETUP).split()[-4:]
    page = sign_in(new_page, site_url, "desk-dora")

    page.goto(f"{site_url}/admin/")
    assert axe_violations(page, ADMIN_CONTENT) == []
    panel = page.locator("section[aria-labelledby=feedback-panel-heading]")
    with page.expect_navigation():
        panel.locator("a[href*='overdue=true']").click()
    assert "overdue=true" in page.url
    rows = page.locator("table.listing tbody tr")
    assert rows.first.get_by_role("link", name=first_ref).count() == 1  # the most overdue first
    assert re.search(r"Försenad \d+ dagar", rows.first.inner_text())
    assert axe_violations(page, ADMIN_CONTENT) == []
    with page.expect_navigation():
        rows.first.get_by_role("link", name=first_ref).click()
    assert f"/edit/{first_pk}/" in page.url
    assert axe_violations(page, ADMIN_CONTENT) == []

    loads = []
    page.on("framenavigated", lambda frame: frame == page.main_frame and loads.append(frame.url))
    # Pick it up: one click.
    with page.expect_navigation():
        page.get_by_role("button", name="Tilldela mig").click()
    assert page.locator("#id_assigned_to option:checked").inner_text() == "Dora Dahl"
    # Answer in writing and close it: one save, on to the next overdue item.
    today = datetime.now(ZoneInfo("Europe/Stockholm")).date().isoformat()
    page.select_option("#id_status", "closed")
    # From a template: the script fills the answer in place (no page load), then it is edited.
    page.select_option("#id_answer_template", label="Tack för din synpunkt")
    page.locator("button[form=answer-template-form]").click()
    page.wait_for_function(
        "reference => document.querySelector('#id_answer_text').value.includes(reference)",
        arg=first_ref,
    )
    page.locator("#id_answer_text").focus()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Vi har ändrat rutinen för brev.")
    page.fill("#id_answered_on", today)
    page.select_option("#id_answer_channel", "letter")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara och gå till nästa").click()

    assert f"/edit/{second_pk}/" in page.url and "overdue%3Dtrue" in page.url
    assert len(loads) <= 3, loads
    saved = manage(
        "shell",
        "-c",
        f"from feedback.models import Feedback; f = Feedback.objects.get(pk={first_pk}); "
        "print(f.status, f.answer_channel, f.assigned_to.username)",
    ).split()[-3:]
    assert saved == ["closed", "letter", "desk-dora"]
    assert second_ref in page.locator("main").inner_text()
    assert axe_violations(page, ADMIN_CONTENT) == []

    # On a phone: the reference, status and due date of each row are on the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}/admin/feedback/?overdue=true")
    row = page.locator("table.listing tbody tr").first
    assert row.get_by_role("link", name=second_ref).count() == 1
    cells = [
        row.get_by_role("link", name=second_ref),
        row.locator("td").nth(2),  # status (after the checkbox and the reference)
        row.locator("td").nth(3),  # due date and marker
    ]
    assert "Under handläggning" in cells[1].inner_text()
    assert "Försenad" in cells[2].inner_text()
    for cell in cells:
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (cell, box)
    assert axe_violations(page, ADMIN_CONTENT) == []
