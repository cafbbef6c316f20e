"""The unit head opens the workload from the admin home and follows a handler's overdue count
to the list filtered to those items."""

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
users = get_user_model().objects
head = users.create_user("ulla", "ulla@example.org", "ulla-e2e-password",
    first_name="Ulla", last_name="Enhetschef")
head.groups.add(Group.objects.get(name="Unit heads"))
handler = users.create_user("sven", "sven@example.org", "sven-e2e-password",
    first_name="Sven", last_name="Handläggare")
handler.groups.add(Group.objects.get(name="Feedback handlers"))
category = Category.objects.filter(locale=Locale.get_default(), name="Tillgänglighet").first()
def new(**fields):
    return intake.register(Feedback(kind="complaint", category=category, language="sv",
        channel="phone", message="Jag kom inte fram på telefon.", answer_by="phone",
        name="Alex", phone="08-123 45 67", **fields),
        received_at=datetime(2026, 11, 2, 10, 0, tzinfo=STOCKHOLM)).feedback
mine, nobodys = new(assigned_to=handler), new()
print(handler.pk, mine.reference, nobodys.reference)
"""


def test_unit_head_follows_a_handlers_overdue_count_to_the_list(site_url, manage, new_page):
    handler_pk, reference, unassigned = manage("shell", "-c", SETUP).split()[-3:]
    page = sign_in(new_page, site_url, "ulla")
    assert axe_violations(page, ADMIN_CONTENT) == []  # the admin home with its feedback panel

    page.click("#feedback-workload-link")
    page.wait_for_url(re.compile(r"/admin/feedback-workload/$"))
    row = page.locator(f"#workload-{handler_pk}")
    assert row.locator("th").inner_text() == "Sven Handläggare"
    assert page.locator("#workload-null td").first.inner_text().strip() != "0"
    assert axe_violations(page, ADMIN_CONTENT) == []

    overdue = row.locator("td").nth(2).locator("a")
    overdue.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(rf"assigned_to={handler_pk}&overdue=true$", page.url)
    listing = page.locator("main table").inner_text()
    assert reference in listing and unassigned not in listing
    assert axe_violations(page, ADMIN_CONTENT) == []

    # And the items nobody has, from the same table.
    page.go_back()
    page.locator("#workload-null td").first.locator("a").click()
    page.wait_for_url(re.compile(r"assigned_to=null&open=true$"))
    assert unassigned in page.locator("main table").inner_text()
