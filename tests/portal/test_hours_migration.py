"""The migration to several days per row keeps every opening hour: one row per weekday and
interval becomes one row per interval naming its days, in pages and in their revisions."""

import importlib
import json

import pytest
from django.apps import apps as django_apps
from wagtail_localize.models import TranslationSource

from portal.blocks import ServiceBlock
from portal.models import OpeningHoursPage

MIGRATION = importlib.import_module("portal.migrations.0007_several_days_at_once")


def row(value, id_):
    return {"type": "item", "value": value, "id": id_}


def service(regular_hours, seasons=()):
    return {"name": "Reception", "regular_hours": regular_hours, "seasons": list(seasons)}


def migrated(value):
    return MIGRATION.WeekdayRowsToSeveralDays().apply(value)


def test_rows_with_the_same_times_become_one_row_with_their_days():
    old = [
        row({"weekday": "0", "opens": "08:30:00", "closes": "12:00:00"}, "a"),
        row({"weekday": "1", "opens": "08:30:00", "closes": "12:00:00"}, "b"),
        row({"weekday": "0", "opens": "13:00:00", "closes": "16:00:00"}, "c"),
        row({"weekday": "4", "opens": "08:30:00", "closes": "12:00:00"}, "d"),
    ]
    assert migrated(service(old))["regular_hours"] == [
        row({"weekdays": ["0", "1", "4"], "opens": "08:30:00", "closes": "12:00:00"}, "a"),
        row({"weekdays": ["0"], "opens": "13:00:00", "closes": "16:00:00"}, "c"),
    ]


def test_seasons_empty_lists_and_converted_rows_are_kept():
    summer = row(
        {
            "name": "Sommar",
            "hours": [
                row({"weekdays": ["2"], "opens": "09:00:00", "closes": "11:00:00"}, "a"),
                row({"weekday": "3", "opens": None, "closes": None}, "b"),
            ],
        },
        "s",
    )
    winter = row({"name": "Vinter", "hours": []}, "w")
    result = migrated(service([], [summer, winter]))
    assert result["regular_hours"] == []
    assert result["seasons"][0]["value"]["hours"] == [
        row({"weekdays": ["2"], "opens": "09:00:00", "closes": "11:00:00"}, "a"),
        row({"weekdays": ["3"], "opens": None, "closes": None}, "b"),
    ]
    assert result["seasons"][1] == winter


def test_rows_stored_without_ids_are_converted_too():
    bare = [
        {"weekday": "0", "opens": "08:30:00", "closes": "12:00:00"},
        {"weekday": "1", "opens": "08:30:00", "closes": "12:00:00"},
    ]
    summer = {"name": "Sommar", "hours": [{"weekday": "2", "opens": None, "closes": None}]}
    result = migrated(service(bare, [summer]))
    (converted,) = result["regular_hours"]
    assert converted["type"] == "item" and len(converted["id"]) == 36
    assert converted["value"] == {"weekdays": ["0", "1"], "opens": "08:30:00", "closes": "12:00:00"}
    assert result["seasons"][0]["hours"][0]["value"]["weekdays"] == ["2"]


def test_the_converted_service_reads_as_the_same_hours():
    """The migrated JSON, read by today's block, gives the hours the old rows gave."""
    old = {
        "name": "Reception",
        "description": "",
        "regular_hours": [
            {"weekday": str(day), "opens": "08:30", "closes": "12:00"} for day in range(5)
        ]
        + [{"weekday": "4", "opens": "13:00", "closes": "15:00"}],
        "seasons": [
            {"name": "Sommar", "starts": "2026-06-22", "ends": "2026-08-16", "hours": []},
        ],
        "exceptions": [],
    }
    schedule = ServiceBlock().to_python(migrated(old)).schedule()
    assert {day: len(intervals) for day, intervals in schedule.weekly.items()} == {
        0: 1,
        1: 1,
        2: 1,
        3: 1,
        4: 2,
    }
    assert schedule.seasons[0].weekly == {}


@pytest.mark.django_db
def test_wagtail_localizes_copy_of_the_hours_page_is_converted(demo_site):
    page = OpeningHoursPage.objects.get(locale__language_code="sv")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    data = json.loads(source.content_json)
    old_rows = [{"weekday": str(day), "opens": "09:00", "closes": "11:00"} for day in (0, 1)]
    stream = json.loads(data["services"]) if isinstance(data["services"], str) else data["services"]
    stream[0]["value"]["regular_hours"] = old_rows
    data["services"] = json.dumps(stream) if isinstance(data["services"], str) else stream
    source.content_json = json.dumps(data)
    source.save()

    MIGRATION.convert_translation_sources(django_apps, None)
    source.refresh_from_db()
    weekly = source.as_instance().schedules()[0].weekly
    assert sorted(weekly) == [0, 1]
