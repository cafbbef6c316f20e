"""When a workplace-meeting action needs attention: the one rule for the admin's list, the
owners' reminders and the yearly report.

An action is **overdue** when one of its follow-ups (30, 60 and 90 days after the meeting) has
passed its day without a result, or when its own date has passed and it is not done. It is **due
soon** when one of those days comes within ``DUE_SOON_DAYS`` calendar days.

The follow-ups stay due after an action is set to done: they check that the change held (a new
letter template still used after 90 days), so a done action without its follow-up is overdue
too, and the report says both where it stands and what the follow-ups found."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from feedback.models.meetings import Action, ActionCheck, ActionStatus

DUE_SOON_DAYS = 7


def check_open_until(day: date) -> Q:
    """Follow-ups (ActionCheck) due on or before ``day`` and not recorded."""
    return Q(result="", due_on__lte=day)


def action_open_until(day: date) -> Q:
    """Actions (Action) due on or before ``day`` and not done."""
    return Q(due_on__lte=day) & ~Q(status=ActionStatus.DONE)


def due_by_filter(day: date) -> Q:
    """Actions with their own date or a follow-up due on or before ``day``, still open."""
    checks = ActionCheck.objects.filter(check_open_until(day), action=OuterRef("pk"))
    return action_open_until(day) | Q(Exists(checks))


def overdue_filter(today: date) -> Q:
    return due_by_filter(today - timedelta(days=1))


def due_soon_until(today: date) -> date:
    return today + timedelta(days=DUE_SOON_DAYS)


@dataclass(frozen=True)
class Due:
    """One thing due on an action: its own date (``check`` None) or a follow-up."""

    day: date
    check: ActionCheck | None

    def overdue_on(self, today: date) -> bool:
        return self.day < today

    def days_overdue(self, today: date) -> int:
        return max((today - self.day).days, 0)

    @property
    def label(self) -> str:
        if self.check is None:
            return _("to be done")
        return _("follow-up after %(days)d days") % {"days": self.check.after_days}


def due_list(action: Action, until: date) -> list[Due]:
    """What is due on ``action`` on or before ``until`` and not done, earliest first (the
    Python side of ``due_by_filter``; its checks are best prefetched)."""
    found = [
        Due(check.due_on, check)
        for check in action.checks.all()
        if not check.result and check.due_on <= until
    ]
    if action.due_on <= until and action.status != ActionStatus.DONE:
        found.append(Due(action.due_on, None))
    return sorted(found, key=lambda due: (due.day, due.check is not None))


def overdue(action: Action, today: date) -> list[Due]:
    return due_list(action, today - timedelta(days=1))


def next_check(action: Action) -> ActionCheck | None:
    """The first follow-up not yet recorded."""
    return next((check for check in action.checks.all() if not check.result), None)


def latest_result(action: Action) -> ActionCheck | None:
    """The last follow-up recorded."""
    recorded = [check for check in action.checks.all() if check.result]
    return recorded[-1] if recorded else None


def record(check: ActionCheck, result: str, note: str, user, today: date) -> None:
    """A follow-up's result, which is where the action stands from now on."""
    check.result, check.note = result, note
    check.recorded_by, check.recorded_on = user, today
    check.save()
    action = check.action
    if latest_result(action) == check or action.status == ActionStatus.OPEN:
        action.status = result
        action.save(update_fields=["status"])
