"""E-mails about feedback, sent in the background through django-tasks.

A submission never waits for the mail server and never fails because of it: the notification
rows are written in the submission's own transaction, the sending task is enqueued only after
that commits, and a failure is recorded on the row (visible to staff) and retried by
``manage.py retry_notifications`` with growing pauses.
"""

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from feedback import admin_links
from feedback.models.feedback import Feedback, FeedbackSettings, Notification
from portal.languages import written_in

# Log lines name the notification, its purpose and the item's reference: never an address,
# a name or what anyone wrote.
logger = logging.getLogger(__name__)
RETRY_PAUSES = [
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=8),
    timedelta(hours=24),
]
MAX_ATTEMPTS = len(RETRY_PAUSES) + 1
# Longer than any send takes (EMAIL_TIMEOUT is 10 s): a notification "sending" for longer was
# left by a worker that died, and is sent again (NOTIFICATION_SENDING_LEASE_SECONDS, 10 minutes).
SENDING_LEASE = timedelta(seconds=settings.NOTIFICATION_SENDING_LEASE_SECONDS)


def queue_for(feedback: Feedback, lookup_code: str, status_url: str = "") -> list[Notification]:
    """Write the notifications for new feedback (one insert); one task sends them once the
    transaction commits."""
    pending = []
    if feedback.email:
        pending.append(
            Notification(
                feedback=feedback,
                purpose=Notification.Purpose.RECEIPT,
                recipient=feedback.email,
                lookup_code=lookup_code,
                status_url=status_url,
            )
        )
    inbox = FeedbackSettings.default_inbox()
    if inbox:
        pending.append(
            Notification(feedback=feedback, purpose=Notification.Purpose.INBOX, recipient=inbox)
        )
    if pending:
        ids = [notification.pk for notification in Notification.objects.bulk_create(pending)]
        transaction.on_commit(lambda: send_notifications.enqueue(ids))
    return pending


def queue_to_sender(feedback: Feedback, purpose: str, status_url: str = "") -> Notification:
    """Write one e-mail to the citizen (the item was forwarded as an appeal, a delay notice;
    the answer goes through ``queue_answer``), sent once the staff member's transaction
    commits."""
    notification = Notification.objects.create(
        feedback=feedback, purpose=purpose, recipient=feedback.email, status_url=status_url
    )
    transaction.on_commit(lambda: send_notification.enqueue(notification.pk))
    return notification


def queue_to_staff(feedback: Feedback, purpose: str, recipients: list[str]) -> list[Notification]:
    """Write one e-mail about ``feedback`` to each of ``recipients`` (staff), sent by one task
    once the transaction commits."""
    if not recipients:
        return []
    created = Notification.objects.bulk_create(
        [Notification(feedback=feedback, purpose=purpose, recipient=to) for to in recipients]
    )
    ids = [notification.pk for notification in created]
    transaction.on_commit(lambda: send_notifications.enqueue(ids))
    return created


def preview_to_sender(feedback: Feedback, purpose: str, status_url: str = "") -> EmailMessage:
    """The e-mail ``queue_to_sender`` would send about ``feedback`` as it is in memory (a
    handler's unsaved answer included): built, neither saved nor sent."""
    return build_message(
        Notification(
            feedback=feedback, purpose=purpose, recipient=feedback.email, status_url=status_url
        )
    )


def answer_fingerprint(answer_text: str) -> str:
    """The same for the same answer, however it is spaced or wrapped."""
    return hashlib.sha256(" ".join(answer_text.split()).encode()).hexdigest()


def sent_answer(feedback: Feedback, answer_text: str) -> Notification | None:
    """The e-mail that already carried this answer, if any."""
    return feedback.notifications.filter(
        purpose=Notification.Purpose.ANSWER, answer_hash=answer_fingerprint(answer_text)
    ).first()


def queue_answer(feedback: Feedback, status_url: str = "") -> Notification | None:
    """Write the e-mail that the item's answer is ready, once per answer text: the database
    refuses a second one for the same text (a double click, a second save, two handlers at
    once), and None says so. A corrected answer is a new text and goes out again; an answer
    whose e-mail was given up on is tried again."""
    fingerprint = answer_fingerprint(feedback.answer_text)
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                feedback=feedback,
                purpose=Notification.Purpose.ANSWER,
                recipient=feedback.email,
                status_url=status_url,
                answer_hash=fingerprint,
            )
    except IntegrityError:
        notification = Notification.objects.get(
            feedback=feedback, purpose=Notification.Purpose.ANSWER, answer_hash=fingerprint
        )
        if notification.state != Notification.State.GAVE_UP:
            return None
        notification.state, notification.attempts = Notification.State.PENDING, 0
        notification.recipient, notification.last_error = feedback.email, ""
        notification.save(update_fields=["state", "attempts", "recipient", "last_error"])
    transaction.on_commit(lambda: send_notification.enqueue(notification.pk))
    return notification


