"""A daily digest to the owner of each workplace-meeting action that is due soon or overdue (its
own date or a follow-up, ``action_rules``), with its link in the admin. An action whose owner
cannot be reminded (none, no longer active, no address) goes into every unit head's digest,
marked "No one responsible", so someone chooses an owner. The actions are named by their short
title, category and district: nothing a citizen wrote, no names."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from feedback import action_rules, admin_links
from feedback.models import Action, ActionDigest
from portal.guarantee_approval import UNIT_HEADS_GROUP

logger = logging.getLogger(__name__)


def reachable(user) -> bool:
    """Whether an action's owner can be reminded."""
    return user is not None and user.is_active and bool(user.email)


def unit_heads() -> list:
    """Who is reminded of the actions whose owner cannot be: the active unit heads with an
    address."""
    return list(
        get_user_model()
        .objects.filter(groups__name=UNIT_HEADS_GROUP, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


def digest_lines(actions, today) -> list[dict]:
    """Each thing due on the actions, the most overdue first."""
    horizon = action_rules.due_soon_until(today)
    lines = [
        {
            "action": action,
            "unowned": not reachable(action.owner),
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
    """Send today's digests not sent yet; returns how many were sent. Safe to run often. A digest
    the mail server refuses is not recorded, so the next run sends it; the others go."""
    today = today or timezone.localdate()
    horizon = action_rules.due_soon_until(today)
    due = (
        Action.objects.filter(action_rules.due_by_filter(horizon))
        .select_related("meeting", "owner", "category", "district")
        .prefetch_related("checks")
    )
    by_user: dict = {}
    unowned = []
    for action in due:
        if reachable(action.owner):
            by_user.setdefault(action.owner, []).append(action)
        else:
            unowned.append(action)
    if unowned:
        heads = unit_heads()
        if not heads:
            logger.warning("action digest no unit head for actions=%s", len(unowned))
        for head in heads:
            by_user.setdefault(head, []).extend(unowned)
    sent = 0
    for user, actions in by_user.items():
        lines = digest_lines(actions, today)
        try:
            with transaction.atomic():
                ActionDigest.objects.create(user=user, day=today, items=len(lines))
                digest_message(user, lines).send()
        except IntegrityError:
            continue  # already sent today
        except OSError as error:  # smtplib's errors too: the next run tries again
            logger.warning("action digest failed user=%s error=%s", user.pk, type(error).__name__)
            continue
        sent += 1
        logger.info("action digest user=%s day=%s items=%s", user.pk, today, len(lines))
    return sent


def digest_message(user, lines) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "feedback/email/action_reminder.txt",
            {
                "lines": lines,
                "owned": any(not line["unowned"] for line in lines),
                "unowned": any(line["unowned"] for line in lines),
                "due_soon_days": action_rules.DUE_SOON_DAYS,
            },
        )
        subject = _("Workplace-meeting actions due soon or overdue: %(count)d") % {
            "count": len({line["action"].pk for line in lines})
        }
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
