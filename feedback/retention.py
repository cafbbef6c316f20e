"""Gallring: a closed item keeps its sender's details and every free text for
``settings.FEEDBACK_RETENTION_MONTHS`` after it was closed; then they are blanked for good.

What the reports count stays (kind, category, district, commitment, dates, status, whether an
answer was wanted, whether a complaint was justified, the handler), so every report of earlier
years gives the same figures after gallring. Every free text goes, the unit's own "action
taken" too: staff write names into it, so after gallring the report lists no action for the
item, though it still counts it."""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from feedback import access_log
from feedback.models import (
    ControlSampleItem,
    Feedback,
    FeedbackNote,
    HelpQuestion,
    MeetingTopic,
    Notification,
)
from feedback.periods import add_months

# The sender's details and every free text written about the case.
BLANKED = {
    "name": "",
    "email": "",
    "phone": "",
    "postal_address": "",
    "interpreter_language": "",
    "message": "",
    "answer_text": "",
    "action_taken": "",
    "delay_reason": "",
    "safeguarding_action": "",
    "lookup_code_hash": "",
    "submission_id": None,
}


def removal_date(feedback: Feedback) -> date | None:
    """When the item's personal data goes: the one rule the admin and the privacy notice show."""
    if feedback.closed_on is None or feedback.personal_data_removed_on:
        return None
    return add_months(feedback.closed_on, settings.FEEDBACK_RETENTION_MONTHS)


def due(today: date):
    """Closed items whose retention period is over and whose data is still there."""
    return Feedback.objects.filter(
        closed_on__lte=add_months(today, -settings.FEEDBACK_RETENTION_MONTHS),
        personal_data_removed_on__isnull=True,
    )


def remove_personal_data(items, *, action: str, today: date, user=None, **why) -> int:
    """Blank the personal data of ``items`` (a queryset) irreversibly, in one transaction, and
    write one access-log row per item; returns how many items."""
    with transaction.atomic():
        chosen = list(items.select_for_update().only("pk", "reference"))
        ids = [item.pk for item in chosen]
        # A new version: a form opened before cannot write the blanked texts back.
        Feedback.objects.filter(pk__in=ids).update(
            **BLANKED, personal_data_removed_on=today, version=F("version") + 1
        )
        FeedbackNote.objects.filter(feedback__in=ids).delete()
        ControlSampleItem.objects.filter(feedback__in=ids).update(note="")
        MeetingTopic.objects.filter(feedback__in=ids).update(note="")
        HelpQuestion.objects.filter(feedback__in=ids).update(comment="")
        # A link still out there takes no new words about an erased item.
        HelpQuestion.objects.filter(feedback__in=ids, answered_at__isnull=True).update(
            expires_at=timezone.now()
        )
        Notification.objects.filter(feedback__in=ids).update(
            recipient="", last_error="", lookup_code="", status_url="", answer_hash=""
        )
        access_log.record(chosen, action, user, **why)
    return len(ids)
