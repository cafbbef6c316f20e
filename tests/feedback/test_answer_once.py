"""One answer is e-mailed once: a double click or a second save sends nothing more, a corrected
answer goes out again, sending answers the item, and the item shows where the e-mail went and
how it fares."""

import re
from datetime import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from feedback import notifications
from feedback.models import Feedback, Notification
from portal.workdays import STOCKHOLM
from tests.feedback import test_triage_admin
from tests.feedback.test_triage_admin import new_item, opened, triage

pytestmark = pytest.mark.django_db
users = test_triage_admin.users  # the fixture: a handler, an editor, a superuser
ANSWER = "Tack, vi har ändrat våra rutiner i receptionen."


def answers(item):
    return Notification.objects.filter(feedback=item, purpose="answer")


def answer_mails():
    return [m for m in mail.outbox if m.to == ["kim@example.org"]]


def send(client, item, **fields):
    """Tick "send" on the form as the browser shows it for ``item``."""
    values = {
        "status": item.status,
        "answered_on": item.answered_on.isoformat() if item.answered_on else "",
        "answer_channel": item.answer_channel,
        "send_answer_by_email": "on",
        "answer_text": ANSWER,
    }
    values.update(fields)
    return triage(client, item, **values)


@time_machine.travel(datetime(2026, 11, 24, 10, 0, tzinfo=STOCKHOLM), tick=False)
def test_the_same_form_sent_twice_e_mails_the_answer_once(
    client, users, django_capture_on_commit_callbacks
):
    item = new_item()
    client.force_login(users["handler"])
    form = opened(item)
    with django_capture_on_commit_callbacks(execute=True):
        first = send(client, item, opened=form)
        second = send(client, item, opened=form)  # the double click
    assert first.status_code == second.status_code == 302
    assert answers(item).count() == 1
    assert len(answer_mails()) == 1
    item.refresh_from_db()
    # Sending it answered the item, by e-mail, today: it is no longer open nor overdue.
    assert (item.status, item.answer_channel, item.answered_on.isoformat()) == (
        "answered",
        "email",
        "2026-11-24",
    )
    saves = ModelLogEntry.objects.filter(object_id=str(item.pk), action="feedback.triage")
    assert saves.count() == 1


@time_machine.travel(datetime(2026, 11, 24, 10, 0, tzinfo=STOCKHOLM), tick=False)
def test_a_second_save_with_the_same_answer_is_refused_a_corrected_one_goes_out(
    client, users, django_capture_on_commit_callbacks
):
    item = new_item()
    client.force_login(users["handler"])
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, item).status_code == 302
        item.refresh_from_db()
        again = send(client, item)
    assert again.status_code == 200
    assert "send_answer_by_email" in again.context["form"].errors
    assert answers(item).count() == 1 and len(answer_mails()) == 1

    # The same words spaced otherwise are the same answer.
    with django_capture_on_commit_callbacks(execute=True):
        respaced = send(client, item, answer_text=ANSWER.replace(" ", "  ") + "\r\n")
    assert respaced.status_code == 200 and answers(item).count() == 1

    corrected = ANSWER + " Vi ber om ursäkt för dröjsmålet."
    item.refresh_from_db()
    with time_machine.travel(datetime(2026, 11, 26, 9, 0, tzinfo=STOCKHOLM), tick=False):
        client.force_login(users["handler"])
        with django_capture_on_commit_callbacks(execute=True):
            assert send(client, item, answer_text=corrected).status_code == 302
    assert answers(item).count() == 2 and len(answer_mails()) == 2
    item.refresh_from_db()
    # A correction does not move the day the item was answered.
    assert (item.status, item.answered_on.isoformat()) == ("answered", "2026-11-24")


def test_the_database_takes_one_e_mail_per_answer(users, django_capture_on_commit_callbacks):
    item = new_item()
    item.answer_text = ANSWER
    with django_capture_on_commit_callbacks(execute=True):
        first = notifications.queue_answer(item)
        second = notifications.queue_answer(item)
    assert first is not None and second is None
    assert answers(item).count() == 1 and len(answer_mails()) == 1


def test_a_handler_who_closes_while_sending_keeps_it_closed(
    client, users, django_capture_on_commit_callbacks
):
    item = new_item()
    client.force_login(users["handler"])
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, item, status="closed").status_code == 302
    item.refresh_from_db()
    assert item.status == "closed" and answers(item).get().state == "sent"


def delivery(page: str) -> list[str]:
    """The delivery states of the answer e-mails in the item's timeline."""
    timeline = page.split('id="timeline"', 1)[1]
    return re.findall(r'data-event="email-answer">.*?data-state="([a-z_]+)"', timeline, re.S)


def test_the_item_shows_when_and_where_the_answer_went_and_its_delivery(
    client, users, settings, django_capture_on_commit_callbacks
):
    item = new_item()
    client.force_login(users["handler"])
    settings.EMAIL_BACKEND = "tests.feedback.test_notifications.UnreachableMailServer"
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, item).status_code == 302
    notification = answers(item).get()
    assert notification.state == "failed"
    for url in (f"/admin/feedback/edit/{item.pk}/", f"/admin/feedback/inspect/{item.pk}/"):
        page = client.get(url).content.decode()
        assert delivery(page) == ["failed"]

    # The mail server is back: the retry sends it, and the item says so, with the address.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    notifications.send(notification.pk)
    notification.refresh_from_db()
    page = client.get(f"/admin/feedback/edit/{item.pk}/").content.decode()
    assert delivery(page) == ["sent"]
    timeline = page.split('id="timeline"', 1)[1]
    assert "kim@example.org" in timeline
    sent = timezone.localtime(notification.sent_at)
    assert f"{sent:%H:%M}" in timeline


def test_an_answer_e_mail_given_up_on_can_be_sent_again(
    client, users, django_capture_on_commit_callbacks
):
    item = new_item()
    client.force_login(users["handler"])
    with django_capture_on_commit_callbacks(execute=True):
        send(client, item)
    answers(item).update(state="gave_up", attempts=6)
    item.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, item).status_code == 302
    assert answers(item).get().state == "sent" and len(answer_mails()) == 1


def test_sending_needs_an_answer_worth_reading(client, users):
    item = new_item()
    client.force_login(users["handler"])
    response = send(client, item, answer_text="x")
    assert "answer_text" in response.context["form"].errors
    assert not answers(item).exists()
    assert Feedback.objects.get(pk=item.pk).status == "received"
