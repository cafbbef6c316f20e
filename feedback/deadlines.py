"""When feedback must be acknowledged and answered, in Swedish working days.

Reports about the website's accessibility (the category staff mark so) are answered within the
working days the live accessibility statement promises, so the statement and the register
cannot disagree; acknowledging them, and every other category, follows the deadline policy.

The deadline policy, the statement's number and the closed days are kept in memory for the
content generation: saving any of them is a content change (see feedback.apps), so a submission
reads none of them from the database."""

from datetime import date, datetime

from django.utils import timezone

from feedback.models.feedback import Category, ResponseDeadline
from portal import workdays
from portal.content_generation import remembered
from portal.models import AccessibilityStatementPage, ClosedDay


def rule_for(kind: str, category: Category | None) -> ResponseDeadline | None:
    """The category's own rule for this kind if staff made one, else the kind's rule."""
    category_id = category.pk if category else None
    policy = remembered(("response-deadlines",), lambda: list(ResponseDeadline.objects.all()))
    rules = [
        rule for rule in policy if rule.kind == kind and rule.category_id in (None, category_id)
    ]
    return min(rules, key=lambda rule: rule.category_id is None, default=None)


def working_days(kind: str, category: Category | None) -> tuple[int | None, int | None]:
    """(working days to acknowledge, to answer); None where the policy asks for nothing. A
    kind that needs no answer (praise) needs none in the website's category either."""
    rule = rule_for(kind, category)
    if rule is None:
        return None, None
    answer = rule.answer_within
    if answer is not None and category is not None and category.website_accessibility:
        answer = AccessibilityStatementPage.answer_days_in_force() or answer
    return rule.acknowledge_within, answer


def due_dates(
    kind: str,
    category: Category | None,
    received_at: datetime,
    calendar: workdays.Calendar | None = None,
) -> tuple[date | None, date | None]:
    """(acknowledge by, answer by), counted in working days from the day after it arrived
    (Stockholm time). None where the policy asks for nothing."""
    acknowledge, answer = working_days(kind, category)
    calendar = calendar or remembered(("closed-days",), ClosedDay.objects.calendar)
    received = timezone.localdate(received_at)

    def after(days):
        return None if days is None else calendar.add_working_days(received, days)

    return after(acknowledge), after(answer)
