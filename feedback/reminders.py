"""A daily digest to each handler of their items due soon (triage.DUE_SOON_WORKING_DAYS) or
overdue."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from feedback import triage
from feedback.models import Feedback, ReminderDigest
from portal.models import ClosedDay

logger = logging.getLogger(__name__)


def send_reminders(today=None) -> int:
    """Send today's digests not sent yet; returns how many were sent. Safe to run often."""
    today = today or timezone.localdate()
    horizon = triage.due_soon_until(today, ClosedDay.objects.calendar())
    due = (
        Feedback.objects.filter(triage.next_due_filter("lte", horizon), assigned_to__isnull=False)
        .select_related("assigned_to", "category")
        .order_by("answer_due", "acknowledge_due")
    )
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
        sent += 1
        logger.info("reminder digest user=%s day=%s items=%s", user.pk, today, len(items))
    return sent


def digest_message(user, items, today) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "feedback/email/reminder.txt",
            {
                "items": [(item, item.next_due < today) for item in items],
                "due_soon_days": triage.DUE_SOON_WORKING_DAYS,
                "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/feedback/",
            },
        )
        subject = _("Feedback due soon or overdue: %(count)d") % {"count": len(items)}
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
