"""The appeal guard (FL 44–46 §§): feedback that may really be an appeal of a decision is
flagged at intake, and the handler sees the last day to appeal and forwards it in time.

The words (``AppealWord``) are matched as ``word_lists`` says, with no query per submission.
"""

from dataclasses import dataclass
from datetime import date

from feedback import word_lists
from feedback.models import AppealWord, Category, Feedback
from portal.appeals import last_day_to_appeal


def mentions_appeal(text: str) -> bool:
    return word_lists.mentions(AppealWord, text)


def suggests_appeal(message: str, category: Category | None) -> bool:
    """The one definition of ``Feedback.may_be_appeal``."""
    return bool(category and category.suggests_appeal) or mentions_appeal(message)


@dataclass(frozen=True)
class AppealDeadline:
    """What the handler sees for a flagged item told of its decision on ``told_on``."""

    told_on: date
    last_day: date
    days_left: int  # negative once the last day has passed
    arrived_on: date | None

    @property
    def arrived_in_time(self) -> bool | None:
        return None if self.arrived_on is None else self.arrived_on <= self.last_day


def deadline(feedback: Feedback, today: date) -> AppealDeadline | None:
    if not (feedback.may_be_appeal and feedback.decision_told_on):
        return None
    last_day = last_day_to_appeal(feedback.decision_told_on)
    return AppealDeadline(
        told_on=feedback.decision_told_on,
        last_day=last_day,
        days_left=(last_day - today).days,
        arrived_on=feedback.appeal_arrived_on,
    )
