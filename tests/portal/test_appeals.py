"""The last day to appeal (FL 44 §, lag 1930:173), checked against Sweden's holidays written out
by hand below, not taken from the holidays package the calendar uses."""

from datetime import date, timedelta

import pytest

from portal import appeals
from portal.models import ClosedDay

# Every day of 2025-2027 (and early 2028) that moves a statutory time limit: the public holidays
# and the three eves lag (1930:173) names. Annandag pingst, trettondagsafton, skärtorsdagen and
# allhelgonaafton are ordinary working days.
SWEDISH_HOLIDAYS = {
    # 2025: Easter Sunday 20 April.
    date(2025, 1, 1): "Nyårsdagen",
    date(2025, 1, 6): "Trettondedag jul",
    date(2025, 4, 18): "Långfredagen",
    date(2025, 4, 20): "Påskdagen",
    date(2025, 4, 21): "Annandag påsk",
    date(2025, 5, 1): "Första maj",
    date(2025, 5, 29): "Kristi himmelsfärdsdag",
    date(2025, 6, 6): "Nationaldagen",
    date(2025, 6, 8): "Pingstdagen",
    date(2025, 6, 20): "Midsommarafton",
    date(2025, 6, 21): "Midsommardagen",
    date(2025, 11, 1): "Alla helgons dag",
    date(2025, 12, 24): "Julafton",
    date(2025, 12, 25): "Juldagen",
    date(2025, 12, 26): "Annandag jul",
    date(2025, 12, 31): "Nyårsafton",
    # 2026: Easter Sunday 5 April.
    date(2026, 1, 1): "Nyårsdagen",
    date(2026, 1, 6): "Trettondedag jul",
    date(2026, 4, 3): "Långfredagen",
    date(2026, 4, 5): "Påskdagen",
    date(2026, 4, 6): "Annandag påsk",
    date(2026, 5, 1): "Första maj",
    date(2026, 5, 14): "Kristi himmelsfärdsdag",
    date(2026, 5, 24): "Pingstdagen",
    date(2026, 6, 6): "Nationaldagen",
    date(2026, 6, 19): "Midsommarafton",
    date(2026, 6, 20): "Midsommardagen",
    date(2026, 10, 31): "Alla helgons dag",
    date(2026, 12, 24): "Julafton",
    date(2026, 12, 25): "Juldagen",
    date(2026, 12, 26): "Annandag jul",
    date(2026, 12, 31): "Nyårsafton",
    # 2027: Easter Sunday 28 March.
    date(2027, 1, 1): "Nyårsdagen",
    date(2027, 1, 6): "Trettondedag jul",
    date(2027, 3, 26): "Långfredagen",
    date(2027, 3, 28): "Påskdagen",
    date(2027, 3, 29): "Annandag påsk",
    date(2027, 5, 1): "Första maj",
    date(2027, 5, 6): "Kristi himmelsfärdsdag",
    date(2027, 5, 16): "Pingstdagen",
    date(2027, 6, 6): "Nationaldagen",
    date(2027, 6, 25): "Midsommarafton",
    date(2027, 6, 26): "Midsommardagen",
    date(2027, 11, 6): "Alla helgons dag",
    date(2027, 12, 24): "Julafton",
    date(2027, 12, 25): "Juldagen",
    date(2027, 12, 26): "Annandag jul",
    date(2027, 12, 31): "Nyårsafton",
    # Where a limit from late 2027 can end.
    date(2028, 1, 1): "Nyårsdagen",
    date(2028, 1, 6): "Trettondedag jul",
}

