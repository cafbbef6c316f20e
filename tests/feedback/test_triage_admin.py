"""Staff triage and answer feedback in the Wagtail admin; editors without the right see nothing."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, ModelLogEntry

from feedback import intake
from feedback.admin_forms import TriageForm
from feedback.handlers_group import HANDLERS_GROUP
from feedback.models import Category, Feedback, FeedbackNote, Notification, ReminderDigest
from feedback.reminders import send_reminders
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import swedish

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(django_user_model, demo_site):
    handler = django_user_model.objects.create_user(
        "handler", "handler@example.org", "pw-h-1", first_name="Hedda", last_name="Handläggare"
    )
    handler.groups.add(Group.objects.get(name=HANDLERS_GROUP))
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw-e-1")
    editor.groups.add(Group.objects.get(name="Editors"))
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-s-1")
    return {"handler": handler, "editor": editor, "superuser": admin}


def new_item(day=(2026, 11, 16), **fields):
    values = {
        "kind": "complaint",
        "category": swedish(Category, "Bemötande"),
        "language": "sv",
        "channel": "web",
        "message": "Jag blev illa bemött.",
        "name": "Kim",
        "email": "kim@example.org",
        "answer_by": "email",
    }
    values.update(fields)
    return intake.register(
        Feedback(**values), received_at=datetime(*day, 10, 0, tzinfo=STOCKHOLM)
    ).feedback


@pytest.fixture
def item(users):
    return new_item()


def urls(pk):
    return [
        "/admin/feedback/",
        "/admin/feedback/new/",
        f"/admin/feedback/edit/{pk}/",
        f"/admin/feedback/inspect/{pk}/",
        f"/admin/feedback/history/{pk}/",
    ]


def test_anonymous_visitors_are_sent_to_login(client, item):
    for url in urls(item.pk):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_page_editors_get_403_and_no_menu(client, users, item):
    client.force_login(users["editor"])
    for url in urls(item.pk):
        assert client.get(url).status_code == 403, url
    assert '"url": "/admin/feedback/"' not in client.get("/admin/").content.decode()


@pytest.mark.parametrize("role", ["handler", "superuser"])
def test_handlers_and_superusers_reach_every_feedback_page(client, users, item, role):
    client.force_login(users[role])
    for url in urls(item.pk):
        assert client.get(url).status_code == 200, url
    assert '"url": "/admin/feedback/"' in client.get("/admin/").content.decode()


def test_handlers_cannot_delete_feedback_or_manage_categories(client, users, item):
    client.force_login(users["handler"])
    assert client.get(f"/admin/feedback/delete/{item.pk}/").status_code == 403
    assert client.get("/admin/snippets/feedback/category/").status_code != 200


def opened(item) -> str:
    """The hidden value of the triage form opened now (the version it was opened at)."""
    return TriageForm(instance=Feedback.objects.get(pk=item.pk))["opened"].value()


def triage(client, item, **fields):
    data = {
        "opened": opened(item),
        "language": item.language,
        "assigned_to": "",
        "status": item.status,
        "answer_text": item.answer_text,
        "answered_on": "",
        "answer_channel": "",
        "justified": "unknown",
        "action_taken": "",
        "note": "",
    }
    data.update(fields)
    return client.post(f"/admin/feedback/edit/{item.pk}/", data)


def test_a_handler_assigns_notes_answers_and_closes(client, users, item):
    client.force_login(users["handler"])
    response = triage(
        client,
        item,
        assigned_to=users["handler"].pk,
        status="in_progress",
        note="Ringde receptionen.",
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.assigned_to, item.status) == (users["handler"], "in_progress")
    assert FeedbackNote.objects.get(feedback=item).text == "Ringde receptionen."

    refused = triage(client, item, assigned_to=users["handler"].pk, status="closed")
    assert refused.status_code == 200
    assert "Registrera svaret" in refused.content.decode()
    item.refresh_from_db()
    assert item.status == "in_progress"

    answered = triage(
        client,
        item,
        assigned_to=users["handler"].pk,
        status="closed",
        answer_text="Vi beklagar och har pratat med personalen.",
        answered_on="2026-11-20",
        answer_channel="letter",
        justified="true",
        action_taken="Utbildning i bemötande.",
    )
    assert answered.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.justified, item.action_taken) == (
        "closed",
        True,
        "Utbildning i bemötande.",
    )


def test_anonymous_feedback_can_be_closed_without_an_answer(client, users):
    anonymous = new_item(name="", email="", answer_by="")
    client.force_login(users["handler"])
    assert triage(client, anonymous, status="closed").status_code == 302


def test_a_closed_item_can_be_reopened_but_not_sent_back_to_received(client, users, item):
    client.force_login(users["superuser"])
    closed = triage(
        client,
        item,
        status="closed",
        answer_text="Vi har tagit upp det med personalen.",
        answered_on="2026-11-20",
        answer_channel="email",
    )
    assert closed.status_code == 302
    item.refresh_from_db()
    assert triage(client, item, status="received").status_code == 200
    assert triage(client, item, status="in_progress").status_code == 302


def answer_by_email(client, handler, item, capture):
    client.force_login(handler)
    mail.outbox.clear()
    with capture(execute=True):
        response = triage(
            client,
            item,
            status="answered",
            send_answer_by_email="on",
            answer_text="Tack, vi har ändrat våra rutiner.",
        )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.answer_channel == "email" and item.answered_on is not None
    (answer,) = mail.outbox
    assert answer.to == ["kim@example.org"]
    return answer


def test_an_answer_by_e_mail_says_only_that_it_is_ready(
    client, users, django_capture_on_commit_callbacks
):
    registered = intake.register(
        Feedback(
            kind="complaint",
            category=swedish(Category, "Bemötande"),
            language="sv",
            channel="web",
            message="Jag blev illa bemött.",
            email="kim@example.org",
            answer_by="email",
        )
    )
    item = registered.feedback
    answer = answer_by_email(client, users["handler"], item, django_capture_on_commit_callbacks)
    assert "Tack, vi har ändrat våra rutiner." not in answer.body
    assert answer.subject == f"Ett svar på din synpunkt är klart ({item.reference})"
    assert "http://localhost/sv/synpunkter/status/" in answer.body

    # The citizen reads it with the reference and the code from the receipt.
    client.logout()
    status = client.post(
        "/sv/synpunkter/status/", {"reference": item.reference, "code": registered.lookup_code}
    ).content.decode()
    assert "Tack, vi har ändrat våra rutiner." in status


def test_a_unit_may_choose_to_send_the_answer_itself(
    client, users, item, django_capture_on_commit_callbacks, settings
):
    settings.FEEDBACK_ANSWER_TEXT_IN_EMAIL = True
    answer = answer_by_email(client, users["handler"], item, django_capture_on_commit_callbacks)
    assert "Tack, vi har ändrat våra rutiner." in answer.body


def test_every_change_and_every_view_is_in_the_audit_log(client, users, item):
    client.force_login(users["handler"])
    client.get(f"/admin/feedback/inspect/{item.pk}/")
    triage(client, item, status="acknowledged")
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(item.pk)).values_list("action", "user__username")
    )
    assert ("feedback.view", "handler") in actions
    assert ("feedback.triage", "handler") in actions
    history = client.get(f"/admin/feedback/history/{item.pk}/").content.decode()
    assert "Hedda Handläggare" in history


@time_machine.travel("2026-11-23 09:00 +01:00", tick=False)
def test_overdue_and_due_soon_markers(client, users):
    overdue = new_item(day=(2026, 11, 16))  # acknowledge by 18 November
    soon = new_item(day=(2026, 11, 23))  # acknowledge by 25 November
    later = new_item(day=(2026, 11, 23), kind="suggestion")
    later.status = "acknowledged"
    later.save()  # answer by 14 December
    client.force_login(users["handler"])
    html = client.get("/admin/feedback/").content.decode()
    row = {
        f.reference: html.split(f.reference, 1)[1].split("</tr>", 1)[0]
        for f in (overdue, soon, later)
    }
    assert "Försenad" in row[overdue.reference] and "Overdue" not in row[overdue.reference]
    assert "Förfaller snart" in row[soon.reference]
    assert "w-status" not in row[later.reference]
    filtered = client.get("/admin/feedback/?overdue=true").content.decode()
    assert overdue.reference in filtered and soon.reference not in filtered


def test_filters_by_year_and_tertial_and_search(client, users):
    may = new_item(day=(2026, 5, 4))
    december = new_item(day=(2026, 12, 31))
    client.force_login(users["handler"])
    t2 = client.get("/admin/feedback/?year=2026&tertial=2").content.decode()
    assert may.reference in t2 and december.reference not in t2
    found = client.get(f"/admin/feedback/?q={december.reference}").content.decode()
    assert december.reference in found and may.reference not in found


def test_list_queries_do_not_grow_with_the_number_of_items(client, users):
    client.force_login(users["handler"])

    def queries_for_list():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/feedback/").status_code == 200
        return len(captured)

    for _n in range(10):
        new_item(assigned_to=users["handler"], district=None)
    ten = queries_for_list()
    Feedback.objects.bulk_create(
        [
            Feedback(
                reference=f"2025-{n:05d}",
                year=2025,
                number=n,
                kind="praise",
                category=swedish(Category, "Information"),
                message="Bra!",
                language="sv",
                channel="phone",
                assigned_to=users["handler"],
                lookup_code_hash="x",
            )
            for n in range(1, 491)
        ]
    )
    assert queries_for_list() == ten


def test_registering_phone_feedback_counts_deadlines_from_the_arrival_date(client, users):
    client.force_login(users["handler"])
    response = client.post(
        "/admin/feedback/new/",
        {
            "channel": "phone",
            "received_on": "2026-06-18",
            "kind": "complaint",
            "category": swedish(Category, "Information").pk,
            "district": "",
            "commitment": "",
            "message": "Ringde och klagade på informationen.",
            "language": "sv",
            "name": "",
            "email": "",
            "phone": "070-123 45 67",
            "postal_address": "",
            "answer_by": "phone",
        },
    )
    assert response.status_code == 302
    item = Feedback.objects.get(channel="phone")
    assert item.reference.startswith("2026-")
    assert item.acknowledge_due.isoformat() == "2026-06-23"


@time_machine.travel("2026-11-23 07:00 +01:00", tick=False)
def test_reminder_digest_once_a_day(users):
    new_item(day=(2026, 11, 16), assigned_to=users["handler"])
    new_item(day=(2026, 11, 23), assigned_to=users["handler"])
    new_item(
        day=(2026, 11, 23), kind="suggestion", status="acknowledged", assigned_to=users["handler"]
    )  # answer due in December: not in the digest
    assert send_reminders() == 1
    assert send_reminders() == 0
    digest = [m for m in mail.outbox if m.to == ["handler@example.org"]]
    assert len(digest) == 1
    assert digest[0].body.count("2026-") == 2
    assert ReminderDigest.objects.get().items == 2


def test_dashboard_panel_for_handlers(client, users, item):
    item.assigned_to = users["handler"]
    item.save()
    client.force_login(users["handler"])
    html = client.get("/admin/").content.decode()
    assert item.reference in html
    client.force_login(users["editor"])
    assert item.reference not in client.get("/admin/").content.decode()


def test_dashboard_warns_when_e_mail_is_stuck_in_the_queue(client, users, item):
    client.force_login(users["handler"])
    warning = "bakgrundsarbete väntar"
    assert warning not in client.get("/admin/").content.decode()
    Notification.objects.update(state="pending", created_at=timezone.now() - timedelta(hours=1))
    assert warning in client.get("/admin/").content.decode()


def test_locale_default_is_swedish():
    assert Locale.get_default().language_code == "sv"


def test_the_citizens_message_is_marked_with_its_language_and_direction(client, users):
    item = new_item(language="ar", message="عاملوني بشكل سيئ في مكتب الاستقبال.")
    client.force_login(users["handler"])
    for url in (f"/admin/feedback/edit/{item.pk}/", f"/admin/feedback/inspect/{item.pk}/"):
        page = client.get(url).content.decode()
        assert f'lang="ar" dir="auto">{item.message}</dd>' in page, url
