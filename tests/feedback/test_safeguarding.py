"""The safeguarding path: feedback that says a child or a vulnerable adult may be at risk is
flagged at intake (or by the handler), due the same day, told to the unit heads at once without
personal data, logged, shows the steps the law names with editable references, and never
appears in the open statistics."""

import re
from datetime import date, datetime
from itertools import product

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry, Site

from feedback import intake, retention, triage
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import (
    Category,
    Feedback,
    Notification,
    SafeguardingSettings,
    SafeguardingWord,
)
from portal.guarantee_approval import unit_heads
from portal.models import ClosedDay
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import FORM, form_data, swedish
from tests.feedback.test_open_statistics import section, tables
from tests.feedback.test_triage_admin import triage as post_triage

pytestmark = pytest.mark.django_db

TUESDAY = datetime(2026, 12, 8, 9, 30, tzinfo=STOCKHOLM)
CONCERN = "Jag är orolig för att min grannes barn far illa hemma."
HEAD = "chef@example.org"


def on(moment):
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def head(django_user_model, demo_site):
    user = django_user_model.objects.create_user("chef", HEAD, "pw-c-1")
    user.groups.add(unit_heads())
    # Someone who is not a unit head gets nothing.
    django_user_model.objects.create_user("annan", "annan@example.org", "pw-a-1")
    return user


@pytest.fixture
def handler(django_user_model, demo_site):
    user = django_user_model.objects.create_user("hedda", "hedda@example.org", "pw-h-1")
    user.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    return user


def register(message, **fields):
    values = {
        "kind": "complaint",
        "category": swedish(Category, "Bemötande"),
        "language": "sv",
        "channel": "web",
        "message": message,
        "name": "Kim",
        "email": "kim@example.org",
        "answer_by": "email",
    }
    values.update(fields)
    return intake.register(Feedback(**values)).feedback


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


