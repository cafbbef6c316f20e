"""The workplace-meeting loop (APT): handlers put feedback on the list, the unit head records the
meeting and its actions, each action is followed up 30, 60 and 90 days after the meeting, an
action without its follow-up shows as overdue (in the list and in its owner's reminder) until
the follow-up is recorded, and the report says what was decided in the unit's words."""

from datetime import date, datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from feedback import action_report, action_rules, intake, meetings_demo
from feedback.action_reminders import send_action_reminders
from feedback.handlers_group import HANDLERS_GROUP
from feedback.meeting_forms import staff_owners
from feedback.models import (
    Action,
    ActionDigest,
    Category,
    District,
    Feedback,
    Meeting,
    MeetingTopic,
    PublishedChange,
)
from feedback.periods import Period
from portal.guarantee_approval import UNIT_HEADS_GROUP
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import swedish

pytestmark = pytest.mark.django_db

LIST = "/admin/workplace-meetings/list/"
MEETINGS = "/admin/workplace-meetings/meetings/"
ACTIONS = "/admin/workplace-meetings/actions/"


def staff(django_user_model, name, group=None, **fields):
    user = django_user_model.objects.create_user(
        name, f"{name}@example.org", "pw-x-1", first_name=name.title(), last_name="Test", **fields
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture(autouse=True)
def no_demo_meetings(db):
    """The demo's meetings and actions go: each test decides its own."""
    PublishedChange.objects.all().delete()
    MeetingTopic.objects.all().delete()
    Action.objects.all().delete()
    Meeting.objects.all().delete()


@pytest.fixture
def users(django_user_model, demo_site):
    return {
        "handler": staff(django_user_model, "hedda", HANDLERS_GROUP),
        "other": staff(django_user_model, "olle", HANDLERS_GROUP),
        "head": staff(django_user_model, "ulla", UNIT_HEADS_GROUP),
        "editor": staff(django_user_model, "edit", "Editors"),
    }


def new_item(**fields):
    values = {
        "kind": "complaint",
        "category": swedish(Category, "Handläggning"),
        "district": swedish(District, "Östermalm"),
        "language": "sv",
        "channel": "web",
        "message": "Brevet om mitt beslut var svårt att förstå.",
        "name": "Kim Andersson",
        "email": "kim@example.org",
        "answer_by": "email",
    }
    values.update(fields)
    return intake.register(
        Feedback(**values), received_at=datetime(2026, 3, 2, 10, tzinfo=STOCKHOLM)
    ).feedback


def decide(owner, held_on=date(2026, 3, 12), due_on=date(2026, 6, 30), **fields):
    meeting = Meeting.objects.create(held_on=held_on)
    values = {
        "title": "Ny brevmall för beslut",
        "category": swedish(Category, "Handläggning"),
        "district": swedish(District, "Östermalm"),
    }
    values.update(fields)
    return Action.objects.create(meeting=meeting, owner=owner, due_on=due_on, **values)


def test_an_action_is_followed_up_30_60_and_90_days_after_the_meeting(users):
    action = decide(users["handler"])
    assert [(c.after_days, c.due_on) for c in action.checks.order_by("after_days")] == [
        (30, date(2026, 4, 11)),
        (60, date(2026, 5, 11)),
        (90, date(2026, 6, 10)),
    ]
    first = action.checks.get(after_days=30)
    action_rules.record(first, "partly", "", users["head"], date(2026, 4, 11))
    # The meeting's date corrected: the follow-ups not yet recorded move with it.
    meeting = action.meeting
    meeting.held_on = date(2026, 3, 19)
    meeting.save()
    assert [(c.after_days, c.due_on) for c in action.checks.order_by("after_days")] == [
        (30, date(2026, 4, 11)),
        (60, date(2026, 5, 18)),
        (90, date(2026, 6, 17)),
    ]


def overdue_listed(client) -> str:
    return client.get(ACTIONS, {"overdue": "true"}).content.decode()


@time_machine.travel("2026-04-13 08:00 +02:00", tick=False)
def test_an_action_without_its_follow_up_shows_as_overdue(client, users):
    action = decide(users["handler"])  # the 30-day follow-up was due 2026-04-11
    on_time = decide(users["handler"], held_on=date(2026, 4, 1), title="Telefontid varje dag")
    client.force_login(users["head"])

    listed = overdue_listed(client)
    assert "Ny brevmall för beslut" in listed
    assert "Telefontid varje dag" not in listed
    # In words and with an icon, not colour alone.
    assert (
        '<strong class="feedback-due feedback-due--overdue"><svg class="icon icon-warning" '
        'aria-hidden="true"><use href="#icon-warning"></use></svg> Försenad 2 dagar: '
        "uppföljning efter 30 dagar</strong>"
    ) in listed
    assert "Telefontid varje dag" in client.get(ACTIONS, {"overdue": "false"}).content.decode()

    # Its owner's reminder says so too.
    assert send_action_reminders() == 1
    (reminder,) = mail.outbox
    assert reminder.to == ["hedda@example.org"]
    assert "Ny brevmall för beslut" in reminder.body
    assert "uppföljning efter 30 dagar, försenad sedan 11 april 2026 (2 dagar)" in reminder.body

    # Recording the follow-up clears it.
    check = action.checks.get(after_days=30)
    client.force_login(users["handler"])  # the owner records it
    response = client.post(
        f"/admin/workplace-meetings/follow-ups/edit/{check.pk}/",
        {"result": "done", "note": "Mallen används sedan april."},
    )
    assert response.status_code == 302
    check.refresh_from_db()
    assert (check.result, check.recorded_by, check.recorded_on) == (
        "done",
        users["handler"],
        date(2026, 4, 13),
    )
    action.refresh_from_db()
    assert action.status == "done"
    client.force_login(users["head"])
    assert "Ny brevmall för beslut" not in overdue_listed(client)
    assert not Action.objects.filter(action_rules.overdue_filter(date(2026, 4, 13))).exists()
    assert on_time.checks.filter(result="").count() == 3


@time_machine.travel("2026-04-13 08:00 +02:00", tick=False)
def test_the_lists_show_the_dates_themselves(client, users):
    decide(users["handler"], held_on=date(2026, 3, 12), due_on=date(2026, 6, 30))
    client.force_login(users["head"])
    actions = client.get(ACTIONS).content.decode()
    meetings = client.get(MEETINGS).content.decode()
    for page in (actions, meetings):
        assert "12 mars 2026" in page
        assert "Precis nu" not in page and "sedan" not in page
    assert "30 juni 2026" in actions  # a date to come, not "just now"
    assert client.get(ACTIONS, {"ordering": "-decided_on"}).status_code == 200


@time_machine.travel("2026-07-02 08:00 +02:00", tick=False)
def test_an_action_past_its_date_and_not_done_is_overdue(users):
    action = decide(users["handler"], due_on=date(2026, 6, 30))
    for check in action.checks.all():
        action_rules.record(check, "partly", "", users["head"], date(2026, 6, 10))
    today = date(2026, 7, 2)
    (late,) = action_rules.overdue(action, today)
    assert (late.day, late.check) == (date(2026, 6, 30), None)
    assert Action.objects.filter(action_rules.overdue_filter(today)).get() == action
    action.status = "done"
    action.save()
    assert not Action.objects.filter(action_rules.overdue_filter(today)).exists()


@time_machine.travel("2026-04-13 08:00 +02:00", tick=False)
def test_the_reminder_goes_once_a_day_and_names_no_citizen(users):
    item = new_item()
    action = decide(users["handler"])
    action.feedback.add(item)
    decide(users["head"], held_on=date(2026, 4, 1), due_on=date(2026, 4, 17))  # due in 4 days
    decide(users["other"], held_on=date(2026, 4, 1), due_on=date(2026, 9, 1))  # nothing due yet

    assert send_action_reminders() == 2
    assert send_action_reminders() == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["hedda@example.org", "ulla@example.org"]
    body = next(m.body for m in mail.outbox if m.to == ["hedda@example.org"])
    for personal in ("Kim", "kim@example.org", "Brevet om mitt beslut", item.reference):
        assert personal not in body
    check = action.checks.get(after_days=30)
    assert f"/admin/workplace-meetings/follow-ups/edit/{check.pk}/" in body
    soon = next(m.body for m in mail.outbox if m.to == ["ulla@example.org"])
    assert "att genomföra, förfaller 17 april 2026" in soon
    assert ActionDigest.objects.count() == 2


@time_machine.travel("2026-04-13 08:00 +02:00", tick=False)
def test_an_action_no_one_can_be_reminded_of_goes_to_the_unit_heads(
    client, users, django_user_model
):
    # Two things due on one action (its 30-day follow-up and its own date): one action.
    decide(users["handler"], due_on=date(2026, 4, 15))
    decide(None, title="Skylt i entrén")
    gone = decide(users["other"], title="Tolk vid nybesök")
    users["other"].is_active = False
    users["other"].save()
    staff(django_user_model, "vera", UNIT_HEADS_GROUP)  # every unit head is told

    assert send_action_reminders() == 3
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"hedda@example.org", "ulla@example.org", "vera@example.org"}
    assert by_address["hedda@example.org"].subject.endswith(": 1")
    own = by_address["hedda@example.org"].body
    assert "Skylt i entrén" not in own and "Tolk vid nybesök" not in own
    with translation.override("sv"):
        nobody = gettext("No one responsible")
    assert nobody not in own
    for head in ("ulla@example.org", "vera@example.org"):
        body = by_address[head].body
        assert body.count(f"[{nobody}] Skylt i entrén") == 1
        assert body.count(f"[{nobody}] Tolk vid nybesök") == 1
        assert "Ny brevmall" not in body
        assert by_address[head].subject.endswith(": 2")
    assert send_action_reminders() == 0

    client.force_login(users["head"])
    listed = client.get(ACTIONS).content.decode()
    assert nobody in listed
    assert client.get(f"{ACTIONS}inspect/{gone.pk}/").content.decode().count(nobody) == 1
    assert nobody in client.get(f"{MEETINGS}inspect/{gone.meeting_id}/").content.decode()


