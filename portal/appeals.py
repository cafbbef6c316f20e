"""The last day to appeal a decision.

Förvaltningslagen (2017:900) 44 §: the appeal must reach the authority that made the decision
within three weeks of the day the person was told of it. Lag (1930:173) om beräkning av
lagstadgad tid: a time limit that ends on a Saturday, Sunday, public holiday, midsommarafton,
julafton or nyårsafton ends on the next day that is none of these. The statutory calendar counts,
not the unit's own closed days.
"""

from datetime import date, timedelta

from portal.workdays import Calendar

APPEAL_PERIOD = timedelta(weeks=3)
# Weekends, public holidays and the three eves, without the unit's extra closed days.
STATUTORY_CALENDAR = Calendar()


def three_weeks_after(told_on: date) -> date:
    """The same weekday three weeks after the day the person was told of the decision."""
    return told_on + APPEAL_PERIOD


def last_day_to_appeal(told_on: date) -> date:
    """The last day the appeal may arrive, for a person told of the decision on ``told_on``."""
    return STATUTORY_CALENDAR.next_working_day(three_weeks_after(told_on))
