"""The opening-hours engine on real dates, in Europe/Stockholm time."""

from datetime import UTC, date, datetime, time

import pytest

from portal.hours import (
    EXCEPTION,
    HOLIDAY,
    REGULAR,
    SEASON,
    STOCKHOLM,
    DatedException,
    Interval,
    Schedule,
    Season,
)


def iv(opens: str, closes: str) -> Interval:
    return Interval(time.fromisoformat(opens), time.fromisoformat(closes))


BOOKING_WEEK = {
    0: (iv("10:00", "11:00"), iv("12:30", "13:30")),
    1: (iv("10:00", "11:00"), iv("12:30", "13:30")),
    2: (iv("12:30", "13:30"), iv("10:00", "11:00")),  # order as an editor might enter it
    3: (iv("10:00", "11:00"),),
    4: (iv("10:00", "11:00"),),
}
SUMMER = Season(
    "Sommartider",
    date(2026, 6, 22),
    date(2026, 8, 16),
    {d: (iv("10:00", "11:00"),) for d in range(5)},
)
BOOKING = Schedule(
    "Tidsbokning",
    BOOKING_WEEK,
    seasons=(SUMMER,),
    exceptions=(DatedException(date(2026, 12, 30), (iv("10:00", "10:30"),), "Mellan helgerna"),),
)


def stockholm(*args) -> datetime:
    return datetime(*args, tzinfo=STOCKHOLM)


def test_interval_must_close_after_it_opens():
    with pytest.raises(ValueError):
        iv("11:00", "10:00")


def test_regular_day_has_its_intervals_in_time_order():
    wednesday = BOOKING.hours_on(date(2026, 11, 25))
    assert wednesday.kind == REGULAR
    assert wednesday.intervals == (iv("10:00", "11:00"), iv("12:30", "13:30"))


def test_midsommarafton_closes_with_its_name():
    day = BOOKING.hours_on(date(2026, 6, 19))
    assert (day.is_open, day.kind, day.note) == (False, HOLIDAY, "Midsommarafton")


def test_thursday_before_midsommar_is_open_as_usual():
    assert BOOKING.hours_on(date(2026, 6, 18)).intervals == (iv("10:00", "11:00"),)


def test_christmas_eve_and_new_years_eve_close():
    assert BOOKING.hours_on(date(2026, 12, 24)).note == "Julafton"
    assert BOOKING.hours_on(date(2026, 12, 31)).note == "Nyårsafton"
    assert not BOOKING.hours_on(date(2026, 12, 31)).is_open


def test_holiday_names_follow_the_language():
    assert BOOKING.hours_on(date(2026, 12, 24), "en").note == "Christmas Eve"


def test_summer_season_replaces_the_regular_week():
    monday = BOOKING.hours_on(date(2026, 6, 22))
    assert (monday.kind, monday.note, monday.intervals) == (
        SEASON,
        "Sommartider",
        (iv("10:00", "11:00"),),
    )
    assert BOOKING.hours_on(date(2026, 8, 17)).kind == REGULAR


def test_dated_exception_wins():
    day = BOOKING.hours_on(date(2026, 12, 30))
    assert (day.kind, day.intervals, day.note) == (
        EXCEPTION,
        (iv("10:00", "10:30"),),
        "Mellan helgerna",
    )


def test_an_exception_can_open_a_holiday():
    schedule = Schedule(
        "Jour", {}, exceptions=(DatedException(date(2026, 12, 24), (iv("09:00", "12:00"),)),)
    )
    assert schedule.hours_on(date(2026, 12, 24)).is_open


def test_week_ahead_over_christmas():
    days = BOOKING.days(date(2026, 12, 21), 7)
    assert [d.is_open for d in days] == [True, True, True, False, False, False, False]
    assert [d.note for d in days[3:6]] == ["Julafton", "Juldagen", "Annandag jul"]


def test_open_now_says_when_it_closes():
    status = BOOKING.status(stockholm(2026, 11, 23, 10, 15))
    assert status.is_open
    assert status.closes_at == stockholm(2026, 11, 23, 11, 0)


def test_between_intervals_it_opens_again_the_same_day():
    status = BOOKING.status(stockholm(2026, 11, 23, 11, 0))
    assert not status.is_open
    assert status.opens_at == stockholm(2026, 11, 23, 12, 30)


def test_before_midsommar_the_next_opening_skips_the_holiday_weekend():
    status = BOOKING.status(stockholm(2026, 6, 18, 11, 30))
    assert status.opens_at == stockholm(2026, 6, 22, 10, 0)


def test_after_the_last_opening_before_christmas_it_opens_after_the_holidays():
    status = BOOKING.status(stockholm(2026, 12, 23, 14, 0))
    assert status.opens_at == stockholm(2026, 12, 28, 10, 0)


def test_spring_dst_change_uses_summer_time():
    # Summer time starts on Sunday 29 March 2026. 08:30 UTC on Monday is 10:30 in Stockholm.
    status = BOOKING.status(datetime(2026, 3, 30, 8, 30, tzinfo=UTC))
    assert status.is_open
    assert status.closes_at == datetime(2026, 3, 30, 9, 0, tzinfo=UTC)


def test_next_opening_across_the_spring_dst_change():
    status = BOOKING.status(stockholm(2026, 3, 27, 12, 0))
    assert status.opens_at == stockholm(2026, 3, 30, 10, 0)
    assert status.opens_at.astimezone(UTC) == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)


def test_autumn_dst_change_uses_standard_time():
    # Summer time ends on Sunday 25 October 2026. 09:30 UTC on Monday is 10:30 in Stockholm.
    assert BOOKING.status(datetime(2026, 10, 26, 9, 30, tzinfo=UTC)).is_open
    assert not BOOKING.status(datetime(2026, 10, 26, 8, 30, tzinfo=UTC)).is_open


def test_back_to_back_intervals_read_as_one_opening():
    schedule = Schedule("Reception", {0: (iv("08:00", "12:00"), iv("12:00", "16:00"))})
    status = schedule.status(stockholm(2026, 11, 23, 9, 0))
    assert status.closes_at == stockholm(2026, 11, 23, 16, 0)


def test_a_service_without_hours_never_opens():
    assert Schedule("Stängd", {}).status(stockholm(2026, 11, 23, 9, 0)).opens_at is None


def test_schema_org_groups_the_week_and_lists_special_days():
    specs = BOOKING.schema_org_hours(date(2026, 12, 20), days=14)
    regular = [s for s in specs if "validFrom" not in s]
    ten_to_eleven = next(s for s in regular if s["opens"] == "10:00")
    assert ten_to_eleven["dayOfWeek"] == [
        f"https://schema.org/{d}" for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    ]
    christmas_eve = next(s for s in specs if s.get("validFrom") == "2026-12-24")
    assert (christmas_eve["opens"], christmas_eve["closes"]) == ("00:00", "00:00")
    special = next(s for s in specs if s.get("validFrom") == "2026-12-30")
    assert (special["opens"], special["closes"]) == ("10:00", "10:30")
    assert all(s["@type"] == "OpeningHoursSpecification" for s in specs)


def test_extra_closed_days_close_every_service():
    from portal.workdays import Calendar

    schedule = Schedule(
        "Tidsbokning", BOOKING_WEEK, calendar=Calendar({date(2026, 11, 26): "Planeringsdag"})
    )
    day = schedule.hours_on(date(2026, 11, 26))
    assert (day.is_open, day.kind, day.note) == (False, HOLIDAY, "Planeringsdag")
    assert schedule.status(stockholm(2026, 11, 25, 14, 0)).opens_at == stockholm(
        2026, 11, 27, 10, 0
    )
