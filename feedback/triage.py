"""The triage rules, each defined once: which items are open, what is due next, when an item is
overdue or due soon, and how it may move between statuses.

Every rule comes in two forms from the same definitions: a per-object answer for one item and a
``Q`` filter for the database (lists, dashboard, reminders, reports). This module imports no
models, so the ``Feedback`` model can use it too.
"""

from datetime import date, timedelta

from django.db.models import Case, DateField, F, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import IsNull
from django.utils.translation import gettext as _

from feedback.choices import AnswerBy, AnswerChannel, Channel, Kind, Status
from portal import workdays

# Forward moves may skip steps; a closed item can be reopened.
TRANSITIONS = {
    Status.RECEIVED: {Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED},
    Status.ACKNOWLEDGED: {Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED},
    Status.IN_PROGRESS: {Status.ANSWERED, Status.CLOSED},
    Status.ANSWERED: {Status.IN_PROGRESS, Status.CLOSED},
    Status.CLOSED: {Status.IN_PROGRESS},
}
CLOSED_STATUSES = (Status.ANSWERED, Status.CLOSED)
# Feedback that came in writing, and the answers given in writing.
WRITTEN_CHANNELS = (Channel.WEB, Channel.LETTER, Channel.EMAIL)
WRITTEN_ANSWERS = (AnswerChannel.LETTER, AnswerChannel.EMAIL)
# An answer the citizen can read as one: "x" or "Se ovan." is not.
MIN_ANSWER_WORDS = 3
MIN_ANSWER_CHARACTERS = 20
# "Due soon" means due within this many working days: the list's marker and the reminders.
DUE_SOON_WORKING_DAYS = 2


def is_open(feedback) -> bool:
    return feedback.status not in CLOSED_STATUSES


def open_filter() -> Q:
    return ~Q(status__in=CLOSED_STATUSES)


def closed_on(feedback, today: date) -> date | None:
    """The day the item was closed, kept while it stays closed: retention counts from it."""
    if is_open(feedback):
        return None
    return feedback.closed_on or today


def _acknowledging(feedback) -> bool:
    return feedback.status == Status.RECEIVED and feedback.acknowledge_due is not None


_ACKNOWLEDGING = Q(status=Status.RECEIVED, acknowledge_due__isnull=False)


def answer_due(feedback) -> date | None:
    """The day the answer is due: the new date of a delay notice (FL 11 §), else the first."""
    return feedback.delayed_answer_due or feedback.answer_due


def _answer_due_filter(lookup: str, value) -> Q:
    return Q(delayed_answer_due__isnull=True, **{f"answer_due__{lookup}": value}) | Q(
        **{f"delayed_answer_due__{lookup}": value}
    )


def safeguarding_pending(feedback) -> bool:
    """A safeguarding concern whose steps are not recorded yet: its same-day date is what is
    due, before the acknowledgement or the answer."""
    return bool(
        feedback.safeguarding and feedback.safeguarding_due and not feedback.safeguarding_action_on
    )


_SAFEGUARDING_PENDING = Q(
    safeguarding=True, safeguarding_due__isnull=False, safeguarding_action_on__isnull=True
)


def next_due(feedback) -> date | None:
    """The date the next step is due: a pending safeguarding concern's day, else the
    acknowledgement while received, then the answer."""
    if not is_open(feedback):
        return None
    if safeguarding_pending(feedback):
        return feedback.safeguarding_due
    return feedback.acknowledge_due if _acknowledging(feedback) else answer_due(feedback)


def next_due_filter(lookup: str, value) -> Q:
    """Open items whose ``next_due`` matches ``lookup`` (e.g. "lt", "range") against ``value``."""
    return open_filter() & (
        (_SAFEGUARDING_PENDING & Q(**{f"safeguarding_due__{lookup}": value}))
        | (
            ~_SAFEGUARDING_PENDING
            & (
                (_ACKNOWLEDGING & Q(**{f"acknowledge_due__{lookup}": value}))
                | (~_ACKNOWLEDGING & _answer_due_filter(lookup, value))
            )
        )
    )


def next_due_expression() -> Case:
    """The database form of ``next_due``: lists annotate and sort by the date they show."""
    return Case(
        When(open_filter() & _SAFEGUARDING_PENDING, then=F("safeguarding_due")),
        When(open_filter() & _ACKNOWLEDGING, then=F("acknowledge_due")),
        When(open_filter(), then=Coalesce("delayed_answer_due", "answer_due")),
        default=None,
        output_field=DateField(),
    )


# The work order's groups: open items with a due date, open items without one, the rest.
DATED, UNDATED, DONE = 0, 1, 2


def work_group_expression() -> Case:
    """Which group of the work order an item is in (DATED, UNDATED or DONE): within the first
    ``next_due_expression`` sorts it, so the overdue come first, closed items come last."""
    return Case(
        When(~open_filter(), then=Value(DONE)),
        When(IsNull(next_due_expression(), True), then=Value(UNDATED)),
        default=Value(DATED),
        output_field=IntegerField(),
    )


def delay_noticed_in_time(feedback) -> bool:
    """A delay notice recorded by the first answer date: only then is a late answer one the
    citizen was told of in time."""
    return bool(
        feedback.delay_noticed_on
        and feedback.answer_due
        and feedback.delay_noticed_on <= feedback.answer_due
    )


