"""Reporting periods in Stockholm time: a year, a tertial (T1 January–April, T2 May–August,
T3 September–December, as the unit's tertial reports) or any range of days.

An item received on 31 December at 23:30 belongs to that year whatever UTC says."""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils.translation import gettext_lazy as _

from portal.workdays import STOCKHOLM

TERTIAL_FIRST_MONTH = {1: 1, 2: 5, 3: 9}
TERTIAL_LABELS = {
    1: _("T1 (January–April)"),
    2: _("T2 (May–August)"),
    3: _("T3 (September–December)"),
}


def tertial_months(tertial: int) -> range:
    first = TERTIAL_FIRST_MONTH[tertial]
    return range(first, first + 4)


def _at(year: int, month: int) -> datetime:
    return datetime(year + (month - 1) // 12, (month - 1) % 12 + 1, 1, tzinfo=STOCKHOLM)


@dataclass(frozen=True)
class Period:
    start: datetime  # inclusive, Stockholm time
    end: datetime  # exclusive
    label: str

    @classmethod
    def year(cls, year: int, tertial: int | None = None) -> "Period":
        if tertial is None:
            return cls(_at(year, 1), _at(year + 1, 1), str(year))
        first = TERTIAL_FIRST_MONTH[tertial]
        return cls(_at(year, first), _at(year, first + 4), f"{year} T{tertial}")

    @classmethod
    def between(cls, first: date, last: date) -> "Period":
        """From ``first`` to ``last``, both days included."""
        start = datetime(first.year, first.month, first.day, tzinfo=STOCKHOLM)
        after = last + timedelta(days=1)
        end = datetime(after.year, after.month, after.day, tzinfo=STOCKHOLM)
        return cls(start, end, f"{first.isoformat()} – {last.isoformat()}")

    def a_year_earlier(self) -> "Period":
        return Period(
            self.start.replace(year=self.start.year - 1),
            self.end.replace(year=self.end.year - 1),
            f"{self.label} ({self.start.year - 1})",
        )


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (earlier when negative), or the month's
    last day where it has fewer days: 31 May less 3 months is 28 or 29 February."""
    year, month_index = divmod(day.year * 12 + day.month - 1 + months, 12)
    month = month_index + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def start_of_day(day: date) -> datetime:
    """Midnight at the start of ``day`` in Stockholm."""
    return datetime(day.year, day.month, day.day, tzinfo=STOCKHOLM)
