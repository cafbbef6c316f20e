"""When feedback must be acknowledged and answered, in Swedish working days.

The deadline policy and the closed days are kept in memory for the content generation: saving
either is a content change (see feedback.apps), so a submission reads neither from the
database."""

from datetime import date, datetime

from django.utils import timezone

from feedback.models.feedback import Category, ResponseDeadline
from portal import workdays
from portal.content_generation import remembered
from portal.models import ClosedDay


def rule_for(kind: str, category: Category | None) -> ResponseDeadline | None:
    """The category's own rule for this kind if staff made one, else the kind's rule."""
    category_id = category.pk if category else None
    policy = remembered(("response-deadlines",), lambda: list(ResponseDeadline.objects.all()))
    rules = [
        rule for rule in policy if rule.kind == kind and rule.category_id in (None, category_id)
    ]
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
    calendar = calendar or remembered(("closed-days",), ClosedDay.objects.calendar)
    received = timezone.localdate(received_at)

    def after(days):
        return None if days is None else calendar.add_working_days(received, days)

    return after(rule.acknowledge_within), after(rule.answer_within)
