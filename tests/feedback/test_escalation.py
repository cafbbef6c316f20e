"""Nothing falls between chairs: feedback nobody picks up goes to the feedback inbox after
FEEDBACK_PICKUP_WORKING_HOURS working hours and to the unit heads once half its time to the
answer date has passed, each once, on working days in office hours only.

The week simulated is Ascension week 2026: Thursday 14 May (Kristi himmelsfärdsdag) is a
holiday. ``escalate_feedback`` runs every 15 minutes from Monday 11 May to Wednesday 20 May."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from io import StringIO
from threading import Barrier

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from wagtail.models import Locale, ModelLogEntry

from feedback import escalation, intake
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Category, Escalation, Feedback, FeedbackSettings
from portal.guarantee_approval import UNIT_HEADS_GROUP
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import swedish

pytestmark = pytest.mark.django_db
INBOX, UNIT_HEAD = "inbox", "unit_head"
HEAD, DEPUTY, SHARED_INBOX = "chef@example.org", "bitr.chef@example.org", "synpunkter@example.org"
BASE_URL = "https://portal.example.se:8443/"


def may(day, hour, minute=0):
    return datetime(2026, 5, day, hour, minute, tzinfo=STOCKHOLM)


@pytest.fixture
def staff(django_user_model, demo_site):
    head = django_user_model.objects.create_user(
        "karin", HEAD, "pw-k-1", first_name="Karin", last_name="Enhetschef"
    )
    head.groups.add(Group.objects.get(name=UNIT_HEADS_GROUP))
    handler = django_user_model.objects.create_user(
        "hedda", "hedda@example.org", "pw-h-1", first_name="Hedda", last_name="Lind"
    )
    handler.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    chosen = FeedbackSettings.for_default_site()
    chosen.deputy_email = DEPUTY
    chosen.save()
    assert FeedbackSettings.default_inbox() == SHARED_INBOX  # the demo's inbox
    return {"head": head, "handler": handler}


def new_item(received_at, kind="complaint", **fields):
    values = {
        "kind": kind,
        "category": swedish(Category, "Bemötande"),
        "language": "sv",
        "channel": "web",
        "message": "Jag blev illa bemött av Anna Svensson.",
        "name": "Kim Andersson",
        "email": "kim@example.org",
        "answer_by": "email",
    }
    values.update(fields)
    return intake.register(Feedback(**values), received_at=received_at).feedback


def escalations_sent():
    return [m for m in mail.outbox if SHARED_INBOX in m.to or HEAD in m.to or DEPUTY in m.to]


def run_every_quarter_hour(start, end, at=None):
    """Run the command every 15 minutes; ``at`` maps a moment to something staff do then.
    Returns the e-mails each run sent, by the run's time."""
    sent = {}
    moment = start
    with time_machine.travel(start, tick=False) as traveller:
        while moment <= end:
            traveller.move_to(moment)
            if at and moment in at:
                at[moment]()
            before = len(mail.outbox)
            call_command("escalate_feedback", stdout=StringIO())
            if len(mail.outbox) > before:
                sent[moment] = mail.outbox[before:]
            moment += timedelta(minutes=15)
    return sent


