"""The working-day calendar: weekends, Swedish public holidays, the de facto closed eves and the
extra closed days staff add, and the office hours of a working day.

One source of truth for every date question the portal asks: opening hours close on these days,
feedback deadlines count only the days in between, and a time limit in working hours (feedback
nobody has picked up) runs only in office hours.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

# The unit's time zone: every date it promises and reports is a Stockholm date. (Django's
# TIME_ZONE setting names the same zone for the database and templates.)
STOCKHOLM = ZoneInfo("Europe/Stockholm")

# The office hours of a working day, Stockholm time: when staff are at work (not the reception's
# opening hours, which are published per page). Working hours count only these.
OFFICE_OPENS = time(8, 0)
OFFICE_CLOSES = time(16, 30)

# "de_facto" adds Midsommarafton, Julafton and Nyårsafton, on which the unit is closed.
HOLIDAY_CATEGORIES = ("public", "de_facto")

# Languages the holidays package names Swedish holidays in; other readers see the Swedish name.
_HOLIDAY_NAME_LANGUAGES = {"sv": "sv", "en": "en_US"}


@lru_cache(maxsize=64)
def _holidays_in(year: int, language: str) -> dict[date, str]:
    return dict(
        holidays.country_holidays(
            "SE", years=year, categories=HOLIDAY_CATEGORIES, language=language
        )
    )


def holiday_name_language(language: str) -> str:
    """The language holiday names are given in for a reader of ``language``: sv or en."""
    return _HOLIDAY_NAME_LANGUAGES.get((language or "sv").split("-")[0], "sv")[:2]


def holiday_name(day: date, language: str = "sv") -> str | None:
    """The name of the public holiday or closed eve on ``day`` in ``language``, or None."""
    name_language = _HOLIDAY_NAME_LANGUAGES.get((language or "sv").split("-")[0], "sv")
    return _holidays_in(day.year, name_language).get(day)


@dataclass(frozen=True)
class Calendar:
    """Working days: Monday to Friday, less holidays, closed eves and ``extra_closed`` days."""

    extra_closed: Mapping[date, str] = field(default_factory=dict)

    def closed_reason(self, day: date, language: str = "sv") -> str | None:
        """Why the unit is closed all day on ``day`` (a weekend gives None: it is no holiday)."""
        return holiday_name(day, language) or self.extra_closed.get(day)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and self.closed_reason(day) is None

    def next_working_day(self, day: date) -> date:
        """``day`` itself if it is a working day, else the first one after it.

        This is also the rule of lag (1930:173): a time limit that ends on a Saturday, Sunday,
        public holiday or closed eve ends on the next working day instead.
        """
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, days: int) -> date:
        """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
        day = start
        for _ in range(days):
            day = self.next_working_day(day + timedelta(days=1))
        return day

    def office_hours(self, day: date) -> tuple[datetime, datetime] | None:
        """When the office is staffed on ``day`` (Stockholm time), or None on a closed day."""
        if not self.is_working_day(day):
            return None
        return (
            datetime.combine(day, OFFICE_OPENS, tzinfo=STOCKHOLM),
            datetime.combine(day, OFFICE_CLOSES, tzinfo=STOCKHOLM),
        )

    def is_working_time(self, moment: datetime) -> bool:
        hours = self.office_hours(moment.astimezone(STOCKHOLM).date())
        return hours is not None and hours[0] <= moment < hours[1]

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """The office hours from ``start`` to ``end``."""
        total, day = timedelta(), start.astimezone(STOCKHOLM).date()
        while day <= end.astimezone(STOCKHOLM).date():
            hours = self.office_hours(day)
            if hours:
                total += max(min(end, hours[1]) - max(start, hours[0]), timedelta())
            day += timedelta(days=1)
        return total

    def working_time_before(self, end: datetime, span: timedelta) -> datetime:
        """The latest moment with ``span`` (more than nothing) of office hours between it and
        ``end``: whatever arrived by then has waited that long in working hours."""
        day = end.astimezone(STOCKHOLM).date()
        while True:
            hours = self.office_hours(day)
            if hours and hours[0] < end:
                last = min(end, hours[1])
                if last - hours[0] >= span:
                    return last - span
                span -= last - hours[0]
            day -= timedelta(days=1)
