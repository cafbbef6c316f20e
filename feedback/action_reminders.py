"""A daily digest to the owner of each workplace-meeting action that is due soon or overdue (its
own date or a follow-up, ``action_rules``), with its link in the admin. The actions are named
by their short title, category and district: nothing a citizen wrote, no names."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from feedback import action_rules, admin_links
from feedback.models import Action, ActionDigest

logger = logging.getLogger(__name__)


def digest_lines(actions, today) -> list[dict]:
    """Each thing due on the owner's actions, the most overdue first."""
    horizon = action_rules.due_soon_until(today)
    lines = [
        {
            "action": action,
            "due": due,
            "days_overdue": due.days_overdue(today),
            "link": admin_links.admin_link(
                reverse("action_check:edit", args=[due.check.pk])
                if due.check
                else reverse("action:inspect", args=[action.pk])
            ),
        }
        for action in actions
        for due in action_rules.due_list(action, horizon)
    ]
    return sorted(lines, key=lambda line: (line["due"].day, line["action"].pk))


def send_action_reminders(today=None) -> int:
    """Send today's digests not sent yet; returns how many were sent. Safe to run often."""
    today = today or timezone.localdate()
    horizon = action_rules.due_soon_until(today)
    due = (
        Action.objects.filter(action_rules.due_by_filter(horizon), owner__isnull=False)
        .select_related("meeting", "owner", "category", "district")
        .prefetch_related("checks")
    )
    by_owner: dict = {}
    for action in due:
        by_owner.setdefault(action.owner, []).append(action)
    sent = 0
    for user, actions in by_owner.items():
        if not user.email or not user.is_active:
            continue
        lines = digest_lines(actions, today)
        try:
            with transaction.atomic():
                ActionDigest.objects.create(user=user, day=today, items=len(lines))
                digest_message(user, lines).send()
        except IntegrityError:
            continue  # already sent today
        sent += 1
        logger.info("action digest user=%s day=%s items=%s", user.pk, today, len(lines))
    return sent


def digest_message(user, lines) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "feedback/email/action_reminder.txt",
            {"lines": lines, "due_soon_days": action_rules.DUE_SOON_DAYS},
        )
        subject = _("Workplace-meeting actions due soon or overdue: %(count)d") % {
            "count": len(lines)
        }
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