@override_settings(FEEDBACK_PICKUP_WORKING_HOURS=8, WAGTAILADMIN_BASE_URL=BASE_URL)
def test_a_week_with_a_holiday_each_item_escalates_once_on_the_right_working_day(staff, client):
    items = {
        # From the week before: half its time (to Tuesday 19 May) is gone on Monday at 13:15.
        "early": new_item(may(4, 10)),
        # Last year's, never picked up: long overdue.
        "last_year": new_item(datetime(2025, 11, 20, 10, 0, tzinfo=STOCKHOLM)),
        "monday": new_item(may(11, 10)),
        "evening": new_item(may(12, 20), kind="suggestion"),
        "wednesday": new_item(may(13, 15), kind="suggestion"),
        "friday": new_item(may(15, 14), kind="praise", answer_by=""),
        "saturday": new_item(may(16, 11)),
        "assigned_in_time": new_item(may(11, 9)),
        "closed": new_item(may(11, 9), kind="praise", answer_by=""),
    }
    mail.outbox.clear()

    def assign():
        items["assigned_in_time"].assigned_to = staff["handler"]
        items["assigned_in_time"].save()

    def close():
        items["closed"].status = "closed"
        items["closed"].save()

    sent = run_every_quarter_hour(
        may(11, 0), may(20, 23, 45), at={may(11, 15): assign, may(11, 12): close}
    )

    escalated = {
        (reference, level): timezone_local(at)
        for reference, level, at in Escalation.objects.values_list(
            "feedback__reference", "level", "escalated_at"
        )
    }
    expected = {
        ("early", INBOX): may(11, 8),  # the first run in office hours
        ("early", UNIT_HEAD): may(11, 13, 15),
        ("last_year", INBOX): may(11, 8),
        ("last_year", UNIT_HEAD): may(11, 8),
        # Monday 10:00 + 6.5 hours on Monday + 1.5 on Tuesday.
        ("monday", INBOX): may(12, 9, 30),
        # Half of 91.5 working hours to the end of 26 May, across the holiday and the weekend.
        ("monday", UNIT_HEAD): may(19, 13, 15),
        # Tuesday 20:00: Wednesday's whole office day.
        ("evening", INBOX): may(13, 16),
        # Wednesday 15:00 + 1.5 hours; Thursday is Ascension Day; Friday 6.5 hours.
        ("wednesday", INBOX): may(15, 14, 30),
        # Friday 14:00 + 2.5 hours, the weekend, Monday 5.5 hours. Praise needs no answer.
        ("friday", INBOX): may(18, 13, 30),
        ("saturday", INBOX): may(18, 16),
    }
    by_name = {item.reference: name for name, item in items.items()}
    assert {(by_name[ref], level): at for (ref, level), at in escalated.items()} == expected

    # Each digest went out at the moment its escalation was recorded, never on the holiday,
    # the weekend or outside office hours, to the inbox or to the unit head and the deputy.
    assert sorted(sent) == sorted(set(expected.values()))
    for moment, messages in sent.items():
        assert moment.date().isoweekday() <= 5 and moment.day != 14
        assert {tuple(m.to) for m in messages} <= {(SHARED_INBOX,), (HEAD, DEPUTY)}

    # One history entry per escalation, with the level and the reason, by no user.
    entries = ModelLogEntry.objects.filter(action="feedback.escalation")
    assert entries.count() == len(expected)
    assert all(entry.user_id is None for entry in entries)
    logged = {
        (by_name[Feedback.objects.get(pk=entry.object_id).reference], entry.data["to"])
        for entry in entries
    }
    assert logged == set(expected)
    first = entries.get(object_id=str(items["monday"].pk), data__to=INBOX)
    assert first.data == {"to": INBOX, "reason": "not_picked_up", "working_hours": 8}
    head = entries.get(object_id=str(items["monday"].pk), data__to=UNIT_HEAD)
    assert head.data == {"to": UNIT_HEAD, "reason": "half_time_passed", "answer_due": "2026-05-26"}

    # Monday 08:00: the inbox's digest lists the most overdue first, each with its own link
    # (with the port), and no personal data.
    inbox_digest = next(m for m in sent[may(11, 8)] if m.to == [SHARED_INBOX])
    body = inbox_digest.body
    assert body.index(items["last_year"].reference) < body.index(items["early"].reference)
    for name in ("last_year", "early"):
        assert f"{BASE_URL}admin/feedback/edit/{items[name].pk}/" in body
    for personal in ("Kim", "kim@example.org", "Anna", "illa bemött"):
        assert personal not in body
    assert "Bemötande" in body and "Klagomål" in body
    assert f"{BASE_URL}admin/feedback-workload/" in body
    # The link opens the item for a handler.
    client.force_login(staff["handler"])
    path = f"/admin/feedback/edit/{items['early'].pk}/"
    assert client.get(path).status_code == 200
    # The item's history shows the escalations (the action's own label and message).
    history = client.get(f"/admin/feedback/history/{items['early'].pk}/").content.decode()
    assert "Eskalerad" in history or "Escalated" in history

    # Many more runs change nothing.
    with time_machine.travel(may(20, 10), tick=False):
        for _ in range(3):
            call_command("escalate_feedback", stdout=StringIO())
    assert Escalation.objects.count() == len(expected)


def timezone_local(moment):
    return moment.astimezone(STOCKHOLM)


def test_the_digest_is_in_swedish_and_says_how_overdue(staff):
    item = new_item(datetime(2026, 4, 20, 10, 0, tzinfo=STOCKHOLM))
    with time_machine.travel(may(11, 9), tick=False):
        mail.outbox.clear()
        escalation.escalate()
    to_head = next(m for m in mail.outbox if m.to == [HEAD, DEPUTY])
    # Acknowledgement due 22 April: 19 days overdue on 11 May.
    assert item.next_due.isoformat() == "2026-04-22"
    # In Swedish ("(19 dagar)" once the lead compiles this branch's strings).
    assert "försenad sedan 22 april 2026 (19 " in to_head.body
    assert to_head.subject.endswith(": 1")


