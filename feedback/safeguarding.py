"""The safeguarding path (socialtjänstlagen): feedback that says a child or a vulnerable adult may
be at risk, or that the unit's own work failed someone, is due the same day.

It is flagged at intake by its words (``SafeguardingWord``, matched as ``word_lists`` says, with
no query per submission) or by the handler. Flagging sets the day it is due (today, Stockholm:
``triage.next_due``), tells the unit heads at once by an e-mail that holds the reference and a
link only, sent after the commit, and writes a "feedback.safeguarding" row in the item's history.
The handler's page names the steps the law asks for, with the references kept editable in
``SafeguardingSettings``, and records what was done and when.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from wagtail.log_actions import log

from feedback import escalation, notifications, triage, word_lists
from feedback.models.feedback import Feedback, Notification
from feedback.models.safeguarding import SafeguardingWord


def mentions_concern(text: str) -> bool:
    return word_lists.mentions(SafeguardingWord, text)


def flag(feedback: Feedback) -> None:
    """Mark ``feedback`` (not saved here) as a concern due today."""
    feedback.safeguarding = True
    feedback.safeguarding_due = timezone.localdate()


def unit_head_addresses() -> list[str]:
    """The unit heads' and the deputy's addresses (as escalations reach them); the feedback
    inbox if there is none, so that the concern reaches someone at once."""
    return escalation.unit_head_recipients() or escalation.inbox_recipients()


def raise_concern(feedback: Feedback, *, by: str, user=None) -> list[Notification]:
    """Tell the unit heads about a newly flagged ``feedback`` (saved) and log it; ``by`` says
    how it was flagged ("words" or "handler")."""
    recipients = unit_head_addresses()
    log(
        feedback,
        "feedback.safeguarding",
        user=user,
        data={"due": feedback.safeguarding_due.isoformat(), "by": by, "told": len(recipients)},
    )
    return notifications.queue_to_staff(feedback, Notification.Purpose.SAFEGUARDING, recipients)


@dataclass(frozen=True)
class Steps:
    """What the handler's page shows for a flagged item."""

    due: date | None
    overdue: bool
    child_report_reference: str
    lex_sarah_reference: str


def steps(feedback: Feedback, references, today: date) -> Steps | None:
    """``references`` is the site's ``SafeguardingSettings``."""
    if not feedback.safeguarding:
        return None
    pending = triage.is_open(feedback) and triage.safeguarding_pending(feedback)
    return Steps(
        due=feedback.safeguarding_due,
        overdue=pending and feedback.safeguarding_due < today,
        child_report_reference=references.child_report_reference,
        lex_sarah_reference=references.lex_sarah_reference,
    )