def delay_notice_asked_filter(today: date, calendar: workdays.Calendar) -> Q:
    """Open items whose answer is due within DUE_SOON_WORKING_DAYS working days, for someone
    who asked for one, with no delay notice yet: the dashboard asks whether they will be
    answered in time, while a notice can still be given before the date (FL 11 §)."""
    return (
        open_filter()
        & ~Q(answer_by="")
        & Q(delay_noticed_on__isnull=True)
        & _answer_due_filter("range", (today, due_soon_until(today, calendar)))
    )


def delay_noticed_in_time_filter() -> Q:
    return Q(delay_noticed_on__isnull=False, delay_noticed_on__lte=F("answer_due"))


def due_soon_until(today: date, calendar: workdays.Calendar) -> date:
    return calendar.add_working_days(today, DUE_SOON_WORKING_DAYS)


def week_end(today: date) -> date:
    """The Sunday that ends ``today``'s week: "due this week" is due from today to then."""
    return today + timedelta(days=6 - today.weekday())


def due_this_week_filter(today: date) -> Q:
    """Open items whose ``next_due`` is from today to Sunday: the dashboard, list and workload."""
    return next_due_filter("range", (today, week_end(today)))


def overdue_filter(today: date) -> Q:
    """The database form of ``due_marker(...) == "overdue"``."""
    return next_due_filter("lt", today)


def days_overdue(feedback, today: date) -> int:
    """How many days after its ``next_due`` the item is (0 if it is not overdue)."""
    due = next_due(feedback)
    return max((today - due).days, 0) if due else 0


def due_marker(feedback, today: date, calendar: workdays.Calendar) -> str | None:
    """ "overdue", "due_soon" (within DUE_SOON_WORKING_DAYS working days) or None."""
    due = next_due(feedback)
    if due is None:
        return None
    if due < today:
        return "overdue"
    if due <= due_soon_until(today, calendar):
        return "due_soon"
    return None


def needs_recorded_answer(feedback) -> bool:
    """Feedback from someone who asked for an answer and said who they are must be answered
    (written complaints in writing) before it is marked answered or closed."""
    return feedback.wants_answer and not feedback.is_anonymous


def needs_written_answer(feedback) -> bool:
    """Written complaints are always answered in writing (the unit's practice): a complaint
    that came by the web form, letter or e-mail, from someone who asked for an answer and can
    be written to (asked for e-mail or a letter, or gave an e-mail or postal address)."""
    return (
        feedback.kind == Kind.COMPLAINT
        and feedback.channel in WRITTEN_CHANNELS
        and needs_recorded_answer(feedback)
        and bool(
            feedback.answer_by in (AnswerBy.EMAIL, AnswerBy.LETTER)
            or feedback.email
            or feedback.postal_address
        )
    )


def is_meaningful_answer(text: str) -> bool:
    words = text.split()
    return len(words) >= MIN_ANSWER_WORDS and len(" ".join(words)) >= MIN_ANSWER_CHARACTERS


def answer_errors(feedback, new_status: str, today: date) -> dict[str, str]:
    """What is wrong with the answer recorded on ``feedback`` for it to go to ``new_status``,
    by field: an answer date in the future or before the item arrived (Stockholm dates), and,
    when an answer is required to close it, a text the citizen can read as an answer and, for a
    written complaint, a written answer. A missing answer is ``transition_error``'s."""
    errors = {}
    answered_on = feedback.answered_on
    if answered_on and answered_on > today:
        errors["answered_on"] = _("The answer date cannot be in the future.")
    elif answered_on and answered_on < feedback.received_at.astimezone(workdays.STOCKHOLM).date():
        errors["answered_on"] = _("The answer date cannot be before the day the item arrived.")
    if new_status not in CLOSED_STATUSES or not needs_recorded_answer(feedback):
        return errors
    if feedback.answer_text.strip() and not is_meaningful_answer(feedback.answer_text):
        errors["answer_text"] = _(
            "Write the answer the person reads: at least %(words)d words and %(characters)d "
            "characters."
        ) % {"words": MIN_ANSWER_WORDS, "characters": MIN_ANSWER_CHARACTERS}
    if (
        feedback.answer_channel
        and feedback.answer_channel not in WRITTEN_ANSWERS
        and needs_written_answer(feedback)
    ):
        errors["answer_channel"] = _(
            "A complaint that came in writing is answered in writing: by letter or e-mail."
        )
    return errors


def transition_error(feedback, old_status: str, new_status: str) -> str | None:
    """Why ``feedback`` may not move from ``old_status`` to ``new_status``, or None."""
    if new_status == old_status:
        return None
    if new_status not in TRANSITIONS[old_status]:
        return _("An item cannot go from “%(old)s” to “%(new)s”.") % {
            "old": Status(old_status).label,
            "new": Status(new_status).label,
        }
    if new_status in CLOSED_STATUSES and safeguarding_pending(feedback):
        return _(
            "Record what was done about the safeguarding concern, and when, before the item is "
            "answered or closed."
        )
    if new_status in CLOSED_STATUSES and needs_recorded_answer(feedback):
        if not (feedback.answer_text.strip() and feedback.answered_on and feedback.answer_channel):
            return _(
                "Record the answer (text, date and how it was given) before marking the item "
                "answered or closed: this person asked for an answer."
            )
    return None