@on(TUESDAY)
def test_a_web_submission_about_a_childs_safety_is_due_today_and_told_to_the_unit_head(
    client, feedback_page, head, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(FORM, form_data(message=CONCERN))
        assert response.status_code == 303
        assert mails_to(HEAD) == []  # nothing before the commit
    for callback in callbacks:
        callback()

    item = Feedback.objects.get()
    assert item.safeguarding and item.safeguarding_due == date(2026, 12, 8)
    assert triage.next_due(item) == date(2026, 12, 8)
    assert Feedback.objects.filter(triage.next_due_filter("lte", date(2026, 12, 8))).exists()

    (told,) = mails_to(HEAD)
    assert item.reference in told.subject
    assert f"/admin/feedback/edit/{item.pk}/" in told.body
    assert item.reference in told.body
    for personal in ("barn far illa", "Kim", "kim@example.org", "granne"):
        assert personal not in told.body and personal not in told.subject
    (notification,) = Notification.objects.filter(feedback=item, purpose="safeguard")
    assert (notification.recipient, notification.state) == (HEAD, Notification.State.SENT)

    (entry,) = ModelLogEntry.objects.filter(object_id=str(item.pk), action="feedback.safeguarding")
    assert entry.data == {"due": "2026-12-08", "by": "words", "told": 1}


@pytest.mark.parametrize(
    "message",
    [
        "Min son blir MISSHANDLAD av sin pappa.",
        "My neighbour's children are neglected.",
        "Ett barn i familjen far illa.",
    ],
)
def test_safeguarding_words_flag_feedback_in_any_language(demo_site, message):
    assert register(message).safeguarding


def test_ordinary_feedback_is_not_flagged(demo_site):
    item = register("Receptionen var stängd och ingen svarade i telefon.")
    assert not item.safeguarding and item.safeguarding_due is None
    assert not Notification.objects.filter(purpose="safeguard").exists()


def test_the_words_are_editable_and_read_once_per_content_generation(demo_site, head):
    message = "Barnen får inte mat hemma."
    assert not register(message).safeguarding
    SafeguardingWord.objects.create(word="får inte mat", language="sv")
    assert register(message).safeguarding
    with CaptureQueriesContext(connection) as captured:
        register("Ännu en synpunkt om receptionen.")
    assert not [q for q in captured.captured_queries if "safeguardingword" in q["sql"]]


@on(TUESDAY)
def test_the_steps_show_with_the_editable_references(client, handler, head):
    references = SafeguardingSettings.for_site(Site.objects.get(is_default_site=True))
    references.child_report_reference = "SoL (2025:400) X kap. 1 §"
    references.lex_sarah_reference = "SoL (2025:400) Y kap. 3 §"
    references.save()
    item = register(CONCERN)
    client.force_login(handler)
    for url in (f"/admin/feedback/edit/{item.pk}/", f"/admin/feedback/inspect/{item.pk}/"):
        page = client.get(url).content.decode()
        assert 'id="safeguarding-heading"' in page and 'id="safeguarding-due"' in page
        assert "SoL (2025:400) X kap. 1 §" in page and "SoL (2025:400) Y kap. 3 §" in page
    edit = client.get(f"/admin/feedback/edit/{item.pk}/").content.decode()
    assert 'name="safeguarding_action"' in edit and 'name="safeguarding_action_on"' in edit
    ordinary = register("Receptionen var stängd.")
    page = client.get(f"/admin/feedback/edit/{ordinary.pk}/").content.decode()
    assert "safeguarding-heading" not in page and 'name="safeguarding_action"' not in page


@on(TUESDAY)
def test_a_handler_flags_an_item_and_the_unit_head_is_told_once(
    client, handler, head, django_capture_on_commit_callbacks
):
    item = register("Min handläggare sa något som oroade mig.")
    assert not item.safeguarding
    client.force_login(handler)
    mail.outbox.clear()
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert post_triage(client, item, safeguarding="on").status_code == 302

    item.refresh_from_db()
    assert item.safeguarding and item.safeguarding_due == date(2026, 12, 8)
    assert len(mails_to(HEAD)) == 1
    (entry,) = ModelLogEntry.objects.filter(object_id=str(item.pk), action="feedback.safeguarding")
    assert entry.user == handler and entry.data["by"] == "handler"


def test_overdue_the_next_day_until_what_was_done_is_recorded(client, handler, head):
    with on(TUESDAY):
        item = register(CONCERN)
    calendar = ClosedDay.objects.calendar()
    next_day = datetime(2026, 12, 9, 8, 0, tzinfo=STOCKHOLM)
    with on(next_day):
        today = timezone.localdate()
        assert triage.due_marker(item, today, calendar) == "overdue"
        assert Feedback.objects.filter(triage.overdue_filter(today), pk=item.pk).exists()
        client.force_login(handler)
        listed = client.get("/admin/feedback/?overdue=true").content.decode()
        assert item.reference in listed
        page = client.get(f"/admin/feedback/edit/{item.pk}/").content.decode()
        assert 'id="safeguarding-due"' in page

        response = post_triage(
            client,
            item,
            safeguarding="on",
            safeguarding_action="Orosanmälan gjord till socialnämnden.",
            safeguarding_action_on="2026-12-08",
        )
        assert response.status_code == 302
        item.refresh_from_db()
        assert item.safeguarding_action_on == date(2026, 12, 8)
        # The concern's clock has stopped: the acknowledgement is what is due now.
        assert triage.next_due(item) == item.acknowledge_due == date(2026, 12, 10)
        assert not Feedback.objects.filter(triage.overdue_filter(today), pk=item.pk).exists()


@on(TUESDAY)
@pytest.mark.parametrize(
    "fields, field",
    [
        ({"safeguarding_action": "Orosanmälan gjord.", "safeguarding_action_on": ""}, "on"),
        ({"safeguarding_action": "", "safeguarding_action_on": "2026-12-08"}, "action"),
        (
            {"safeguarding_action": "Orosanmälan gjord.", "safeguarding_action_on": "2026-12-09"},
            "on",
        ),
        (
            {"safeguarding_action": "Anmälan om 19811218-9876", "safeguarding_action_on": ""},
            "action",
        ),
    ],
)
def test_what_was_done_needs_its_day_and_no_identity_number(client, handler, fields, field):
    item = register(CONCERN)
    client.force_login(handler)
    response = post_triage(client, item, safeguarding="on", **fields)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert f"safeguarding_action{'_on' if field == 'on' else ''}" in errors
    item.refresh_from_db()
    assert item.safeguarding_action == "" and item.safeguarding_action_on is None


def test_retention_blanks_what_was_done(demo_site, settings):
    item = register(CONCERN)
    Feedback.objects.filter(pk=item.pk).update(
        status="closed",
        closed_on=date(2020, 1, 1),
        safeguarding_action="Orosanmälan om Kims son.",
        safeguarding_action_on=date(2019, 12, 20),
    )
    retention.remove_personal_data(
        retention.due(date(2026, 12, 8)), action="feedback.gallring", today=date(2026, 12, 8)
    )
    item.refresh_from_db()
    assert item.safeguarding_action == ""
    assert item.safeguarding  # the flag itself is no free text


def test_the_open_statistics_show_no_safeguarding_count(client, demo_site):
    received = datetime(2025, 5, 2, 10, tzinfo=STOCKHOLM)
    for n in range(6):
        message = CONCERN if n % 2 else "Receptionen var stängd."
        intake.register(
            Feedback(
                kind="complaint",
                category=swedish(Category, "Bemötande"),
                language="sv",
                channel="web",
                message=message,
            ),
            received_at=received,
        )
    assert Feedback.objects.filter(safeguarding=True).count() == 3
    flagged = client.get("/sv/statistik/").content.decode()

    Feedback.objects.update(safeguarding=False, safeguarding_due=None)
    cache.clear()
    unflagged = client.get("/sv/statistik/").content.decode()

    assert tables(flagged, 2025) == tables(unflagged, 2025)
    assert section(flagged, 2025) == section(unflagged, 2025)
    for word in ("safeguard", "oro", "lex sarah", "skydd"):
        assert not re.search(rf"\b{word}", section(flagged, 2025), re.I), word


def test_the_due_filters_agree_with_the_per_item_rule_for_concerns(demo_site):
    """One rule, two forms: whatever the concern's state, the list's filters find exactly the
    items ``next_due`` calls overdue or due soon."""
    monday, calendar = date(2026, 11, 23), ClosedDay.objects.calendar()
    days = [date(2026, 11, 20), monday, date(2026, 11, 25), date(2026, 12, 10)]
    states = product(
        ["received", "in_progress", "closed"],
        [False, True],
        [None, *days],
        [None, date(2026, 11, 20)],
        [None, date(2026, 11, 24)],
    )
    for status, flagged, due, done_on, answer_due in states:
        made = register("x")
        Feedback.objects.filter(pk=made.pk).update(
            status=status,
            acknowledge_due=date(2026, 12, 1),
            answer_due=answer_due,
            safeguarding=flagged,
            safeguarding_due=due,
            safeguarding_action_on=done_on,
        )
    items = list(Feedback.objects.all())
    horizon = triage.due_soon_until(monday, calendar)

    def matching(q):
        return set(Feedback.objects.filter(q).values_list("pk", flat=True))

    def marked(marker):
        return {f.pk for f in items if triage.due_marker(f, monday, calendar) == marker}

    assert marked("overdue") and marked("due_soon")
    assert matching(triage.overdue_filter(monday)) == marked("overdue")
    assert matching(triage.next_due_filter("range", (monday, horizon))) == marked("due_soon")
    assert matching(triage.next_due_filter("lte", horizon)) == marked("overdue") | marked(
        "due_soon"
    )


def test_a_concern_is_not_closed_before_what_was_done_is_recorded(client, handler, head):
    with on(TUESDAY):
        item = register(CONCERN)
        client.force_login(handler)
        answer = {
            "status": "answered",
            "answer_text": "Vi har läst det du skrev och hör av oss till dig i dag.",
            "answered_on": "2026-12-08",
            "answer_channel": "email",
            "safeguarding": "on",
        }
        refused = post_triage(client, item, **answer)
        assert refused.status_code == 200 and "status" in refused.context["form"].errors
        item.refresh_from_db()
        assert item.status == "received"

        recorded = post_triage(
            client,
            item,
            **answer,
            safeguarding_action="Orosanmälan gjord till socialnämnden.",
            safeguarding_action_on="2026-12-08",
        )
        assert recorded.status_code == 302
        item.refresh_from_db()
        assert item.status == "answered"
