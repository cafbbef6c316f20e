"""Each item's timeline on its triage and inspect pages: everything that happened to it, in one
chronological list with Stockholm times, read in a handful of queries however long it is."""

import re
from datetime import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape
from wagtail.log_actions import log

from feedback import escalation, timeline
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import FeedbackNote, Notification
from portal.workdays import STOCKHOLM
from tests.feedback import test_triage_admin
from tests.feedback.test_triage_admin import new_item, triage

pytestmark = pytest.mark.django_db
users = test_triage_admin.users  # the fixture: a handler, an editor, a superuser
ANSWER = "Tack, vi har ändrat våra rutiner i receptionen."


def at(day, hour=9):
    return datetime(2026, 11, day, hour, 0, tzinfo=STOCKHOLM)


@pytest.fixture
def colleague(django_user_model, demo_site):
    user = django_user_model.objects.create_user(
        "bo", "bo@example.org", "pw-b-1", first_name="Bo", last_name="Berg"
    )
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    return user


@pytest.fixture
def handled(client, users, colleague, django_capture_on_commit_callbacks):
    """An item received on 16 November, then acknowledged and assigned, noted, escalated,
    delayed and answered by e-mail, a day or more apart; the handler's client is signed in."""
    handler = users["handler"]
    with time_machine.travel(at(16, 10), tick=False) as clock:
        item = new_item(day=(2026, 11, 16))

        def step(day, **fields):
            clock.move_to(at(day))
            client.force_login(handler)  # inside the travel: the staff idle timeout
            item.refresh_from_db()
            with django_capture_on_commit_callbacks(execute=True):
                assert triage(client, item, **fields).status_code == 302

        step(17, status="acknowledged", assigned_to=handler.pk)
        step(18, status="acknowledged", assigned_to=handler.pk, note="Ringde receptionen.")
        clock.move_to(at(19))
        log(item, "feedback.escalation", data=escalation.history(escalation.UNIT_HEAD, item))
        step(
            20,
            status="acknowledged",
            assigned_to=handler.pk,
            delayed_answer_due="2026-12-21",
            delay_reason="Vi väntar på ett yttrande.",
        )
        step(
            23,
            status="acknowledged",
            assigned_to=handler.pk,
            delayed_answer_due="2026-12-21",
            delay_reason="Vi väntar på ett yttrande.",
            answer_text=ANSWER,
            send_answer_by_email="on",
        )
        client.force_login(handler)
        yield item


def events(page: str) -> list[tuple[str, str]]:
    """(kind, datetime) of each event of the page's timeline, in the page's order."""
    listing = page.split('<ol class="feedback-timeline"', 1)[1].split("</ol>", 1)[0]
    return re.findall(r'<li data-event="([a-z_-]+)">\s*<p><time datetime="([^"]+)">', listing)


def test_the_timeline_lists_everything_in_order_on_both_pages(client, handled):
    for url in (f"/admin/feedback/edit/{handled.pk}/", f"/admin/feedback/inspect/{handled.pk}/"):
        page = client.get(url).content.decode()
        assert [kind for kind, _at in events(page)] == [
            "received",
            "email-receipt",
            "email-inbox",
            "triage",  # acknowledged and assigned
            "note",
            "escalation",
            "delay",
            "triage",  # the new date and its reason
            "email-delay",
            "triage",  # answered
            "email-answer",
        ], url
        times = [moment for _kind, moment in events(page)]
        assert times[0] == "2026-11-16T10:00:00+01:00"  # Stockholm time, with its offset
        assert times == sorted(times)
        listing = page.split('id="timeline"', 1)[1]
        assert "Hedda Handläggare" in listing  # assigned to her
        with translation.override("sv"):
            escalated = escalation.described({"to": escalation.UNIT_HEAD})
        assert escape(escalated) in listing
        assert "Ringde receptionen." in listing
        assert 'data-state="sent"' in listing


def test_the_timeline_reads_a_handful_of_queries_however_long(handled, users, colleague):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            timeline.for_item(handled)
        return len(captured)

    short = queries()
    assert short <= 4
    for n in range(20):
        FeedbackNote.objects.create(feedback=handled, author=users["handler"], text=f"Not {n}")
        handler = (users["handler"], colleague)[n % 2]
        log(
            handled,
            "feedback.triage",
            user=handler,
            data={"changed": ["assigned_to"], "status": "in_progress", "assigned_to": handler.pk},
        )
        Notification.objects.create(feedback=handled, purpose="delay", recipient="kim@example.org")
    assert queries() == short


def test_the_triage_page_reads_as_many_queries_for_a_long_timeline(client, handled, users):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/admin/feedback/edit/{handled.pk}/").status_code == 200
        return len(captured)

    short = queries()
    for n in range(20):
        FeedbackNote.objects.create(feedback=handled, author=users["handler"], text=f"Not {n}")
        log(handled, "feedback.escalation", data=escalation.history(escalation.INBOX, handled))
    assert queries() == short
