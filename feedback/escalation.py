"""Nothing falls between chairs: open feedback nobody has picked up (no handler) goes to the
feedback inbox once it has waited FEEDBACK_PICKUP_WORKING_HOURS working hours, and to the unit
heads and their deputy once half its time to the answer date has passed.

Each item goes once to each level (an ``Escalation`` row per item and level, claimed before the
digest is sent, so a second run, even a concurrent one, sends nothing again) and each
escalation is written in the item's history. ``manage.py escalate_feedback`` runs every 15
minutes; it sends only in office hours, when working hours pass at all.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from feedback import admin_links, triage
from feedback.models import Escalation, Feedback, FeedbackSettings
from feedback.reminders import digest_lines
from portal import workdays
from portal.guarantee_approval import UNIT_HEADS_GROUP
from portal.models import ClosedDay

logger = logging.getLogger(__name__)
INBOX, UNIT_HEAD = Escalation.Level.INBOX, Escalation.Level.UNIT_HEAD
# Why an item was escalated, as the history keeps it.
REASONS = {INBOX: "not_picked_up", UNIT_HEAD: "half_time_passed"}


def escalate(now: datetime | None = None) -> dict[str, int]:
    """Send the escalations due now and not sent yet; returns how many items went to each level.
    Outside office hours nothing is due."""
    now = now or timezone.now()
    calendar = ClosedDay.objects.calendar()
    if not calendar.is_working_time(now):
        return {INBOX: 0, UNIT_HEAD: 0}
    waiting = Feedback.objects.filter(
        triage.open_filter(), assigned_to__isnull=True
    ).select_related("category", "district")
    pickup = timedelta(hours=settings.FEEDBACK_PICKUP_WORKING_HOURS)
    not_picked_up = waiting.filter(
        received_at__lte=calendar.working_time_before(now, pickup)
    ).exclude(escalations__level=INBOX)
    half_time = [
        item
        for item in waiting.filter(answer_due__isnull=False).exclude(escalations__level=UNIT_HEAD)
        if half_time_passed(item, now, calendar)
    ]
    sent = {}
    for level, items, recipients in (
        (INBOX, list(not_picked_up), inbox_recipients()),
        (UNIT_HEAD, half_time, unit_head_recipients()),
    ):
        try:
            sent[level] = send(level, items, recipients, now)
        except Exception as error:  # noqa: BLE001 - one level's failure must not stop the other
            # Nothing was recorded for it (send's transaction): the next run tries again.
            logger.warning("escalation level=%s failed error=%s", level, type(error).__name__)
            sent[level] = 0
    return sent


def half_time_passed(item: Feedback, now: datetime, calendar: workdays.Calendar) -> bool:
    """Half the working hours from its arrival to the end of its answer date (the new one after
    a delay notice) have passed."""
    due = triage.answer_due(item)
    end = datetime.combine(due, workdays.OFFICE_CLOSES, tzinfo=workdays.STOCKHOLM)
    if now >= end:
        return True
    total = calendar.working_time_between(item.received_at, end)
    return 2 * calendar.working_time_between(item.received_at, now) >= total


def inbox_recipients() -> list[str]:
    inbox = FeedbackSettings.default_inbox()
    return [inbox] if inbox else []


def unit_head_recipients() -> list[str]:
    """The unit heads' addresses and the deputy's (Feedback settings)."""
    heads = (
        get_user_model()
        .objects.filter(groups__name=UNIT_HEADS_GROUP, is_active=True)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
    )
    chosen = FeedbackSettings.for_default_site()
    deputy = [chosen.deputy_email] if chosen and chosen.deputy_email else []
    return list(dict.fromkeys([*heads, *deputy]))


def send(level: str, items: list[Feedback], recipients: list[str], now: datetime) -> int:
    """One digest of the items this run claims for ``level``: the claims, the e-mail and the
    history entries commit together, so a failed e-mail is tried again on the next run."""
    if not items:
        return 0
    if not recipients:
        logger.warning("escalation level=%s items=%s no recipient", level, len(items))
        return 0
    with transaction.atomic():
        mine = [item for item in items if claim(item, level)]
        if not mine:
            return 0
        digest_message(level, mine, recipients, timezone.localdate(now)).send()
        for item in mine:
            log(item, "feedback.escalation", user=None, data=history(level, item))
    logger.info(
        "escalation level=%s items=%s references=%s",
        level,
        len(mine),
        ",".join(item.reference for item in mine),
    )
    return len(mine)


def claim(item: Feedback, level: str) -> bool:
    """Record the item's escalation to ``level``; False if it was (or is being) recorded by
    another run: a concurrent insert waits for the other transaction and then fails."""
    try:
        with transaction.atomic():
            Escalation.objects.create(feedback=item, level=level)
    except IntegrityError:
        return False
    return True


def described(data: dict) -> str:
    """What a "feedback.escalation" history row says, in the reader's language."""
    if data.get("to") == INBOX:
        return _("Nobody had picked it up: sent to the feedback inbox")
    return _("Nobody had picked it up by half its time: sent to the unit head")


def history(level: str, item: Feedback) -> dict:
    data = {"to": str(level), "reason": REASONS[level]}
    if level == INBOX:
        data["working_hours"] = settings.FEEDBACK_PICKUP_WORKING_HOURS
    else:
        data["answer_due"] = triage.answer_due(item).isoformat()
    return data


def digest_message(level: str, items, recipients: list[str], today) -> EmailMessage:
    """In the unit's language; what the register says of each item, never what anyone wrote."""
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "feedback/email/escalation.txt",
            {
                "to_unit_head": level == UNIT_HEAD,
                "working_hours": settings.FEEDBACK_PICKUP_WORKING_HOURS,
                "lines": digest_lines(items, today),
                "workload_link": admin_links.admin_link(reverse("feedback_workload")),
            },
        )
        if level == UNIT_HEAD:
            subject = _("Feedback nobody has picked up, half its time gone: %(count)d")
        else:
            subject = _("Feedback nobody has picked up: %(count)d")
    return EmailMessage(
        subject % {"count": len(items)}, body, settings.DEFAULT_FROM_EMAIL, recipients
    )
