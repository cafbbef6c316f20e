"""A handler registers a complaint that came by phone, by keyboard and clicks: the date it
arrived first, a commitment from the guarantee's short list, and on saving the new item's page,
assigned to them. axe on both pages."""

import re
from datetime import timedelta

from django.utils import timezone

from tests.e2e.conftest import axe_violations, sign_in
from tests.e2e.test_triage import ADMIN_CONTENT

SETUP = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from portal.commitments import in_force_page
rut = get_user_model().objects.create_user(
    "rut", "rut@example.org", "rut-e2e-password", first_name="Rut", last_name="Ek")
rut.groups.add(Group.objects.get(name="Feedback handlers"))
print(rut.pk, in_force_page().commitments.count())
"""


def test_a_handler_registers_a_phone_complaint(site_url, manage, new_page):
    handler_pk, commitments = manage("shell", "-c", SETUP).split()[-2:]
    page = sign_in(new_page, site_url, "rut")
    page.goto(f"{site_url}/admin/feedback/new/")
    assert axe_violations(page, ADMIN_CONTENT) == []

    fields = page.locator("#w-editor-form :is(input, select, textarea):visible")
    assert [fields.nth(i).get_attribute("id") for i in range(2)] == ["id_received_on", "id_channel"]
    # The native date control's segment order varies with the browser's locale: filled directly.
    arrived = timezone.localdate() - timedelta(days=2)
    page.fill("#id_received_on", arrived.isoformat())
    page.locator("#id_channel").focus()
    page.keyboard.type("Telefon")  # type-ahead in the select
    page.select_option("#id_kind", "complaint")
    page.select_option("#id_category", label="Bemötande")

    options = page.locator("#id_commitment option")
    assert options.count() == int(commitments) + 1  # and the empty choice
    titles = options.all_inner_texts()[1:]
    assert len(set(titles)) == len(titles)
    page.select_option("#id_commitment", label=titles[0])

    page.locator("#id_message").click()
    page.keyboard.type("Ringde och berättade att hen inte blev väl bemött i receptionen.")
    page.locator("#id_phone").click()
    page.keyboard.type("070-123 45 67")
    page.select_option("#id_answer_by", "phone")
    assert page.locator("#id_assigned_to").input_value() == handler_pk

    with page.expect_navigation():
        page.locator("#w-editor-form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/feedback/edit/\d+/$"))
    pk = re.search(r"/edit/(\d+)/$", page.url).group(1)
    assert page.locator("#id_assigned_to").input_value() == handler_pk
    assert axe_violations(page, ADMIN_CONTENT) == []

    saved = manage(
        "shell",
        "-c",
        "from django.utils import timezone; from feedback.models import Feedback; "
        f"f = Feedback.objects.get(pk={pk}); print(f.channel, timezone.localdate(f.received_at), "
        "f.assigned_to.username, f.commitment.page.locale.language_code)",
    ).split()[-4:]  # the shell prints its auto-imports first
    assert saved == ["phone", arrived.isoformat(), "rut", "sv"]
