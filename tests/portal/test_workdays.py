from datetime import date

import pytest

from portal import workdays


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
    assert not workdays.is_working_day(day)


def test_holiday_names_in_english():
    assert workdays.holiday_name(date(2026, 6, 19), "en") == "Midsummer Eve"


def test_languages_without_holiday_names_get_the_swedish_name():
    assert workdays.holiday_name(date(2026, 12, 24), "ar") == "Julafton"


def test_ordinary_weekdays_are_working_days_and_weekends_are_not():
    assert workdays.is_working_day(date(2026, 6, 18))  # the Thursday before midsommar
    assert not workdays.is_working_day(date(2026, 6, 21))  # a plain Sunday
    assert workdays.holiday_name(date(2026, 6, 21)) is None


def test_trettondagsafton_is_a_working_day():
    assert workdays.is_working_day(date(2026, 1, 5))