def test_an_item_assigned_in_time_never_escalates(staff):
    item = new_item(may(11, 10), assigned_to=staff["handler"])
    with time_machine.travel(may(29, 12), tick=False):  # after its answer date
        mail.outbox.clear()
        assert escalation.escalate() == {INBOX: 0, UNIT_HEAD: 0}
    assert not item.escalations.exists()
    assert escalations_sent() == []


def test_outside_office_hours_nothing_is_sent(staff):
    new_item(datetime(2025, 11, 20, 10, 0, tzinfo=STOCKHOLM))
    for moment in (may(14, 10), may(16, 10), may(13, 7, 59), may(13, 16, 30)):
        with time_machine.travel(moment, tick=False):
            assert escalation.escalate() == {INBOX: 0, UNIT_HEAD: 0}
    assert not Escalation.objects.exists()


def test_a_run_that_chose_the_same_items_concurrently_sends_nothing_again(staff):
    """Two runs at once both find the same items; each claims an item by inserting its
    escalation row (unique per item and level), and the second insert fails once the first
    run commits: the second run sends nothing."""
    items = [new_item(may(4, 10)), new_item(may(5, 10))]
    with time_machine.travel(may(11, 9), tick=False):
        mail.outbox.clear()
        assert escalation.send(INBOX, items, [SHARED_INBOX], may(11, 9)) == 2
        assert escalation.send(INBOX, items, [SHARED_INBOX], may(11, 9)) == 0
    assert len(escalations_sent()) == 1


def test_a_failed_e_mail_is_tried_again_on_the_next_run(staff, settings):
    item = new_item(may(4, 10))
    settings.EMAIL_BACKEND = "tests.feedback.test_notifications.UnreachableMailServer"
    with time_machine.travel(may(11, 9), tick=False):
        assert escalation.escalate() == {INBOX: 0, UNIT_HEAD: 0}  # logged, the run goes on
    assert not item.escalations.exists()
    assert not ModelLogEntry.objects.filter(action="feedback.escalation").exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(may(11, 9, 15), tick=False):
        assert escalation.escalate()[INBOX] == 1


def test_without_an_address_nothing_is_recorded_and_it_goes_once_one_is_set(staff):
    staff["head"].groups.clear()
    chosen = FeedbackSettings.for_default_site()
    chosen.deputy_email = ""
    chosen.save()
    item = new_item(datetime(2025, 11, 20, 10, 0, tzinfo=STOCKHOLM))
    with time_machine.travel(may(11, 9), tick=False):
        assert escalation.escalate() == {INBOX: 1, UNIT_HEAD: 0}
    assert list(item.escalations.values_list("level", flat=True)) == [INBOX]
    chosen.deputy_email = DEPUTY
    chosen.save()
    with time_machine.travel(may(11, 9, 15), tick=False):
        mail.outbox.clear()
        assert escalation.escalate() == {INBOX: 0, UNIT_HEAD: 1}
    assert [m.to for m in mail.outbox] == [[DEPUTY]]


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_moment_send_each_item_once():
    """Real commits from two threads, each on its own connection (SQLite or PostgreSQL). As a
    transactional test it runs after the others, on a database another may have emptied: it
    makes its own items."""
    locale, _created = Locale.objects.get_or_create(language_code="sv")
    category = Category.objects.create(locale=locale, name="Bemötande")
    for number in range(1, 6):
        Feedback.objects.create(
            reference=f"2032-{number:05d}", year=2032, number=number, kind="complaint",
            category=category, message="Ett meddelande.", language="sv", channel="web",
            received_at=datetime(2032, 3, 1, 10, 0, tzinfo=STOCKHOLM),
            answer_due=date(2032, 3, 15), lookup_code_hash="-",
        )  # fmt: skip
    now = datetime(2032, 3, 10, 10, 0, tzinfo=STOCKHOLM)
    start = Barrier(2)
    mail.outbox = []

    def run(_):
        try:
            waiting = list(Feedback.objects.filter(year=2032, assigned_to__isnull=True))
            start.wait()
            return escalation.send(INBOX, waiting, [SHARED_INBOX], now)
        finally:
            connection.close()

    with ThreadPoolExecutor(2) as pool:
        claimed = list(pool.map(run, range(2)))

    assert sum(claimed) == 5
    assert Escalation.objects.count() == 5
    references = [line for m in mail.outbox for line in m.body.split() if line.startswith("2032-")]
    assert sorted(references) == [f"2032-{number:05d}" for number in range(1, 6)]
    assert ModelLogEntry.objects.filter(action="feedback.escalation").count() == 5
