from datetime import date, datetime, timedelta

import pytest

from portal import workdays
from portal.models import ClosedDay


@pytest.mark.parametrize(
    "day, name",
    [
        (date(2026, 6, 19), "Midsommarafton"),
        (date(2026, 12, 24), "Julafton"),
        (date(2026, 12, 31), "Nyårsafton"),
        (date(2026, 12, 25), "Juldagen"),
        (date(2026, 4, 3), "Långfredagen"),
        (date(2026, 6, 6), "Nationaldagen"),
    ],
)
def test_closed_days_have_their_swedish_names(day, name):
    assert workdays.holiday_name(day) == name
    assert not workdays.Calendar().is_working_day(day)


def test_holiday_names_in_english():
    assert workdays.holiday_name(date(2026, 6, 19), "en") == "Midsummer Eve"


def test_languages_without_holiday_names_get_the_swedish_name():
    assert workdays.holiday_name(date(2026, 12, 24), "ar") == "Julafton"


def test_ordinary_weekdays_are_working_days_and_weekends_are_not():
    assert workdays.Calendar().is_working_day(date(2026, 6, 18))  # the Thursday before midsommar
    assert not workdays.Calendar().is_working_day(date(2026, 6, 21))  # a plain Sunday
    assert workdays.holiday_name(date(2026, 6, 21)) is None


def test_trettondagsafton_is_a_working_day():
    assert workdays.Calendar().is_working_day(date(2026, 1, 5))


def test_adding_working_days_skips_midsommar():
    # Thursday before midsommar + 5 working days: Fri 19 is Midsommarafton, then a weekend.
    assert workdays.Calendar().add_working_days(date(2026, 6, 18), 5) == date(2026, 6, 26)


def test_adding_working_days_across_christmas_and_new_year():
    assert workdays.Calendar().add_working_days(date(2026, 12, 23), 5) == date(2027, 1, 5)
    # Trettondedag jul (6 January) is a holiday too.
    assert workdays.Calendar().add_working_days(date(2026, 12, 23), 6) == date(2027, 1, 7)


def test_extra_closed_days_are_not_working_days():
    calendar = workdays.Calendar({date(2026, 11, 26): "Planeringsdag"})
    assert not calendar.is_working_day(date(2026, 11, 26))
    assert calendar.closed_reason(date(2026, 11, 26)) == "Planeringsdag"
    assert calendar.add_working_days(date(2026, 11, 25), 1) == date(2026, 11, 27)


def test_a_time_limit_ending_on_a_closed_day_moves_to_the_next_working_day():
    calendar = workdays.Calendar()
    assert calendar.next_working_day(date(2026, 12, 24)) == date(2026, 12, 28)
    assert calendar.next_working_day(date(2026, 12, 22)) == date(2026, 12, 22)


@pytest.mark.django_db
def test_the_unit_calendar_includes_the_closed_days_staff_enter():
    ClosedDay.objects.create(date=date(2026, 11, 26), reason="Planeringsdag")
    calendar = ClosedDay.objects.calendar()
    assert not calendar.is_working_day(date(2026, 11, 26))
    assert calendar.add_working_days(date(2026, 11, 25), 1) == date(2026, 11, 27)


def at(day, hour, minute=0):
    return datetime(2026, 5, day, hour, minute, tzinfo=workdays.STOCKHOLM)


def test_working_hours_run_in_office_hours_on_working_days_only():
    """Ascension Day 2026 is Thursday 14 May: from Wednesday 15:00 to Friday 10:00 pass 1.5 hours
    on Wednesday and 2 on Friday; nights, the holiday and the weekend count nothing."""
    calendar = workdays.Calendar()
    assert workdays.holiday_name(date(2026, 5, 14)) == "Kristi himmelsfärdsdag"
    assert calendar.working_time_between(at(13, 15), at(15, 10)) == timedelta(hours=3.5)
    assert calendar.working_time_between(at(15, 17), at(18, 7)) == timedelta()
    assert calendar.working_time_between(at(11, 6), at(11, 23)) == timedelta(hours=8.5)
    assert calendar.is_working_time(at(13, 8)) and calendar.is_working_time(at(13, 16, 29))
    assert not calendar.is_working_time(at(13, 16, 30))
    assert not calendar.is_working_time(at(14, 10))
    assert not calendar.is_working_time(at(16, 10))


def test_working_time_before_counts_back_over_the_holiday_and_closed_days():
    calendar = workdays.Calendar()
    eight = timedelta(hours=8)
    # Friday 14:30, 8 working hours back: 6.5 on Friday, 1.5 on Wednesday (from 15:00).
    assert calendar.working_time_before(at(15, 14, 30), eight) == at(13, 15)
    # From the evening or the holiday, back from the last closing time.
    assert calendar.working_time_before(at(14, 20), eight) == at(13, 8, 30)
    assert calendar.working_time_before(at(13, 16), timedelta(hours=8.5)) == at(12, 16)
    # A closed day staff entered (Friday 15 May, a "klämdag") counts nothing either.
    closed = workdays.Calendar({date(2026, 5, 15): "Klämdag"})
    assert closed.working_time_before(at(18, 14, 30), eight) == at(13, 15)
    # The two agree: exactly the span lies between the moment found and the end.
    since = calendar.working_time_before(at(19, 11), eight)
    assert calendar.working_time_between(since, at(19, 11)) == eight
