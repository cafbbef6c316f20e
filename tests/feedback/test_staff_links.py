"""Staff e-mails link to the item itself, at the address the site runs on: the reminders digest
(most overdue first by the date that is due next) and the inbox notice; WAGTAILADMIN_BASE_URL
may carry a port, a path and a trailing slash."""

import subprocess
from datetime import date, datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.test import override_settings
from django.urls import reverse, set_script_prefix

from feedback import intake
from feedback.admin_links import admin_link, item_link
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Category, Feedback
from feedback.reminders import send_reminders
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import swedish
from tests.portal.test_settings import ROOT, manage

pytestmark = pytest.mark.django_db
BASE_URL = "https://portal.example.se:8443/"


@pytest.fixture
def handler(django_user_model, demo_site):
    user = django_user_model.objects.create_user(
        "hedda", "hedda@example.org", "pw-h-1", first_name="Hedda", last_name="Lind"
    )
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    return user


def new_item(**fields):
    values = {
        "kind": "complaint",
        "category": swedish(Category, "Bemötande"),
        "language": "sv",
        "channel": "web",
        "message": "Jag blev illa bemött.",
        "name": "Kim Andersson",
        "email": "kim@example.org",
        "answer_by": "email",
    }
    values.update(fields)
    return intake.register(
        Feedback(**values), received_at=datetime(2026, 11, 2, 10, 0, tzinfo=STOCKHOLM)
    ).feedback


@pytest.mark.parametrize(
    "base, link",
    [
        ("https://portal.example.se:8443/", "https://portal.example.se:8443/admin/feedback/"),
        ("https://portal.example.se:8443", "https://portal.example.se:8443/admin/feedback/"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/admin/feedback/"),
        ("https://example.se/portal/", "https://example.se/portal/admin/feedback/"),
    ],
)
def test_admin_links_keep_the_port_and_path_with_or_without_a_trailing_slash(base, link):
    with override_settings(WAGTAILADMIN_BASE_URL=base):
        assert admin_link(reverse("feedback:index")) == link


def test_a_path_reversed_under_the_base_urls_prefix_is_not_doubled():
    set_script_prefix("/portal/")
    try:
        with override_settings(WAGTAILADMIN_BASE_URL="https://example.se/portal"):
            assert reverse("feedback:index") == "/portal/admin/feedback/"
            assert admin_link(reverse("feedback:index")) == (
                "https://example.se/portal/admin/feedback/"
            )
    finally:
        set_script_prefix("/")


def test_wagtails_own_e_mail_links_survive_a_trailing_slash_in_the_setting():
    """Wagtail's e-mails (the guarantee's approval step, password reset) put "/admin/…" right
    after WAGTAILADMIN_BASE_URL: with the slash kept, "https://…:8443//admin/" is not found."""
    template = (
        "from django.template import Template, Context; print(Template("
        "'{% load wagtailadmin_tags %}{% base_url_setting as base %}"
        '{{ base }}{% url "wagtailadmin_home" %}\').render(Context()))'
    )
    result = manage("shell", "-c", template, WAGTAILADMIN_BASE_URL=BASE_URL)
    assert result.stdout.strip().splitlines()[-1] == "https://portal.example.se:8443/admin/"


def test_make_run_links_staff_e_mails_to_the_port_it_serves():
    plan = subprocess.run(
        ["make", "-n", "run", "PORT=8080"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    assert "WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:8080}" in plan


@override_settings(WAGTAILADMIN_BASE_URL=BASE_URL)
@time_machine.travel("2026-11-23 07:00 +01:00", tick=False)
def test_the_reminders_list_the_most_overdue_first_each_with_its_link(handler, client):
    # Acknowledgement due 18 November (received): overdue 5 days, its answer due later.
    unacknowledged = new_item(assigned_to=handler)
    Feedback.objects.filter(pk=unacknowledged.pk).update(
        acknowledge_due=date(2026, 11, 18), answer_due=date(2026, 12, 1)
    )
    # Answer due 20 November: overdue 3 days.
    late = new_item(assigned_to=handler, status="in_progress")
    Feedback.objects.filter(pk=late.pk).update(answer_due=date(2026, 11, 20))
    # First answer date passed, but a delay notice moved it to 24 November: due soon.
    delayed = new_item(assigned_to=handler, status="in_progress")
    Feedback.objects.filter(pk=delayed.pk).update(
        answer_due=date(2026, 11, 10), delayed_answer_due=date(2026, 11, 24)
    )
    mail.outbox.clear()

    assert send_reminders() == 1
    (digest,) = mail.outbox
    body = digest.body
    positions = [body.index(item.reference) for item in (unacknowledged, late, delayed)]
    assert positions == sorted(positions)
    assert "försenad sedan 18 november 2026 (5 " in body
    assert "försenad sedan 20 november 2026 (3 " in body
    assert "förfaller 24 november 2026" in body
    for item in (unacknowledged, late, delayed):
        link = f"https://portal.example.se:8443/admin/feedback/edit/{item.pk}/"
        assert link in body and item_link(item) == link
    for personal in ("Kim", "kim@example.org", "illa bemött"):
        assert personal not in body
    client.force_login(handler)
    assert client.get(f"/admin/feedback/edit/{late.pk}/").status_code == 200


@override_settings(WAGTAILADMIN_BASE_URL=BASE_URL)
def test_the_inbox_notice_links_to_the_item(demo_site, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        item = new_item()
    (notice,) = [m for m in mail.outbox if m.to == ["synpunkter@example.org"]]
    assert f"https://portal.example.se:8443/admin/feedback/edit/{item.pk}/" in notice.body