# (told of the decision, last day to appeal): three weeks on, then past any closed day.
APPEAL_TABLE = [
    # 2025
    (date(2025, 3, 27), date(2025, 4, 17)),  # skärtorsdagen is a working day
    (date(2025, 3, 28), date(2025, 4, 22)),  # långfredagen, Easter weekend, annandag påsk
    (date(2025, 3, 31), date(2025, 4, 22)),  # annandag påsk
    (date(2025, 5, 8), date(2025, 5, 30)),  # Kristi himmelsfärdsdag
    (date(2025, 5, 16), date(2025, 6, 9)),  # nationaldagen on a Friday
    (date(2025, 5, 30), date(2025, 6, 23)),  # midsommarafton
    (date(2025, 12, 2), date(2025, 12, 23)),  # the day before julafton is a working day
    (date(2025, 12, 3), date(2025, 12, 29)),  # julafton, juldagen, annandag jul, a weekend
    (date(2025, 12, 10), date(2026, 1, 2)),  # nyårsafton, nyårsdagen
    (date(2025, 12, 15), date(2026, 1, 5)),  # trettondagsafton is a working day
    (date(2025, 12, 16), date(2026, 1, 7)),  # trettondedag jul
    # 2026
    (date(2026, 3, 13), date(2026, 4, 7)),  # långfredagen
    (date(2026, 3, 14), date(2026, 4, 7)),  # påskafton, a Saturday
    (date(2026, 4, 10), date(2026, 5, 4)),  # första maj on a Friday
    (date(2026, 5, 4), date(2026, 5, 25)),  # annandag pingst is a working day
    (date(2026, 5, 16), date(2026, 6, 8)),  # nationaldagen on a Saturday
    (date(2026, 5, 29), date(2026, 6, 22)),  # midsommarafton
    (date(2026, 8, 12), date(2026, 9, 2)),  # an ordinary Wednesday
    (date(2026, 10, 9), date(2026, 10, 30)),  # allhelgonaafton is a working day
    (date(2026, 10, 10), date(2026, 11, 2)),  # alla helgons dag, a Saturday
    (date(2026, 12, 3), date(2026, 12, 28)),  # julafton on a Thursday
    (date(2026, 12, 10), date(2027, 1, 4)),  # nyårsafton, nyårsdagen, a weekend
    (date(2026, 12, 16), date(2027, 1, 7)),  # trettondedag jul
    # 2027
    (date(2027, 3, 4), date(2027, 3, 25)),  # skärtorsdagen
    (date(2027, 3, 5), date(2027, 3, 30)),  # långfredagen to annandag påsk
    (date(2027, 5, 16), date(2027, 6, 7)),  # nationaldagen on a Sunday
    (date(2027, 6, 4), date(2027, 6, 28)),  # midsommarafton
    (date(2027, 12, 2), date(2027, 12, 23)),
    (date(2027, 12, 3), date(2027, 12, 27)),  # julafton on a Friday
    (date(2027, 12, 10), date(2028, 1, 3)),  # nyårsafton into 2028
    (date(2027, 12, 16), date(2028, 1, 7)),  # trettondedag jul 2028
]


def is_closed_by_law(day: date) -> bool:
    return day.weekday() >= 5 or day in SWEDISH_HOLIDAYS


def last_day_by_hand(told_on: date) -> date:
    """The rule worked out again from the list above."""
    day = told_on + timedelta(days=21)
    while is_closed_by_law(day):
        day += timedelta(days=1)
    return day


@pytest.mark.parametrize(("told_on", "last_day"), APPEAL_TABLE)
def test_last_day_to_appeal_matches_the_table(told_on, last_day):
    assert appeals.last_day_to_appeal(told_on) == last_day


@pytest.mark.parametrize(("told_on", "last_day"), APPEAL_TABLE)
def test_the_table_agrees_with_the_holidays_written_out(told_on, last_day):
    assert last_day == last_day_by_hand(told_on)


def test_the_table_spans_three_years_of_easter_midsommar_christmas_and_new_year():
    assert len(APPEAL_TABLE) >= 20
    years = {last_day.year for _told_on, last_day in APPEAL_TABLE}
    assert {2025, 2026, 2027} <= years
    moved = [(t, d) for t, d in APPEAL_TABLE if d != t + timedelta(weeks=3)]
    for name in ("Långfredagen", "Midsommarafton", "Julafton", "Nyårsafton"):
        assert any(SWEDISH_HOLIDAYS.get(t + timedelta(weeks=3)) == name for t, _d in moved)


def test_every_day_of_three_years_agrees_with_the_holidays_written_out():
    day = date(2024, 12, 11)  # three weeks before 1 January 2025
    while day + timedelta(weeks=3) <= date(2027, 12, 31):
        assert appeals.last_day_to_appeal(day) == last_day_by_hand(day), day
        day += timedelta(days=1)


def test_a_limit_that_ends_on_a_working_day_is_exactly_three_weeks():
    told_on = date(2026, 8, 12)
    assert appeals.three_weeks_after(told_on) == date(2026, 9, 2)
    assert appeals.last_day_to_appeal(told_on) == date(2026, 9, 2)


@pytest.mark.django_db
def test_the_units_own_closed_days_do_not_move_the_last_day():
    # The unit closes for a planning day; the law's calendar does not.
    ClosedDay.objects.create(date=date(2026, 9, 2), reason="Planeringsdag")
    assert not ClosedDay.objects.calendar().is_working_day(date(2026, 9, 2))
    assert appeals.last_day_to_appeal(date(2026, 8, 12)) == date(2026, 9, 2)
