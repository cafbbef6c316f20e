"""How a feedback item moves through its statuses, and when it is overdue."""

from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _

from feedback.models import Feedback, Status
from portal import workdays

# Forward moves may skip steps; a closed item can be reopened.
TRANSITIONS = {
    Status.RECEIVED: {Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED},
    Status.ACKNOWLEDGED: {Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED},
    Status.IN_PROGRESS: {Status.ANSWERED, Status.CLOSED},
    Status.ANSWERED: {Status.IN_PROGRESS, Status.CLOSED},
    Status.CLOSED: {Status.IN_PROGRESS},
}
DUE_SOON_WORKING_DAYS = 2
CLOSED_STATUSES = (Status.ANSWERED, Status.CLOSED)


def open_filter() -> Q:
    return ~Q(status__in=CLOSED_STATUSES)


def overdue_filter(today: date) -> Q:
    """Open items whose next step is late: the acknowledgement while received, else the answer.
    The database form of ``due_marker(...) == "overdue"``."""
    late = Q(status=Status.RECEIVED, acknowledge_due__lt=today) | Q(answer_due__lt=today)
    return open_filter() & late


def needs_recorded_answer(feedback: Feedback) -> bool:
    """Feedback from someone who asked for an answer and said who they are must be answered
    (written complaints in writing) before it is marked answered or closed."""
    return feedback.wants_answer and not feedback.is_anonymous


def transition_error(feedback: Feedback, old_status: str, new_status: str) -> str | None:
    """Why ``feedback`` may not move from ``old_status`` to ``new_status``, or None."""
    if new_status == old_status:
        return None
    if new_status not in TRANSITIONS[old_status]:
        return _("An item cannot go from “%(old)s” to “%(new)s”.") % {
            "old": Status(old_status).label,
            "new": Status(new_status).label,
        }
    if new_status in (Status.ANSWERED, Status.CLOSED) and needs_recorded_answer(feedback):
        if not (feedback.answer_text.strip() and feedback.answered_on and feedback.answer_channel):
            return _(
                "Record the answer (text, date and how it was given) before marking the item "
                "answered or closed: this person asked for an answer."
            )
    return None


def due_marker(feedback: Feedback, today: date, calendar: workdays.Calendar) -> str | None:
    """ "overdue", "due_soon" (within two working days) or None."""
    due = feedback.next_due
    if due is None:
        return None
    if due < today:
        return "overdue"
    if due <= calendar.add_working_days(today, DUE_SOON_WORKING_DAYS):
        return "due_soon"
    return None
