"""A digest the mail server refuses does not stop the run: the others go, the refused one is not
recorded (the next run sends it) and the log names the user by id only, never an address."""

import logging
from datetime import date
from smtplib import SMTPRecipientsRefused

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends import locmem

from feedback.action_reminders import send_action_reminders
from feedback.models import ActionDigest, ReminderDigest
from feedback.reminders import send_reminders
from tests.feedback.test_triage_admin import new_item
from tests.feedback.test_workplace_meetings import decide, no_demo_meetings, users  # noqa: F401

pytestmark = pytest.mark.django_db
REFUSED = "hedda@example.org"


class RefusesOneAddress(locmem.EmailBackend):
    """A mail server that refuses one recipient and delivers the rest to the outbox."""

    def send_messages(self, messages):
        if any(REFUSED in message.to for message in messages):
            raise SMTPRecipientsRefused({REFUSED: (550, b"5.1.1 No such user")})
        return super().send_messages(messages)


@pytest.fixture
def refusing(settings):
    settings.EMAIL_BACKEND = "tests.feedback.test_reminders.RefusesOneAddress"


def run_refused_then_again(send, digests, caplog, settings, user, other_address):
    with caplog.at_level(logging.INFO, logger="feedback"):
        assert send() == 1
    assert [m.to for m in mail.outbox] == [[other_address]]
    assert not digests.filter(user=user).exists()
    failed = [r.getMessage() for r in caplog.records if "failed" in r.getMessage()]
    assert len(failed) == 1
    assert failed[0].endswith(f"digest failed user={user.pk} error=SMTPRecipientsRefused")
    assert "@" not in caplog.text
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send() == 1  # the refused one, now
    assert mail.outbox[-1].to == [REFUSED]
    assert digests.count() == 2
    assert send() == 0


@time_machine.travel("2026-04-13 08:00 +02:00", tick=False)
def test_a_refused_action_digest_is_sent_on_the_next_run(refusing, users, caplog, settings):  # noqa: F811
    decide(users["handler"])  # overdue: comes first
    decide(users["head"], held_on=date(2026, 4, 1), due_on=date(2026, 4, 17))
    handler, head = users["handler"], users["head"]
    run_refused_then_again(
        send_action_reminders, ActionDigest.objects, caplog, settings, handler, head.email
    )


@time_machine.travel("2026-11-23 07:00 +01:00", tick=False)
def test_a_refused_reminder_digest_is_sent_on_the_next_run(
    refusing, demo_site, django_user_model, caplog, settings
):
    hedda = django_user_model.objects.create_user("hedda", REFUSED, "pw-h-1")
    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-s-1")
    new_item(day=(2026, 11, 16), assigned_to=hedda)
    new_item(day=(2026, 11, 16), assigned_to=boss)
    run_refused_then_again(
        send_reminders, ReminderDigest.objects, caplog, settings, hedda, boss.email
    )