def test_the_demo_actions_have_an_owner_when_there_is_staff(users, demo_site):
    meetings_demo.create_demo_meetings(demo_site)
    assert Action.objects.count() == len(meetings_demo.DEMO_ACTIONS)
    assert not Action.objects.filter(owner=None).exists()
    assert set(Action.objects.values_list("owner", flat=True)) <= set(
        staff_owners().values_list("pk", flat=True)
    )


def test_a_handler_puts_an_item_on_the_list_and_the_unit_head_takes_it_up(client, users):
    item = new_item()
    client.force_login(users["handler"])
    page = client.get(f"/admin/feedback/edit/{item.pk}/").content.decode()
    assert "Sätt upp på APT-listan" in page
    put = f"/admin/workplace-meetings/list/put/{item.pk}/"
    for _twice in range(2):  # a double click puts it there once
        response = client.post(put, {"note": "Återkommande om brevmallar"})
        assert response.status_code == 302
    topic = MeetingTopic.objects.get(feedback=item)
    assert (topic.added_by, topic.meeting, topic.note) == (
        users["handler"],
        None,
        "Återkommande om brevmallar",
    )
    page = client.get(f"/admin/feedback/edit/{item.pk}/").content.decode()
    assert "Sätt upp på APT-listan" not in page
    assert item.reference in client.get(LIST).content.decode()
    # A handler does not run the meetings.
    assert client.get(f"{MEETINGS}new/").status_code == 403

    client.force_login(users["head"])
    category_topic = client.post(
        f"{LIST}new/", {"category": swedish(Category, "Tillgänglighet").pk, "note": ""}
    )
    assert category_topic.status_code == 302
    waiting = list(MeetingTopic.objects.filter(meeting=None))
    assert len(waiting) == 2
    response = client.post(
        f"{MEETINGS}new/",
        {
            "held_on": "2026-03-12",
            "title": "APT mars",
            "notes": "",
            "topics": [topic.pk],
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.created_by == users["head"]
    topic.refresh_from_db()
    assert topic.meeting == meeting
    listed = client.get(LIST).content.decode()
    assert item.reference not in listed  # taken up
    assert "Tillgänglighet" in listed  # still waiting

    response = client.post(
        f"{ACTIONS}new/?meeting={meeting.pk}",
        {
            "meeting": meeting.pk,
            "title": "Ny brevmall för beslut",
            "decision": "Mottagningsgruppen skriver om mallen.",
            "category": swedish(Category, "Handläggning").pk,
            "district": "",
            "feedback": [item.pk],
            "owner": users["handler"].pk,
            "due_on": "2026-04-30",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert list(action.feedback.all()) == [item]
    assert action.checks.count() == 3
    page = client.get(f"{MEETINGS}inspect/{meeting.pk}/").content.decode()
    assert "Ny brevmall för beslut" in page
    assert item.reference in page


def test_a_note_with_a_personal_identity_number_does_not_go_on_the_list(client, users):
    item = new_item()
    client.force_login(users["handler"])
    put = f"/admin/workplace-meetings/list/put/{item.pk}/"
    response = client.post(put, {"note": "Gäller 19811218-9876"}, follow=True)
    assert not MeetingTopic.objects.exists()
    (message,) = list(response.context["messages"])
    assert message.level_tag == "error"
    assert item.reference in str(message)
    assert "19811218" not in str(message)  # a message waits in the session or a cookie
    assert client.post(put, {"note": "x" * 501}).status_code == 302
    assert not MeetingTopic.objects.exists()
    client.post(put, {"note": "Återkommande om brevmallar"})
    assert MeetingTopic.objects.get().note == "Återkommande om brevmallar"


def test_a_topic_unticked_or_its_meeting_deleted_waits_again_once(client, users):
    item, other = new_item(), new_item()
    client.force_login(users["head"])
    meeting = Meeting.objects.create(held_on=date(2026, 3, 12), title="APT mars")
    taken_up = MeetingTopic.objects.create(feedback=item, meeting=meeting, note="Brevmallar")
    MeetingTopic.objects.create(feedback=other, meeting=meeting)
    again = MeetingTopic.objects.create(feedback=item)  # put on the list again since
    response = client.post(
        f"{MEETINGS}edit/{meeting.pk}/",
        {"held_on": "2026-03-12", "title": "APT mars", "notes": "", "topics": []},
    )
    assert response.status_code == 302
    assert list(MeetingTopic.objects.filter(feedback=item)) == [again]
    again.refresh_from_db()
    assert (again.meeting, again.note) == (None, "Brevmallar")
    assert not MeetingTopic.objects.filter(pk=taken_up.pk).exists()
    assert MeetingTopic.objects.get(feedback=other).meeting is None

    # A meeting deleted: what it took up waits again, once.
    MeetingTopic.objects.filter(feedback=other).update(meeting=meeting)
    MeetingTopic.objects.create(feedback=other)
    response = client.post(f"{MEETINGS}delete/{meeting.pk}/")
    assert response.status_code == 302
    assert not Meeting.objects.exists()
    assert MeetingTopic.objects.filter(feedback=other).count() == 1
    assert MeetingTopic.objects.filter(meeting=None).count() == 2


def test_a_meeting_with_actions_or_an_action_told_of_is_not_deleted(client, users):
    action = decide(users["handler"])
    meeting = action.meeting
    entry = PublishedChange.objects.create(
        action=action, month=date(2026, 4, 1), you_said="Breven var svåra.", we_did="Ny mall."
    )
    client.force_login(users["head"])
    for url, back in (
        (f"{MEETINGS}delete/{meeting.pk}/", f"{MEETINGS}inspect/{meeting.pk}/"),
        (f"{ACTIONS}delete/{action.pk}/", f"{ACTIONS}inspect/{action.pk}/"),
    ):
        for method in (client.get, client.post):
            response = method(url, follow=True)
            assert response.redirect_chain == [(back, 302)], url
            (message,) = list(response.context["messages"])
            assert message.level_tag == "error"
    assert Meeting.objects.exists() and Action.objects.exists()

    entry.delete()
    assert client.post(f"{ACTIONS}delete/{action.pk}/").status_code == 302
    assert not Action.objects.exists()
    assert client.post(f"{MEETINGS}delete/{meeting.pk}/").status_code == 302
    assert not Meeting.objects.exists()


def test_an_action_before_its_meeting_or_with_a_personal_identity_number_is_refused(client, users):
    meeting = Meeting.objects.create(held_on=date(2026, 3, 12))
    client.force_login(users["head"])
    response = client.post(
        f"{ACTIONS}new/",
        {
            "meeting": meeting.pk,
            "title": "Ring 19811218-9876 om beslutet",
            "owner": users["handler"].pk,
            "due_on": "2026-03-01",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"title", "due_on"}
    assert not Action.objects.exists()


def test_an_action_naming_someone_whose_feedback_led_to_it_is_refused(client, users):
    item = new_item()
    meeting = Meeting.objects.create(held_on=date(2026, 3, 12))
    MeetingTopic.objects.create(feedback=item, meeting=meeting)
    client.force_login(users["head"])
    data = {
        "meeting": meeting.pk,
        "title": "Ny brevmall för beslut",
        "decision": "",
        "feedback": [item.pk],
        "owner": users["handler"].pk,
        "due_on": "2026-04-30",
    }
    for refused in (
        {"title": "Ring Kim Andersson om brevet"},
        {"title": "Svara andersson"},
        {"decision": "Kim andersson får ett nytt brev."},
        {"decision": "Ring 19811218-9876 om beslutet"},
    ):
        response = client.post(f"{ACTIONS}new/", {**data, **refused})
        assert response.status_code == 200, refused
        assert list(response.context["form"].errors) == list(refused), refused
        assert not Action.objects.exists()
    # Without the item the name is nobody's the form knows of; "Kimberly" is not "Kim".
    assert client.post(f"{ACTIONS}new/", {**data, "title": "Kimberlys mall"}).status_code == 302


def test_who_may_do_what(client, users):
    action = decide(users["handler"])
    check = action.checks.get(after_days=30)
    client.force_login(users["editor"])
    for url in (LIST, MEETINGS, ACTIONS, f"/admin/workplace-meetings/follow-ups/edit/{check.pk}/"):
        assert client.get(url).status_code == 403, url
    client.force_login(users["other"])  # a handler, not the owner
    assert client.get(ACTIONS).status_code == 200
    assert client.get(f"{ACTIONS}inspect/{action.pk}/").status_code == 200
    assert client.get(f"{ACTIONS}edit/{action.pk}/").status_code == 403
    assert client.get(f"/admin/workplace-meetings/follow-ups/edit/{check.pk}/").status_code == 403
    client.force_login(users["handler"])  # the owner
    assert client.get(f"/admin/workplace-meetings/follow-ups/edit/{check.pk}/").status_code == 200
    client.force_login(users["head"])
    assert client.get(f"{ACTIONS}edit/{action.pk}/").status_code == 200
    assert client.get(f"/admin/workplace-meetings/follow-ups/edit/{check.pk}/").status_code == 200


def test_the_report_lists_the_actions_per_category_and_district_in_the_units_words(users):
    done = decide(users["handler"])
    for check in done.checks.filter(after_days__in=[30, 60]):
        action_rules.record(check, "done", "", users["head"], check.due_on)
    decide(
        users["handler"],
        held_on=date(2026, 5, 20),
        due_on=date(2026, 12, 31),
        title="Telefontid varje dag.",
        category=None,
        district=None,
    )
    late = decide(
        users["handler"],
        held_on=date(2026, 9, 3),
        due_on=date(2026, 12, 31),
        title="Tolk vid nybesök",
        category=swedish(Category, "Bemötande"),
    )
    decide(users["handler"], held_on=date(2025, 11, 5), title="Förra årets åtgärd")
    set_done = decide(
        users["handler"],
        held_on=date(2026, 9, 10),
        due_on=date(2026, 9, 15),
        title="Skylt i entrén",
        category=swedish(Category, "Bemötande"),
    )
    set_done.status = "done"
    set_done.save()

    groups = action_report.actions_for_report(Period.year(2026), today=date(2026, 9, 20))
    assert [group.heading for group in groups] == [
        "Bemötande, Östermalm",
        "Handläggning, Östermalm",
        "Alla kategorier, hela enheten",
    ]
    assert action_report.swedish_lines(groups) == [
        "Åtgärder beslutade på arbetsplatsträffar:",
        "",
        "Bemötande, Östermalm:",
        "- Beslutat på APT 2026-09-03: Tolk vid nybesök. Pågår. Inte följd upp ännu.",
        "- Beslutat på APT 2026-09-10: Skylt i entrén. Genomförd. Inte följd upp ännu.",
        "",
        "Handläggning, Östermalm:",
        "- Beslutat på APT 2026-03-12: Ny brevmall för beslut. Genomförd. Uppföljning efter 60 "
        "dagar: genomförd. Uppföljningen efter 90 dagar är försenad.",
        "",
        "Alla kategorier, hela enheten:",
        "- Beslutat på APT 2026-05-20: Telefontid varje dag. Pågår. Uppföljningen efter 30 dagar "
        "är försenad.",
    ]
    assert late.checks.filter(result="").count() == 3
    tertial = action_report.actions_for_report(Period.year(2026, 1), today=date(2026, 9, 20))
    assert [group.heading for group in tertial] == ["Handläggning, Östermalm"]


def test_the_items_an_action_may_name_are_those_its_meeting_took_up(client, users):
    taken_up, other = new_item(), new_item()
    meeting = Meeting.objects.create(held_on=date(2026, 3, 12))
    MeetingTopic.objects.create(feedback=taken_up, meeting=meeting)
    client.force_login(users["head"])
    form = client.get(f"{ACTIONS}new/?meeting={meeting.pk}").context["form"]
    assert list(form.fields["feedback"].queryset) == [taken_up]
    data = {
        "meeting": meeting.pk,
        "title": "Ny brevmall",
        "owner": users["handler"].pk,
        "due_on": "2026-04-30",
    }
    # Posted to the form's own URL, without ?meeting=.
    refused = client.post(f"{ACTIONS}new/", {**data, "feedback": [other.pk]})
    assert list(refused.context["form"].errors) == ["feedback"]
    assert client.post(f"{ACTIONS}new/", {**data, "feedback": [taken_up.pk]}).status_code == 302
    assert list(Action.objects.get().feedback.all()) == [taken_up]
