"""A failing mail server never loses or blocks a submission: the item is saved, the e-mail
waits, the failure is visible, and it is sent once the server is back."""

from datetime import timedelta
from smtplib import SMTPServerDisconnected

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from feedback.models import Feedback, Notification
from feedback.notifications import MAX_ATTEMPTS, SENDING_LEASE, retry_due, send_notification
from tests.feedback.conftest import FORM, form_data

pytestmark = pytest.mark.django_db


class UnreachableMailServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "tests.feedback.test_notifications.UnreachableMailServer"


def submit(client, capture):
    with capture(execute=True):
        return client.post(FORM, form_data())


def test_submission_is_saved_and_mail_queued_when_the_mail_server_fails(
    client, feedback_page, mail_server_down, django_capture_on_commit_callbacks
):
    response = submit(client, django_capture_on_commit_callbacks)
    assert response.status_code == 303
    assert client.get(response["Location"]).status_code == 200
    item = Feedback.objects.get()
    notifications = Notification.objects.filter(feedback=item)
    assert {n.purpose for n in notifications} == {"receipt", "inbox"}
    for notification in notifications:
        assert notification.state == "failed"
        assert notification.attempts == 1
        assert "SMTPServerDisconnected" in notification.last_error
        assert notification.next_attempt_at > timezone.now()
    assert mail.outbox == []


def test_failed_mail_is_sent_when_the_server_is_back(
    client, feedback_page, settings, mail_server_down, django_capture_on_commit_callbacks
):
    submit(client, django_capture_on_commit_callbacks)
    assert retry_due() == 0  # not before the pause is over
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert retry_due(now=timezone.now() + timedelta(hours=1)) == 2
    receipt = Notification.objects.get(purpose="receipt")
    assert (receipt.state, receipt.attempts, receipt.lookup_code) == ("sent", 2, "")
    sent = next(m for m in mail.outbox if m.to == ["kim@example.org"])
    assert "Ditt referensnummer är" in sent.body
    assert "/sv/synpunkter/status/" in sent.body


def test_after_the_last_attempt_it_gives_up_visibly(
    client, feedback_page, mail_server_down, django_capture_on_commit_callbacks
):
    submit(client, django_capture_on_commit_callbacks)
    receipt = Notification.objects.get(purpose="receipt")
    for _ in range(MAX_ATTEMPTS - 1):
        send_notification.enqueue(receipt.pk)
    receipt.refresh_from_db()
    assert (receipt.state, receipt.attempts) == ("gave_up", MAX_ATTEMPTS)
    assert receipt.lookup_code == ""


def test_staff_see_failed_mail_in_the_admin(
    client, feedback_page, mail_server_down, django_capture_on_commit_callbacks, admin_client
):
    submit(client, django_capture_on_commit_callbacks)
    html = admin_client.get("/admin/snippets/feedback/notification/?state=failed").content.decode()
    assert "SMTPServerDisconnected" in html
    # The list shows what went wrong, not the server's words (they can name the recipient).
    assert "kim@example.org" not in html


def test_without_an_address_there_is_no_receipt(client, feedback_page):
    client.post(FORM, form_data(answer_by="", email=""))
    assert list(Notification.objects.values_list("purpose", flat=True)) == ["inbox"]


def test_log_lines_about_mail_carry_no_personal_data(
    client, feedback_page, settings, mail_server_down, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level("INFO", logger="feedback")
    submit(client, django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retry_due(now=timezone.now() + timedelta(hours=1))
    reference = Feedback.objects.get().reference
    lines = [record.getMessage() for record in caplog.records if record.name.startswith("feedback")]
    assert any("state=failed" in line and reference in line for line in lines)
    assert any(line.endswith("sent") and reference in line for line in lines)
    data = form_data()
    for line in lines:
        for personal in (data["email"], data["name"], data["message"], "synpunkter@example.org"):
            assert personal not in line


def test_an_e_mail_a_dead_worker_left_sending_is_sent_once_after_the_lease(
    client, feedback_page, settings, mail_server_down, django_capture_on_commit_callbacks
):
    submit(client, django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    receipt = Notification.objects.get(purpose="receipt")
    # A worker took it and was killed before it could record anything.
    Notification.objects.filter(pk=receipt.pk).update(
        state="sending", claimed_at=timezone.now() - timedelta(minutes=1)
    )
    send_notification.enqueue(receipt.pk)  # a duplicate task while the lease runs: nothing
    assert mail.outbox == []
    with time_machine.travel(timezone.now() + SENDING_LEASE + timedelta(minutes=1)):
        retry_due()
        retry_due()  # run twice, as two timers might
    sent = [m for m in mail.outbox if m.to == ["kim@example.org"]]
    assert len(sent) == 1
    assert (
        sent[0].extra_headers["Message-ID"] == f"<feedback-notification-{receipt.pk}@example.org>"
    )
    receipt.refresh_from_db()
    assert receipt.state == "sent"
