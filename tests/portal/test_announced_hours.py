"""Changes already decided show ahead of time: on 25 November a citizen can see the staff day
on 9 December, the shorter phone hours between the holidays and next summer's hours."""

from datetime import date, time

import pytest
import time_machine

from portal.hours import DatedException, Interval, Schedule, Season
from portal.models import ClosedDay
from portal.workdays import Calendar

MONDAY_TO_FRIDAY = {day: (Interval(time(8, 30), time(12)),) for day in range(5)}
SUMMER = Season(
    "Sommartider", date(2027, 6, 21), date(2027, 8, 15), {0: (Interval(time(9), time(11)),)}
)


def schedule(**extra):
    return Schedule(
        name="Reception",
        weekly=MONDAY_TO_FRIDAY,
        seasons=(SUMMER,),
        exceptions=(DatedException(date(2026, 12, 30), (Interval(time(10), time(11)),), "Kort"),),
        calendar=Calendar({date(2026, 12, 9): "Personaldag", date(2026, 12, 12): "Lördag ändå"}),
        **extra,
    )


def test_exceptions_closed_days_and_seasons_ahead_are_announced():
    announced = schedule().announced(date(2026, 12, 2), date(2027, 12, 2))
    assert [(d.day, d.kind, d.note) for d in announced.days] == [
        (date(2026, 12, 9), "holiday", "Personaldag"),
        (date(2026, 12, 30), "exception", "Kort"),
    ]  # 12 December is a Saturday: closed anyway, nothing to announce
    assert announced.seasons == (SUMMER,)
    assert SUMMER.by_weekday() == [(0, (Interval(time(9), time(11)),))]


def test_nothing_is_announced_outside_the_window():
    assert not schedule().announced(date(2027, 9, 1), date(2027, 11, 1))


@time_machine.travel("2026-11-25 10:00 +01:00", tick=False)
@pytest.mark.parametrize(
    "code, heading, closed",
    [("sv", "Ändrade tider", "Stängt"), ("ar", "تغييرات قادمة في الأوقات", "مغلق")],
)
def test_the_hours_page_shows_changes_ahead(client, demo_site, code, heading, closed):
    ClosedDay.objects.create(date=date(2026, 12, 9), reason="Personaldag")
    html = client.get(f"/{code}/oppettider/").content.decode()
    section = html.split(heading, 1)[1].split("</ul>", 1)[0]
    assert "Personaldag" in section and closed in section
    assert "Kortare telefontid mellan helgerna" in section
    if code == "ar":  # the unit's own notes are Swedish, and marked so
        assert 'lang="sv"' in section
