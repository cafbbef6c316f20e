"""The opening-hours engine.

Weekly intervals (several a day), seasonal periods, dated exceptions and Swedish holidays, on
plain data: the home and opening-hours pages call it, and its tests need no database.
Every wall-clock time is Europe/Stockholm. What wins on a given day, strongest first: a dated
exception, a holiday or closed eve, a seasonal period, the regular week.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property

from portal import workdays
from portal.workdays import STOCKHOLM

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# How far ahead to look for the next opening: long enough for a summer closure.
SEARCH_DAYS = 400

REGULAR, SEASON, EXCEPTION, HOLIDAY = "regular", "season", "exception", "holiday"


@dataclass(frozen=True, order=True)
class Interval:
    opens: time
    closes: time

    def __post_init__(self):
        if self.closes <= self.opens:
            raise ValueError(f"An interval must close after it opens ({self.opens}–{self.closes}).")


Week = Mapping[int, tuple[Interval, ...]]  # weekday (0 = Monday) -> intervals


@dataclass(frozen=True)
class Season:
    """A dated period (both ends included) with its own weekly hours, e.g. summer hours."""

    name: str
    starts: date
    ends: date
    weekly: Week

    def covers(self, day: date) -> bool:
        return self.starts <= day <= self.ends

    def by_weekday(self) -> list[tuple[int, tuple[Interval, ...]]]:
        """(weekday, intervals) for each day the period has hours, Monday first."""
        return [(day, tuple(sorted(self.weekly[day]))) for day in sorted(self.weekly)]


@dataclass(frozen=True)
class DatedException:
    """Special hours on one date; no intervals means closed all day."""

    day: date
    intervals: tuple[Interval, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class DayHours:
    day: date
    intervals: tuple[Interval, ...]
    kind: str
    note: str = ""
    # The language of ``note`` when it is not the schedule's own text: a holiday's name comes
    # in Swedish or English, a unit-wide closed day's reason in Swedish.
    note_language: str = ""

    @property
    def is_open(self) -> bool:
        return bool(self.intervals)


@dataclass(frozen=True)
class Status:
    is_open: bool
    closes_at: datetime | None = None
    opens_at: datetime | None = None

    @property
    def changes_at(self) -> datetime | None:
        """When "open now" or "closed now" stops being true (None: not foreseen)."""
        return self.closes_at if self.is_open else self.opens_at


def at(day: date, moment: time) -> datetime:
    """The aware Stockholm datetime of a wall-clock time on a day (DST handled by zoneinfo)."""
    return datetime.combine(day, moment, tzinfo=STOCKHOLM)


@dataclass(frozen=True)
class Announced:
    """Changed hours ahead: single days, and periods with their own weekly hours."""

    days: tuple[DayHours, ...]
    seasons: tuple[Season, ...]

    def __bool__(self) -> bool:
        return bool(self.days or self.seasons)


@dataclass(frozen=True)
class Schedule:
    name: str
    weekly: Week
    seasons: tuple[Season, ...] = ()
    exceptions: tuple[DatedException, ...] = ()
    description: str = field(default="", compare=False)
    calendar: workdays.Calendar = field(default_factory=workdays.Calendar, compare=False)

    @cached_property
    def _exceptions_by_day(self) -> dict[date, DatedException]:
        return {exception.day: exception for exception in self.exceptions}

    def hours_on(self, day: date, language: str = "sv") -> DayHours:
        exception = self._exceptions_by_day.get(day)
        if exception:
            return DayHours(day, tuple(sorted(exception.intervals)), EXCEPTION, exception.note)
        closed = self.calendar.closed_reason(day, language)
        if closed:
            named = workdays.holiday_name(day, language)
            note_language = workdays.holiday_name_language(language) if named else "sv"
            return DayHours(day, (), HOLIDAY, closed, note_language)
        season = next((season for season in self.seasons if season.covers(day)), None)
        if season:
            return DayHours(day, _sorted(season.weekly, day), SEASON, season.name)
        return DayHours(day, _sorted(self.weekly, day), REGULAR)

    def days(self, start: date, count: int = 7, language: str = "sv") -> list[DayHours]:
        return [self.hours_on(start + timedelta(days=n), language) for n in range(count)]

    def announced(self, start: date, end: date, language: str = "sv") -> "Announced":
        """Changes already decided for ``start``..``end`` (both included), beyond the days a
        page lists one by one: dated exceptions, the unit's own closed days on a day it
        would have been open, and seasonal periods that have not started yet."""
        days = []
        for day in sorted({*self._exceptions_by_day, *self.calendar.extra_closed}):
            if not start <= day <= end:
                continue
            hours = self.hours_on(day, language)
            usual = self._usual_hours(day)
            if hours.kind == EXCEPTION or usual:
                days.append(hours)
        seasons = sorted(
            (season for season in self.seasons if start <= season.starts <= end),
            key=lambda season: season.starts,
        )
        return Announced(tuple(days), tuple(seasons))

    def _usual_hours(self, day: date) -> tuple[Interval, ...]:
        season = next((season for season in self.seasons if season.covers(day)), None)
        return _sorted(season.weekly if season else self.weekly, day)

    def status(self, now: datetime) -> Status:
        local = now.astimezone(STOCKHOLM)
        intervals = self.hours_on(local.date()).intervals
        for index, interval in enumerate(intervals):
            if interval.opens <= local.time() < interval.closes:
                closes = interval.closes
                # Back-to-back intervals read as one opening.
                for following in intervals[index + 1 :]:
                    if following.opens > closes:
                        break
                    closes = max(closes, following.closes)
                return Status(True, closes_at=at(local.date(), closes))
        return Status(False, opens_at=self.next_opening(local))

    def next_opening(self, after: datetime) -> datetime | None:
        local = after.astimezone(STOCKHOLM)
        for offset in range(SEARCH_DAYS):
            day = local.date() + timedelta(days=offset)
            for interval in self.hours_on(day).intervals:
                opens = at(day, interval.opens)
                if opens > local:
                    return opens
        return None

    def schema_org_hours(self, start: date, days: int = 60) -> list[dict]:
        """schema.org OpeningHoursSpecification: the regular week, the seasons, and every day in
        the coming ``days`` whose hours differ from them (holidays, exceptions)."""
        specs = _week_specs(self.weekly)
        for season in self.seasons:
            if season.ends >= start:
                specs += _week_specs(
                    season.weekly,
                    validFrom=season.starts.isoformat(),
                    validThrough=season.ends.isoformat(),
                )
        for day_hours in self.days(start, days):
            if day_hours.kind not in (EXCEPTION, HOLIDAY):
                continue
            dated = {
                "validFrom": day_hours.day.isoformat(),
                "validThrough": day_hours.day.isoformat(),
            }
            weekday = SCHEMA_DAYS[day_hours.day.weekday()]
            if day_hours.intervals:
                specs += [_spec([weekday], interval, **dated) for interval in day_hours.intervals]
            else:
                specs.append(_closed_spec(weekday, **dated))
        return specs


def _sorted(week: Week, day: date) -> tuple[Interval, ...]:
    return tuple(sorted(week.get(day.weekday(), ())))


def _spec(weekdays: list[str], interval: Interval, **extra) -> dict:
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [f"https://schema.org/{name}" for name in weekdays],
        "opens": interval.opens.strftime("%H:%M"),
        "closes": interval.closes.strftime("%H:%M"),
        **extra,
    }


def _closed_spec(weekday: str, **extra) -> dict:
    """schema.org's way of saying "closed all day": opens and closes at midnight."""
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [f"https://schema.org/{weekday}"],
        "opens": "00:00",
        "closes": "00:00",
        **extra,
    }


def _week_specs(week: Week, **extra) -> list[dict]:
    """One specification per distinct interval, listing the weekdays it applies to."""
    days_by_interval: dict[Interval, list[str]] = {}
    for weekday in sorted(week):
        for interval in week[weekday]:
            days_by_interval.setdefault(interval, []).append(SCHEMA_DAYS[weekday])
    return [
        _spec(weekdays, interval, **extra)
        for interval, weekdays in sorted(days_by_interval.items())
    ]
