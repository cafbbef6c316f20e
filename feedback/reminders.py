"""A daily digest to each handler of their items due soon (triage.DUE_SOON_WORKING_DAYS) or
overdue, most overdue first, each with its link in the admin. The escalations of items nobody
picked up (feedback.escalation) list their items the same way."""

import logging
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from feedback import admin_links, triage
from feedback.models import Feedback, ReminderDigest
from portal.models import ClosedDay

logger = logging.getLogger(__name__)


def send_reminders(today=None) -> int:
    """Send today's digests not sent yet; returns how many were sent. Safe to run often. A digest
    the mail server refuses is not recorded, so the next run sends it; the others go."""
    today = today or timezone.localdate()
    horizon = triage.due_soon_until(today, ClosedDay.objects.calendar())
    due = Feedback.objects.filter(
        triage.next_due_filter("lte", horizon), assigned_to__isnull=False
    ).select_related("assigned_to", "category", "district")
    by_handler: dict = {}
    for item in due:
        by_handler.setdefault(item.assigned_to, []).append(item)
    sent = 0
    for user, items in by_handler.items():
        if not user.email:
            continue
        try:
            with transaction.atomic():
                ReminderDigest.objects.create(user=user, day=today, items=len(items))
                digest_message(user, items, today).send()
        except IntegrityError:
            continue  # already sent today
        except OSError as error:  # smtplib's errors too: the next run tries again
            logger.warning("reminder digest failed user=%s error=%s", user.pk, type(error).__name__)
            continue
        sent += 1
        logger.info("reminder digest user=%s day=%s items=%s", user.pk, today, len(items))
    return sent


def digest_lines(items, today: date) -> list[dict]:
    """What a staff digest says of each item, most overdue first by the date that is due next
    (triage.next_due, as the list shows it): the register's facts and a link, no personal data."""
    lines = []
    for item in sorted(items, key=lambda item: (item.next_due or date.max, item.received_at)):
        due = item.next_due
        lines.append(
            {
                "feedback": item,
                "due": due,
                "days_overdue": (today - due).days if due and due < today else 0,
                "link": admin_links.item_link(item),
            }
        )
    return lines


def digest_message(user, items, today) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "feedback/email/reminder.txt",
            {
                "lines": digest_lines(items, today),
                "due_soon_days": triage.DUE_SOON_WORKING_DAYS,
            },
        )
        subject = _("Feedback due soon or overdue: %(count)d") % {"count": len(items)}
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
