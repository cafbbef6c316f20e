"""When feedback must be acknowledged and answered, in Swedish working days."""

from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone

from feedback.models.feedback import Category, ResponseDeadline
from portal import workdays
from portal.models import ClosedDay


def rule_for(kind: str, category: Category | None) -> ResponseDeadline | None:
    """The category's own rule for this kind if staff made one, else the kind's rule."""
    rules = ResponseDeadline.objects.filter(kind=kind).filter(
        Q(category=None) | Q(category=category)
    )
    return min(rules, key=lambda rule: rule.category_id is None, default=None)


def due_dates(
    kind: str,
    category: Category | None,
    received_at: datetime,
    calendar: workdays.Calendar | None = None,
) -> tuple[date | None, date | None]:
    """(acknowledge by, answer by), counted in working days from the day after it arrived
    (Stockholm time). None where the policy asks for nothing."""
    rule = rule_for(kind, category)
    if rule is None:
        return None, None
    calendar = calendar or ClosedDay.objects.calendar()
    received = timezone.localdate(received_at)

    def after(days):
        return None if days is None else calendar.add_working_days(received, days)

    return after(rule.acknowledge_within), after(rule.answer_within)