def _claimable(now) -> Q:
    State = Notification.State
    return Q(state__in=[State.PENDING, State.FAILED]) | Q(
        state=State.SENDING, claimed_at__lt=now - SENDING_LEASE
    )


@task()
def send_notification(notification_id: int) -> str:
    """Send one notification (see ``send``)."""
    return send(notification_id)


@task()
def send_notifications(notification_ids: list[int]) -> list[str]:
    """Send a new item's notifications, one after the other: one task row for all of them.
    Each is claimed and retried on its own (see ``send``)."""
    return [send(notification_id) for notification_id in notification_ids]


def send(notification_id: int) -> str:
    """Send one notification, at least once: the row is claimed first, so a second worker (or a
    repeated task) never sends it alongside, and its Message-ID is fixed, so a resend after a
    worker died mid-send is the same message to the recipient's mail system."""
    now = timezone.now()
    mine = Notification.objects.filter(_claimable(now), pk=notification_id).update(
        state=Notification.State.SENDING, claimed_at=now
    )
    notification = Notification.objects.select_related("feedback").get(pk=notification_id)
    if not mine:
        return notification.state
    notification.attempts += 1
    try:
        build_message(notification).send()
    except Exception as error:  # noqa: BLE001 - any mail failure is recorded and retried
        notification.last_error = f"{type(error).__name__}: {error}"[:1000]
        if notification.attempts >= MAX_ATTEMPTS:
            notification.state = Notification.State.GAVE_UP
            notification.lookup_code = ""
        else:
            notification.state = Notification.State.FAILED
            pause = RETRY_PAUSES[notification.attempts - 1]
            notification.next_attempt_at = timezone.now() + pause
        logger.warning(
            "notification=%s purpose=%s feedback=%s attempt=%s state=%s error=%s",
            notification.pk,
            notification.purpose,
            notification.feedback.reference,
            notification.attempts,
            notification.state,
            type(error).__name__,
        )
    else:
        notification.state = Notification.State.SENT
        notification.sent_at = timezone.now()
        notification.lookup_code = ""
        notification.last_error = ""
        logger.info(
            "notification=%s purpose=%s feedback=%s sent",
            notification.pk,
            notification.purpose,
            notification.feedback.reference,
        )
    notification.save()
    return notification.state


def retry_due(now=None) -> int:
    """Enqueue every failed notification whose pause is over, and every one a worker never took
    or died sending (older than SENDING_LEASE); returns how many."""
    now = now or timezone.now()
    State = Notification.State
    due = Notification.objects.filter(
        Q(state=State.FAILED, next_attempt_at__lte=now)
        | Q(state=State.PENDING, created_at__lt=now - SENDING_LEASE)
        | Q(state=State.SENDING, claimed_at__lt=now - SENDING_LEASE)
    ).values_list("pk", flat=True)
    count = 0
    for pk in due:
        send_notification.enqueue(pk)
        count += 1
    return count


def build_message(notification: Notification) -> EmailMessage:
    feedback = notification.feedback
    language, template = written_in(feedback.language), f"feedback/email/{notification.purpose}.txt"
    if notification.purpose in (Notification.Purpose.INBOX, Notification.Purpose.SAFEGUARDING):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "feedback": feedback,
            "lookup_code": notification.lookup_code,
            "status_url": notification.status_url,
            "admin_url": admin_links.item_link(feedback),
            "answer_text_in_email": settings.FEEDBACK_ANSWER_TEXT_IN_EMAIL,
        }
        subject = {
            Notification.Purpose.RECEIPT: _("We have received your feedback (%(reference)s)"),
            Notification.Purpose.INBOX: _("New feedback %(reference)s"),
            Notification.Purpose.ANSWER: _("Our answer to your feedback (%(reference)s)")
            if settings.FEEDBACK_ANSWER_TEXT_IN_EMAIL
            else _("An answer to your feedback is ready (%(reference)s)"),
            Notification.Purpose.APPEAL: _(
                "Your feedback was forwarded as an appeal (%(reference)s)"
            ),
            Notification.Purpose.DELAY: _("New answer date for your feedback (%(reference)s)"),
            Notification.Purpose.SAFEGUARDING: _(
                "Safeguarding concern in feedback %(reference)s: due today"
            ),
            Notification.Purpose.HELP_QUESTION: _("Did our answer help? (%(reference)s)"),
        }[notification.purpose]
        return EmailMessage(
            subject=subject % {"reference": feedback.reference},
            body=render_to_string(template, context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[notification.recipient],
            # A preview (not saved) has no Message-ID of its own.
            headers={"Message-ID": message_id(notification)} if notification.pk else {},
        )


def message_id(notification: Notification) -> str:
    """The same for every attempt: a resend is recognisably the same message."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return f"<feedback-notification-{notification.pk}@{domain}>"
